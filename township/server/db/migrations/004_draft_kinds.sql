-- Drafts of every kind go through the same review (issue 15): a notice, the
-- village's whole checklist, or one handbook chapter.
ALTER TABLE drafts ADD COLUMN kind text NOT NULL DEFAULT 'notice' CHECK (kind IN ('notice', 'checklist', 'chapter'));
