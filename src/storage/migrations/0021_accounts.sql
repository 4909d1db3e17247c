-- 0021 accounts: residents register themselves with a household claim code and a code sent to
-- their mobile; every member of a household has a login; passwords are reset by SMS; sessions
-- are listed and ended by their owner; streets are entities owning communities.

-- Login by mobile (verified by a code at registration); the registered resident a login
-- belongs to (one login per member); a password reset forced by an administrator.
ALTER TABLE users ADD COLUMN mobile TEXT;
CREATE UNIQUE INDEX users_mobile ON users (mobile);
ALTER TABLE users ADD COLUMN resident_id BIGINT REFERENCES residents(id);
CREATE UNIQUE INDEX users_resident ON users (resident_id);
ALTER TABLE users ADD COLUMN must_reset_password INTEGER NOT NULL DEFAULT 0;

-- A registration no registered member matched (by name and mobile): the login exists,
-- disabled, until staff of the community confirm or refuse it.
CREATE TABLE account_requests (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  decided_by_user_id BIGINT REFERENCES users(id),
  decision TEXT CHECK (decision IN ('confirmed', 'refused')),
  decided_at TEXT
);
CREATE INDEX account_requests_open ON account_requests (community_id, decision);

-- A household's claim code, printed on a door-hanger slip: kept only as a SHA-256 hash (the
-- last two characters as a hint for staff), valid 30 days, each member registers with it once.
CREATE TABLE claim_codes (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  code_hash TEXT NOT NULL UNIQUE,
  hint TEXT NOT NULL,
  issued_by_user_id BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_ms BIGINT NOT NULL,
  revoked_at TEXT,
  uses INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX claim_codes_household ON claim_codes (household_id);

-- One-time codes sent to a mobile (registration, password reset): the hash of the code, its
-- expiry (10 minutes), wrong tries (5 at most) and when it was used. Counted per mobile and
-- per client address for the send limits.
CREATE TABLE otp_codes (
  id {{PK}},
  mobile TEXT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'reset')),
  code_hash TEXT NOT NULL,
  remote_ip TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  used_ms BIGINT
);
CREATE INDEX otp_codes_mobile ON otp_codes (mobile, created_ms);
CREATE INDEX otp_codes_address ON otp_codes (remote_ip, created_ms);

-- Wrong claim codes by client address, so codes cannot be found by trying.
CREATE TABLE claim_failures (
  id {{PK}},
  remote_ip TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX claim_failures_address ON claim_failures (remote_ip, at_ms);

-- Where and from what a session was opened, so its owner can tell their sessions apart.
ALTER TABLE sessions ADD COLUMN remote_ip TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;

-- Streets (街道) own communities; a street supervisor oversees the communities of their streets.
CREATE TABLE streets (
  id {{PK}},
  name TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  district TEXT,
  created_at TEXT NOT NULL
);
ALTER TABLE communities ADD COLUMN street_id BIGINT REFERENCES streets(id);
CREATE TABLE user_streets (
  user_id BIGINT NOT NULL REFERENCES users(id),
  street_id BIGINT NOT NULL REFERENCES streets(id),
  PRIMARY KEY (user_id, street_id)
);

-- The streets named in the old text column become entities (their name is their first code).
INSERT INTO streets (name, code, district, created_at)
  SELECT street, street, MIN(district), MIN(created_at) FROM communities
  WHERE street IS NOT NULL AND street <> '' GROUP BY street;
UPDATE communities SET street_id = (SELECT s.id FROM streets s WHERE s.name = communities.street)
  WHERE street IS NOT NULL AND street <> '';
INSERT INTO user_streets (user_id, street_id)
  SELECT DISTINCT uc.user_id, c.street_id FROM user_communities uc
  JOIN users u ON u.id = uc.user_id JOIN communities c ON c.id = uc.community_id
  WHERE u.role = 'street' AND c.street_id IS NOT NULL;

-- A guide's patch: the buildings they look after (about 1,500 households per guide).
ALTER TABLE buildings ADD COLUMN guide_user_id BIGINT REFERENCES users(id);
