-- 0009 property: the property-fee trust fund (信托制物业) and public-revenue sharing. Money moves
-- only as postings on a double-entry fund ledger in fen (property_accounts/property_postings,
-- the same rules as the points ledger: positive amounts, append-only, balances kept beside the
-- postings and re-derived by verify, every posting copied into the audit chain).

CREATE TABLE property_accounts (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  code TEXT NOT NULL,  -- fee_income, trust_fund, expense:<category>, revenue:<source>, fund:<destination>
  floor BIGINT,        -- lowest balance allowed; NULL: unbounded (income sources, expenses)
  balance BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (community_id, code)
);

CREATE TABLE property_postings (
  id {{PK}},
  community_id BIGINT NOT NULL,
  debit_account_id BIGINT NOT NULL REFERENCES property_accounts(id),
  credit_account_id BIGINT NOT NULL REFERENCES property_accounts(id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  code TEXT NOT NULL,  -- fee_payment, expense, revenue_share
  reference TEXT NOT NULL,
  memo TEXT,
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  created_by_user_id BIGINT,
  CHECK (debit_account_id <> credit_account_id)
);
-- One posting per reference: a retried payment, approval or income cannot post twice.
CREATE UNIQUE INDEX property_postings_once ON property_postings (community_id, code, reference);
CREATE INDEX property_postings_debit ON property_postings (debit_account_id, id);
CREATE INDEX property_postings_credit ON property_postings (credit_account_id, id);

CREATE TABLE property_settings (
  community_id BIGINT PRIMARY KEY REFERENCES communities(id),
  base_fee_fen BIGINT NOT NULL,          -- per household per month, before the adjustment
  neutral_score BIGINT NOT NULL,         -- the mean score that leaves the fee unchanged
  up_bp_per_point BIGINT NOT NULL,
  down_bp_per_point BIGINT NOT NULL,
  cap_up_bp BIGINT NOT NULL,             -- at most 1000 (+10%)
  cap_down_bp BIGINT NOT NULL,           -- at most 1000 (-10%)
  notice_days BIGINT NOT NULL,           -- a revenue-rule change waits at least this long (>= 7)
  updated_by_user_id BIGINT,
  updated_at TEXT NOT NULL
);

-- Owners' committee (业主委员会) members: resident users flagged by staff.
CREATE TABLE property_committee (
  community_id BIGINT NOT NULL REFERENCES communities(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  added_by_user_id BIGINT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (community_id, user_id)
);

-- The fee of a quarter, fixed when its bills are issued from the previous quarter's evaluation.
CREATE TABLE property_quarter_fees (
  community_id BIGINT NOT NULL REFERENCES communities(id),
  quarter TEXT NOT NULL,
  base_fee_fen BIGINT NOT NULL,
  evaluated_quarter TEXT NOT NULL,
  evaluations BIGINT NOT NULL,
  mean_score_centi BIGINT,               -- NULL: nobody evaluated, no adjustment
  adjustment_bp BIGINT NOT NULL CHECK (adjustment_bp BETWEEN -1000 AND 1000),
  monthly_fee_fen BIGINT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_ms BIGINT NOT NULL,
  PRIMARY KEY (community_id, quarter)
);

CREATE TABLE property_bills (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  quarter TEXT NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  paid_on TEXT,
  paid_ms BIGINT,
  posting_id BIGINT REFERENCES property_postings(id),
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
  posting_id BIGINT REFERENCES property_postings(id),
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE INDEX property_expenses_community ON property_expenses (community_id, id);

-- One quality score per household per quarter; the unique key settles concurrent duplicates.
CREATE TABLE property_evaluations (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  quarter TEXT NOT NULL,
  score BIGINT NOT NULL CHECK (score BETWEEN 0 AND 100),
  created_at TEXT NOT NULL,
  UNIQUE (household_id, quarter)
);
CREATE INDEX property_evaluations_quarter ON property_evaluations (community_id, quarter);

-- Declared sharing rules of public revenue, one version per publication; a version applies to
-- incomes received on or after its effective date.
CREATE TABLE revenue_rules (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  source TEXT NOT NULL,
  version BIGINT NOT NULL,
  notice TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_ms BIGINT NOT NULL,
  effective_on TEXT NOT NULL,
  effective_ms BIGINT NOT NULL,
  published_by_user_id BIGINT,
  UNIQUE (community_id, source, version)
);

CREATE TABLE revenue_rule_shares (
  community_id BIGINT NOT NULL,
  rule_id BIGINT NOT NULL REFERENCES revenue_rules(id),
  position BIGINT NOT NULL,
  destination TEXT NOT NULL,
  share_bp BIGINT NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
  PRIMARY KEY (rule_id, position)
);

CREATE TABLE revenue_incomes (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  source TEXT NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  received_on TEXT NOT NULL,
  receipt_ref TEXT NOT NULL,
  payer_category TEXT NOT NULL,
  rule_id BIGINT NOT NULL REFERENCES revenue_rules(id),
  recorded_by_user_id BIGINT,
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  UNIQUE (community_id, source, receipt_ref)
);

CREATE TABLE revenue_income_shares (
  community_id BIGINT NOT NULL,
  income_id BIGINT NOT NULL REFERENCES revenue_incomes(id),
  position BIGINT NOT NULL,
  destination TEXT NOT NULL,
  share_bp BIGINT NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen >= 0),
  posting_id BIGINT REFERENCES property_postings(id),  -- NULL when the share came to 0 fen
  PRIMARY KEY (income_id, position)
);
