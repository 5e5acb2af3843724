-- Publishing from the console (issue 15): notice drafts, their reviews, and
-- what each published revision was made from.

-- one notice being written; `item` is the JSON Feed item it will publish as
CREATE TABLE drafts (
  id bigserial PRIMARY KEY,
  village_code text NOT NULL REFERENCES villages (code),
  item_id text NOT NULL,
  item jsonb NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved', 'scheduled', 'published', 'rejected')),
  author_id bigint NOT NULL REFERENCES users (id),
  publish_at timestamptz,
  published_revision integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drafts_village ON drafts (village_code, state);
CREATE INDEX drafts_scheduled ON drafts (publish_at) WHERE state = 'scheduled';

-- every decision on a draft: submitted, approved, rejected (with the reason back to the author)
CREATE TABLE reviews (
  id bigserial PRIMARY KEY,
  draft_id bigint NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users (id),
  decision text NOT NULL CHECK (decision IN ('submitted', 'approved', 'rejected', 'published', 'scheduled')),
  reason text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reviews_draft ON reviews (draft_id, at);

-- why a revision exists: a draft published, a notice withdrawn, an old revision restored
ALTER TABLE revisions ADD COLUMN cause text NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN source_draft_ids bigint[] NOT NULL DEFAULT '{}';
