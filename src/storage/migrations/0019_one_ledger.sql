-- 0019 one ledger: money (fen) joins points and minutes on ledger_accounts/ledger_postings, and
-- the property fund's own copy of the ledger (property_accounts/property_postings, 0009) is
-- moved into it and dropped. A money account is a community's account that its module names
-- (owner 'named': trust_fund, expense:repairs, fund:maintenance_fund, …) with its floor on the
-- account; a money posting is made once per community, code and reference.
--
-- Widening a CHECK constraint differs by engine: PostgreSQL drops and adds it; SQLite cannot
-- alter one and rebuilds the two tables (copy, drop, create, copy back, with foreign keys
-- deferred to the commit: the rows that refer to them find the same ids again).
--
-- The moved rows keep their balances, amounts, codes, references, memos and times; their ids
-- are new (after the ledger's own). ledger_moved_accounts and ledger_moved_postings say where
-- each came from: the audit chain recorded them under their old ids, and the application checks
-- each against that record before recording it under its new id (modules/ledger/moved_funds).

-- dialect: sqlite
PRAGMA defer_foreign_keys = ON;
-- Until the end of the move: dropping and refilling the postings looks up the rows that refer
-- to each one.
CREATE INDEX points_redemptions_0019 ON points_redemptions (posting_id);
CREATE INDEX timebank_services_0019 ON timebank_services (posting_id);
CREATE INDEX activity_attendance_0019 ON activity_attendance (posting_id);
CREATE TABLE ledger_accounts_0019 AS SELECT * FROM ledger_accounts;
CREATE TABLE ledger_postings_0019 AS SELECT * FROM ledger_postings;
DROP TABLE ledger_postings;
DROP TABLE ledger_accounts;
CREATE TABLE ledger_accounts (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  kind TEXT NOT NULL CHECK (kind IN ('points', 'minutes', 'fen')),
  owner TEXT NOT NULL CHECK (owner IN ('resident', 'issuance', 'redemption', 'expiry', 'timebank_pool', 'named')),
  resident_id BIGINT REFERENCES residents(id),
  floor BIGINT,  -- lowest balance allowed; NULL: unbounded
  balance BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  name TEXT,     -- named accounts only
  CONSTRAINT ledger_accounts_named_check CHECK ((owner = 'named') = (name IS NOT NULL))
);
INSERT INTO ledger_accounts (id, community_id, kind, owner, resident_id, floor, balance, created_at)
  SELECT id, community_id, kind, owner, resident_id, floor, balance, created_at
  FROM ledger_accounts_0019 ORDER BY id;
CREATE TABLE ledger_postings (
  id {{PK}},
  community_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('points', 'minutes', 'fen')),
  debit_account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
  credit_account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  code TEXT NOT NULL,  -- award, redemption, correction, expiry, timebank_service, timebank_transfer, fee_payment, expense, revenue_share
  rule TEXT,
  reference TEXT,
  corrects_posting_id BIGINT REFERENCES ledger_postings(id),
  memo TEXT,
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  created_by_user_id BIGINT,
  CHECK (debit_account_id <> credit_account_id),
  CONSTRAINT ledger_postings_fen_reference CHECK (kind <> 'fen' OR reference IS NOT NULL)
);
-- The indexes went with the old tables (ledger_accounts_community is made below); before the
-- copy, so each row's lookup of the postings that correct it uses one.
CREATE UNIQUE INDEX ledger_accounts_resident ON ledger_accounts (kind, resident_id) WHERE resident_id IS NOT NULL;
CREATE INDEX ledger_postings_debit ON ledger_postings (debit_account_id, id);
CREATE INDEX ledger_postings_credit ON ledger_postings (credit_account_id, id);
CREATE UNIQUE INDEX ledger_postings_award_once ON ledger_postings (credit_account_id, rule, reference) WHERE code = 'award';
CREATE UNIQUE INDEX ledger_postings_corrected_once ON ledger_postings (corrects_posting_id) WHERE corrects_posting_id IS NOT NULL;
CREATE INDEX ledger_postings_awards ON ledger_postings (community_id, code, credit_account_id, created_ms);
INSERT INTO ledger_postings (id, community_id, kind, debit_account_id, credit_account_id, amount,
                             code, rule, reference, corrects_posting_id, memo, created_at,
                             created_ms, created_by_user_id)
  SELECT id, community_id, kind, debit_account_id, credit_account_id, amount, code, rule,
         reference, corrects_posting_id, memo, created_at, created_ms, created_by_user_id
  FROM ledger_postings_0019 ORDER BY id;
DROP TABLE ledger_accounts_0019;
DROP TABLE ledger_postings_0019;
-- dialect: postgresql
ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_kind_check;
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_kind_check CHECK (kind IN ('points', 'minutes', 'fen'));
ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_owner_check;
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_owner_check CHECK (owner IN ('resident', 'issuance', 'redemption', 'expiry', 'timebank_pool', 'named'));
ALTER TABLE ledger_accounts ADD COLUMN name TEXT;
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_named_check CHECK ((owner = 'named') = (name IS NOT NULL));
ALTER TABLE ledger_postings DROP CONSTRAINT ledger_postings_kind_check;
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_kind_check CHECK (kind IN ('points', 'minutes', 'fen'));
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_fen_reference CHECK (kind <> 'fen' OR reference IS NOT NULL);
-- dialect: all

-- One unnamed account per community, kind and owner; one account per community, kind and name.
DROP INDEX IF EXISTS ledger_accounts_community;
CREATE UNIQUE INDEX ledger_accounts_community ON ledger_accounts (community_id, kind, owner) WHERE resident_id IS NULL AND name IS NULL;
CREATE UNIQUE INDEX ledger_accounts_named ON ledger_accounts (community_id, kind, name) WHERE name IS NOT NULL;
-- One money posting per reference: a retried payment, approval or income cannot post twice.
CREATE UNIQUE INDEX ledger_postings_fen_once ON ledger_postings (community_id, code, reference) WHERE kind = 'fen';
-- A community's postings of one kind, newest first (the property fund's public list).
CREATE INDEX ledger_postings_community ON ledger_postings (community_id, kind, id);

-- Where each moved row came from. No foreign keys: notes of provenance, written before the
-- rows they name.
CREATE TABLE ledger_moved_accounts (
  account_id BIGINT PRIMARY KEY,                -- ledger_accounts.id
  property_account_id BIGINT NOT NULL UNIQUE    -- its id in property_accounts
);
CREATE TABLE ledger_moved_postings (
  posting_id BIGINT PRIMARY KEY,                -- ledger_postings.id
  property_posting_id BIGINT NOT NULL UNIQUE    -- its id in property_postings
);
INSERT INTO ledger_moved_accounts (account_id, property_account_id)
  SELECT (SELECT COALESCE(MAX(id), 0) FROM ledger_accounts) + ROW_NUMBER() OVER (ORDER BY id), id
  FROM property_accounts;
INSERT INTO ledger_moved_postings (posting_id, property_posting_id)
  SELECT (SELECT COALESCE(MAX(id), 0) FROM ledger_postings) + ROW_NUMBER() OVER (ORDER BY id), id
  FROM property_postings;
INSERT INTO ledger_accounts (id, community_id, kind, owner, resident_id, floor, balance, created_at, name)
  SELECT m.account_id, a.community_id, 'fen', 'named', NULL, a.floor, a.balance, a.created_at, a.code
  FROM ledger_moved_accounts m JOIN property_accounts a ON a.id = m.property_account_id
  ORDER BY m.account_id;
INSERT INTO ledger_postings (id, community_id, kind, debit_account_id, credit_account_id, amount,
                             code, rule, reference, corrects_posting_id, memo, created_at,
                             created_ms, created_by_user_id)
  SELECT m.posting_id, p.community_id, 'fen', d.account_id, c.account_id, p.amount, p.code, NULL,
         p.reference, NULL, p.memo, p.created_at, p.created_ms, p.created_by_user_id
  FROM ledger_moved_postings m
  JOIN property_postings p ON p.id = m.property_posting_id
  JOIN ledger_moved_accounts d ON d.property_account_id = p.debit_account_id
  JOIN ledger_moved_accounts c ON c.property_account_id = p.credit_account_id
  ORDER BY m.posting_id;

-- The property rows that name a posting now name it in the ledger.
-- dialect: sqlite
CREATE TABLE property_bills_0019 AS SELECT * FROM property_bills;
CREATE TABLE property_expenses_0019 AS SELECT * FROM property_expenses;
CREATE TABLE revenue_income_shares_0019 AS SELECT * FROM revenue_income_shares;
DROP TABLE property_bills;
DROP TABLE property_expenses;
DROP TABLE revenue_income_shares;
CREATE TABLE property_bills (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  quarter TEXT NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  paid_on TEXT,
  paid_ms BIGINT,
  posting_id BIGINT REFERENCES ledger_postings(id),
  UNIQUE (household_id, quarter)
);
CREATE INDEX property_bills_quarter ON property_bills (community_id, quarter);
CREATE TABLE property_expenses (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  category TEXT NOT NULL,
  payee_category TEXT NOT NULL,
  receipt_ref TEXT NOT NULL,
  purpose TEXT NOT NULL,
  spent_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  recorded_by_user_id BIGINT,
  decided_by_user_id BIGINT,
  decision_note TEXT,
  decided_at TEXT,
  posting_id BIGINT REFERENCES ledger_postings(id),
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE INDEX property_expenses_community ON property_expenses (community_id, id);
CREATE TABLE revenue_income_shares (
  community_id BIGINT NOT NULL,
  income_id BIGINT NOT NULL REFERENCES revenue_incomes(id),
  position BIGINT NOT NULL,
  destination TEXT NOT NULL,
  share_bp BIGINT NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen >= 0),
  posting_id BIGINT REFERENCES ledger_postings(id),  -- NULL when the share came to 0 fen
  PRIMARY KEY (income_id, position)
);
INSERT INTO property_bills (id, community_id, household_id, quarter, amount_fen, paid_on, paid_ms,
                            posting_id)
  SELECT b.id, b.community_id, b.household_id, b.quarter, b.amount_fen, b.paid_on, b.paid_ms,
         m.posting_id
  FROM property_bills_0019 b LEFT JOIN ledger_moved_postings m ON m.property_posting_id = b.posting_id
  ORDER BY b.id;
INSERT INTO property_expenses (id, community_id, amount_fen, category, payee_category, receipt_ref,
                               purpose, spent_on, status, recorded_by_user_id, decided_by_user_id,
                               decision_note, decided_at, posting_id, created_at, created_ms)
  SELECT e.id, e.community_id, e.amount_fen, e.category, e.payee_category, e.receipt_ref,
         e.purpose, e.spent_on, e.status, e.recorded_by_user_id, e.decided_by_user_id,
         e.decision_note, e.decided_at, m.posting_id, e.created_at, e.created_ms
  FROM property_expenses_0019 e LEFT JOIN ledger_moved_postings m ON m.property_posting_id = e.posting_id
  ORDER BY e.id;
INSERT INTO revenue_income_shares (community_id, income_id, position, destination, share_bp,
                                   amount_fen, posting_id)
  SELECT s.community_id, s.income_id, s.position, s.destination, s.share_bp, s.amount_fen,
         m.posting_id
  FROM revenue_income_shares_0019 s LEFT JOIN ledger_moved_postings m ON m.property_posting_id = s.posting_id
  ORDER BY s.income_id, s.position;
DROP TABLE property_bills_0019;
DROP TABLE property_expenses_0019;
DROP TABLE revenue_income_shares_0019;
DROP INDEX points_redemptions_0019;
DROP INDEX timebank_services_0019;
DROP INDEX activity_attendance_0019;
-- dialect: postgresql
ALTER TABLE property_bills DROP CONSTRAINT property_bills_posting_id_fkey;
ALTER TABLE property_expenses DROP CONSTRAINT property_expenses_posting_id_fkey;
ALTER TABLE revenue_income_shares DROP CONSTRAINT revenue_income_shares_posting_id_fkey;
UPDATE property_bills SET posting_id = (SELECT m.posting_id FROM ledger_moved_postings m WHERE m.property_posting_id = property_bills.posting_id) WHERE posting_id IS NOT NULL;
UPDATE property_expenses SET posting_id = (SELECT m.posting_id FROM ledger_moved_postings m WHERE m.property_posting_id = property_expenses.posting_id) WHERE posting_id IS NOT NULL;
UPDATE revenue_income_shares SET posting_id = (SELECT m.posting_id FROM ledger_moved_postings m WHERE m.property_posting_id = revenue_income_shares.posting_id) WHERE posting_id IS NOT NULL;
ALTER TABLE property_bills ADD CONSTRAINT property_bills_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES ledger_postings(id);
ALTER TABLE property_expenses ADD CONSTRAINT property_expenses_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES ledger_postings(id);
ALTER TABLE revenue_income_shares ADD CONSTRAINT revenue_income_shares_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES ledger_postings(id);
-- The ids above were given explicitly: the sequences go on after them.
SELECT setval(pg_get_serial_sequence('ledger_accounts', 'id'), MAX(account_id)) FROM ledger_moved_accounts HAVING COUNT(*) > 0;
SELECT setval(pg_get_serial_sequence('ledger_postings', 'id'), MAX(posting_id)) FROM ledger_moved_postings HAVING COUNT(*) > 0;
-- dialect: all

DROP TABLE property_postings;
DROP TABLE property_accounts;
