-- 0001 foundation: communities, buildings, households (一户一档), residents, users and
-- sessions, the audit chain, idempotency keys.
-- {{PK}} is the dialect's auto-increment primary key; {{NOW}} is not used: the application
-- writes every timestamp so both engines store the same text.

CREATE TABLE communities (
  id {{PK}},
  community_id BIGINT,
  name TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  district TEXT,
  street TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE buildings (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL,
  address TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (community_id, name)
);

CREATE TABLE users (
  id {{PK}},
  community_id BIGINT REFERENCES communities(id),
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('resident', 'guide', 'staff', 'street', 'admin')),
  household_id BIGINT,
  display_name TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE user_communities (
  user_id BIGINT NOT NULL REFERENCES users(id),
  community_id BIGINT NOT NULL REFERENCES communities(id),
  PRIMARY KEY (user_id, community_id)
);

CREATE TABLE households (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  building_id BIGINT REFERENCES buildings(id),
  code TEXT NOT NULL,
  address TEXT NOT NULL,
  housing_type TEXT NOT NULL CHECK (housing_type IN ('owner', 'tenant', 'public')),
  size INTEGER NOT NULL DEFAULT 1,
  income_band TEXT NOT NULL DEFAULT 'unknown',
  willingness TEXT NOT NULL DEFAULT 'unknown',
  guide_user_id BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (community_id, code)
);
CREATE INDEX households_building ON households (community_id, building_id);
CREATE INDEX households_guide ON households (guide_user_id);

-- Tags, wanted services and skills of a household: kind is 'tag', 'need' or 'skill'.
CREATE TABLE household_labels (
  community_id BIGINT NOT NULL,
  household_id BIGINT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('tag', 'need', 'skill')),
  value TEXT NOT NULL,
  PRIMARY KEY (household_id, kind, value)
);
CREATE INDEX household_labels_lookup ON household_labels (community_id, kind, value);

CREATE TABLE residents (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  name TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date TEXT,
  id_number TEXT,
  mobile TEXT,
  relation TEXT NOT NULL DEFAULT 'other',
  registration TEXT NOT NULL DEFAULT 'registered' CHECK (registration IN ('registered', 'migrant')),
  created_at TEXT NOT NULL,
  UNIQUE (community_id, id_number)
);
CREATE INDEX residents_household ON residents (household_id);
CREATE INDEX residents_name ON residents (community_id, name);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  community_id BIGINT,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_epoch BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins, for throttling; kept in the database so several servers share them.
CREATE TABLE login_failures (
  id {{PK}},
  community_id BIGINT,
  username TEXT NOT NULL,
  remote_ip TEXT NOT NULL,
  at_epoch BIGINT NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (username, at_epoch);

-- The tamper-evident audit chain: hash = SHA-256(prev_hash + canonical entry).
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  community_id BIGINT,
  at TEXT NOT NULL,
  actor_user_id BIGINT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  change TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);

-- The head of the chain, one row, locked by every append so appends are serial even across
-- several server processes.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  community_id BIGINT,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE idempotency_keys (
  user_id BIGINT NOT NULL,
  idem_key TEXT NOT NULL,
  community_id BIGINT,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);
