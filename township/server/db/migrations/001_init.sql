-- The console's first schema. PostgreSQL dialect; the same in PGlite.

CREATE TABLE townships (
  code text PRIMARY KEY,
  name text NOT NULL,
  county text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE villages (
  code text PRIMARY KEY,
  township_code text NOT NULL REFERENCES townships (code),
  name text NOT NULL
);

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'viewer')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- no rows for a user: every village
CREATE TABLE user_villages (
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  village_code text NOT NULL REFERENCES villages (code),
  PRIMARY KEY (user_id, village_code)
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  address text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- the first-run link: one row, its token hashed, used once
CREATE TABLE setup_tokens (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);

-- failed sign-ins per username and per address (throttling and lockout)
CREATE TABLE login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  first_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);

CREATE TABLE kiosks (
  id text PRIMARY KEY,
  village_code text NOT NULL REFERENCES villages (code),
  place text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  enrolled_by bigint REFERENCES users (id),
  token_rotated_at timestamptz,
  revoked_at timestamptz
);

-- raw heartbeats, kept 90 days; (kiosk, id) unique makes a repeat free
CREATE TABLE heartbeats (
  kiosk_id text NOT NULL REFERENCES kiosks (id),
  id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz,
  app_version text NOT NULL,
  content_revision integer,
  last_error jsonb,
  storage_used bigint,
  storage_quota bigint,
  clock_ok boolean NOT NULL,
  raw jsonb NOT NULL,
  PRIMARY KEY (kiosk_id, id)
);
CREATE INDEX heartbeats_kiosk_received ON heartbeats (kiosk_id, received_at);
CREATE INDEX heartbeats_received ON heartbeats (received_at);

-- the newest heartbeat of each kiosk: what the fleet page reads (one row a kiosk, not a scan of 6 M)
CREATE TABLE kiosk_latest (
  kiosk_id text PRIMARY KEY REFERENCES kiosks (id),
  heartbeat_id text NOT NULL,
  received_at timestamptz NOT NULL,
  created_at timestamptz,
  app_version text NOT NULL,
  content_revision integer,
  last_error jsonb,
  storage_used bigint,
  storage_quota bigint,
  clock_ok boolean NOT NULL
);

-- daily roll-ups (Asia/Shanghai days), kept for years
CREATE TABLE heartbeat_daily (
  kiosk_id text NOT NULL REFERENCES kiosks (id),
  day date NOT NULL,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  beats integer NOT NULL,
  minutes_online integer NOT NULL,
  revisions integer[] NOT NULL,
  error_count integer NOT NULL,
  PRIMARY KEY (kiosk_id, day)
);

-- every version of every clerk record; is_current marks the newest (what pages show)
CREATE TABLE clerk_records (
  village_code text NOT NULL REFERENCES villages (code),
  kind text NOT NULL CHECK (kind IN ('item', 'ledger', 'notice')),
  record_id text NOT NULL,
  version integer NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  kiosk_id text NOT NULL REFERENCES kiosks (id),
  body jsonb NOT NULL,
  photos jsonb NOT NULL DEFAULT '[]',
  -- ledger columns the supervision reads (copied from body on insert)
  item_id text,
  period_key text,
  posted_on text,
  taken_down_on text,
  is_current boolean NOT NULL DEFAULT true,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (village_code, kind, record_id, version)
);
CREATE INDEX clerk_records_current ON clerk_records (village_code, kind) WHERE is_current;

-- photos, content-addressed: a repeat upload is a no-op
CREATE TABLE photos (
  sha256 text PRIMARY KEY,
  size integer NOT NULL,
  mime_type text NOT NULL DEFAULT 'application/octet-stream',
  bytes bytea NOT NULL,
  kiosk_id text REFERENCES kiosks (id),
  received_at timestamptz NOT NULL DEFAULT now()
);

-- parts of a photo still arriving (resumable upload)
CREATE TABLE photo_parts (
  sha256 text NOT NULL,
  "offset" integer NOT NULL,
  total integer NOT NULL,
  bytes bytea NOT NULL,
  kiosk_id text NOT NULL REFERENCES kiosks (id),
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sha256, "offset")
);

-- the township's Ed25519 signing keys; the secret key encrypted at rest
CREATE TABLE keys (
  id bigserial PRIMARY KEY,
  township_code text NOT NULL REFERENCES townships (code),
  public_key text NOT NULL,
  secret_encrypted text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);

-- published feeds: the number only rises per village
CREATE TABLE revisions (
  village_code text NOT NULL REFERENCES villages (code),
  revision integer NOT NULL,
  feed bytea NOT NULL,
  signature text NOT NULL,
  sha256 text NOT NULL,
  key_id bigint REFERENCES keys (id),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by bigint REFERENCES users (id),
  PRIMARY KEY (village_code, revision)
);

CREATE TABLE feed_files (
  sha256 text PRIMARY KEY,
  mime_type text NOT NULL,
  bytes bytea NOT NULL
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'kiosk', 'system')),
  action text NOT NULL,
  target text NOT NULL DEFAULT '',
  details jsonb NOT NULL DEFAULT '{}',
  address text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_action ON audit_log (action, at);

CREATE TABLE alert_config (
  township_code text PRIMARY KEY REFERENCES townships (code),
  channel text NOT NULL DEFAULT 'none' CHECK (channel IN ('wecom', 'dingtalk', 'smtp', 'none')),
  webhook_url text NOT NULL DEFAULT '',
  smtp jsonb NOT NULL DEFAULT '{}',
  silent_minutes integer NOT NULL DEFAULT 60,
  behind_hours integer NOT NULL DEFAULT 24,
  digest_hour integer NOT NULL DEFAULT 8,
  base_url text NOT NULL DEFAULT ''
);

-- the last digest sent per township and kind: at most one a day
CREATE TABLE alert_state (
  township_code text NOT NULL REFERENCES townships (code),
  kind text NOT NULL,
  last_sent_day text NOT NULL,
  last_sent_at timestamptz NOT NULL,
  PRIMARY KEY (township_code, kind)
);

-- insert-only: an entry once written cannot be changed or removed
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
