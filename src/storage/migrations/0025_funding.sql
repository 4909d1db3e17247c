-- 0025 funding: the parties that co-fund a community's plans (government, enterprises,
-- foundations, residents) with public profiles, their pledges to plan lines and the money
-- received against each pledge. Amounts in fen; each pledge and receipt is also a posting
-- on the one ledger (ledger_postings), named here.
CREATE TABLE funding_parties (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  kind TEXT NOT NULL CHECK (kind IN ('government', 'market', 'foundation', 'residents')),
  name TEXT NOT NULL,
  profile TEXT NOT NULL,
  created_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (community_id, name)
);

CREATE TABLE funding_pledges (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  category TEXT NOT NULL,
  party_id BIGINT NOT NULL REFERENCES funding_parties(id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  note TEXT,
  posting_id BIGINT NOT NULL,
  created_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX funding_pledges_plan ON funding_pledges (plan_id, category);
CREATE INDEX funding_pledges_party ON funding_pledges (party_id);

CREATE TABLE funding_receipts (
  id {{PK}},
  pledge_id BIGINT NOT NULL REFERENCES funding_pledges(id),
  plan_id BIGINT NOT NULL,
  community_id BIGINT NOT NULL,
  amount BIGINT NOT NULL CHECK (amount > 0),
  receipt_ref TEXT NOT NULL,
  received_on TEXT NOT NULL,
  posting_id BIGINT NOT NULL,
  created_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX funding_receipts_pledge ON funding_receipts (pledge_id);
CREATE INDEX funding_receipts_plan ON funding_receipts (plan_id);
