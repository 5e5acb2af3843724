-- heartbeats_kiosk_received was read by nothing on the request path (the fleet
-- page reads kiosk_latest, history reads heartbeat_daily, retention uses
-- heartbeats_received); it cost every heartbeat one more index insert.
DROP INDEX IF EXISTS heartbeats_kiosk_received;
