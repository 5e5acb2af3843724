-- supervision caches each village's facts until its ledger or feed changes: the newest receipt per village, by index
CREATE INDEX clerk_records_village_received ON clerk_records (village_code, received_at);
