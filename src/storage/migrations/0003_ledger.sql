-- 0003 ledger: the contribution-points bank (积分银行) and the time bank (时间银行) on one
-- append-only, double-entry ledger. A posting moves a positive integer amount from a debit
-- account to a credit account; an account's balance is the sum of its credits less its
-- debits, kept beside the postings in the same transaction and re-derived by ledger verify.

CREATE TABLE ledger_accounts (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  kind TEXT NOT NULL CHECK (kind IN ('points', 'minutes')),
  owner TEXT NOT NULL CHECK (owner IN ('resident', 'issuance', 'redemption', 'expiry', 'timebank_pool')),
  resident_id BIGINT REFERENCES residents(id),
  floor BIGINT,  -- lowest balance allowed; NULL: unbounded (community accounts)
  balance BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ledger_accounts_resident ON ledger_accounts (kind, resident_id) WHERE resident_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_accounts_community ON ledger_accounts (community_id, kind, owner) WHERE resident_id IS NULL;

CREATE TABLE ledger_postings (
  id {{PK}},
  community_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('points', 'minutes')),
  debit_account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
  credit_account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  code TEXT NOT NULL,  -- award, redemption, correction, expiry, timebank_service, timebank_transfer
  rule TEXT,
  reference TEXT,
  corrects_posting_id BIGINT REFERENCES ledger_postings(id),
  memo TEXT,
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  created_by_user_id BIGINT,
  CHECK (debit_account_id <> credit_account_id)
);
CREATE INDEX ledger_postings_debit ON ledger_postings (debit_account_id, id);
CREATE INDEX ledger_postings_credit ON ledger_postings (credit_account_id, id);
-- One award per resident, rule and reference (e.g. one meeting attended pays once).
CREATE UNIQUE INDEX ledger_postings_award_once ON ledger_postings (credit_account_id, rule, reference) WHERE code = 'award';
-- A posting is corrected at most once.
CREATE UNIQUE INDEX ledger_postings_corrected_once ON ledger_postings (corrects_posting_id) WHERE corrects_posting_id IS NOT NULL;

-- Earning rules per community; community_id 0 holds the defaults from the seed case.
CREATE TABLE points_rules (
  community_id BIGINT NOT NULL DEFAULT 0,
  rule TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('event', 'minute')),
  points_per_unit INTEGER NOT NULL,  -- per event, or per hour for 'minute' rules
  one_per_reference INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, rule)
);
INSERT INTO points_rules (community_id, rule, name_zh, unit, points_per_unit) VALUES
  (0, 'meeting', '参与议事', 'event', 10),
  (0, 'volunteer', '志愿服务', 'minute', 5),
  (0, 'skill_share', '技能分享', 'event', 15);

CREATE TABLE points_settings (
  community_id BIGINT PRIMARY KEY,
  expiry_months INTEGER,  -- NULL: points never expire
  timebank_floor_minutes BIGINT NOT NULL DEFAULT -600
);

CREATE TABLE points_catalog (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  price_points BIGINT NOT NULL CHECK (price_points > 0),
  stock_total BIGINT,
  stock_remaining BIGINT,
  limit_per_resident BIGINT,
  limit_period TEXT CHECK (limit_period IN ('day', 'week', 'month', 'quarter', 'year', 'total')),
  available_from TEXT,
  available_until TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  CHECK (stock_remaining IS NULL OR stock_remaining >= 0)
);

CREATE TABLE points_redemptions (
  id {{PK}},
  community_id BIGINT NOT NULL,
  item_id BIGINT NOT NULL REFERENCES points_catalog(id),
  resident_id BIGINT NOT NULL REFERENCES residents(id),
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  points BIGINT NOT NULL,
  posting_id BIGINT NOT NULL REFERENCES ledger_postings(id),
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE INDEX points_redemptions_limit ON points_redemptions (resident_id, item_id, created_ms);

-- Residents choose whether their name appears on the leaderboard.
CREATE TABLE points_leaderboard_optin (
  community_id BIGINT NOT NULL,
  resident_id BIGINT PRIMARY KEY REFERENCES residents(id),
  show_name INTEGER NOT NULL
);

CREATE TABLE timebank_services (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  provider_resident_id BIGINT NOT NULL REFERENCES residents(id),
  recipient_resident_id BIGINT NOT NULL REFERENCES residents(id),
  service_date TEXT NOT NULL,
  minutes BIGINT NOT NULL CHECK (minutes > 0),
  service_type TEXT NOT NULL,
  note TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'disputed', 'expired')),
  recorded_by_user_id BIGINT,
  confirmed_by_user_id BIGINT,
  posting_id BIGINT REFERENCES ledger_postings(id),
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  CHECK (provider_resident_id <> recipient_resident_id)
);
CREATE INDEX timebank_services_pending ON timebank_services (status, expires_ms);
