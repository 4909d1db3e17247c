-- 0004 needs, allocation, participatory budgeting: per-community needs weights and guides'
-- professional assessments (latest wins), allocation plans with their lines, and PB
-- elections with projects and ballots (one per household; imported ballots keep the file's
-- voter id).

CREATE TABLE needs_weights (
  community_id BIGINT PRIMARY KEY REFERENCES communities(id),
  population_structure INTEGER NOT NULL,
  health INTEGER NOT NULL,
  economy INTEGER NOT NULL,
  willingness INTEGER NOT NULL,
  special_needs INTEGER NOT NULL,
  updated_by_user_id BIGINT,
  updated_at TEXT NOT NULL
);

CREATE TABLE needs_assessments (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  dimension TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  reason TEXT NOT NULL,
  assessed_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX needs_assessments_household ON needs_assessments (community_id, household_id, id);

CREATE TABLE allocation_plans (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  quarter TEXT NOT NULL,
  total BIGINT NOT NULL,
  unit TEXT NOT NULL,
  emergency BIGINT NOT NULL,
  base_pool BIGINT NOT NULL,
  dynamic_pool BIGINT NOT NULL,
  surplus BIGINT NOT NULL,
  created_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX allocation_plans_lookup ON allocation_plans (community_id, unit, quarter, id);

CREATE TABLE allocation_plan_lines (
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  policy_weight BIGINT NOT NULL,
  demand_weight BIGINT NOT NULL,
  demand BIGINT,
  base BIGINT NOT NULL,
  dynamic BIGINT NOT NULL,
  total BIGINT NOT NULL,
  previous_total BIGINT,
  PRIMARY KEY (plan_id, position)
);

CREATE TABLE pb_elections (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL,
  budget BIGINT NOT NULL,
  amount_decimals INTEGER NOT NULL DEFAULT 0,
  vote_type TEXT NOT NULL,
  rule TEXT NOT NULL,
  voting_opens_ms BIGINT,
  voting_closes_ms BIGINT,
  meta TEXT NOT NULL,  -- JSON [[key, value], ...]: pabulib META (ballot limits, thresholds)
  created_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE pb_projects (
  id {{PK}},
  community_id BIGINT NOT NULL,
  election_id BIGINT NOT NULL REFERENCES pb_elections(id),
  project_key TEXT NOT NULL,  -- the project id as pabulib writes it
  name TEXT NOT NULL,
  cost BIGINT NOT NULL CHECK (cost >= 0),
  description TEXT,
  proposer_user_id BIGINT,
  created_at TEXT NOT NULL,
  UNIQUE (election_id, project_key)
);

CREATE TABLE pb_ballots (
  id {{PK}},
  community_id BIGINT NOT NULL,
  election_id BIGINT NOT NULL REFERENCES pb_elections(id),
  voter_key TEXT NOT NULL,  -- 'household:<id>' for ballots cast here; the file's voter id otherwise
  household_id BIGINT,
  user_id BIGINT,
  projects TEXT NOT NULL,  -- project_key values, comma-separated, in ballot order
  points TEXT,             -- points per project, comma-separated (cumulative, scoring ballots)
  created_at TEXT NOT NULL,
  UNIQUE (election_id, voter_key)
);

-- Participation history for the needs matrix: award postings per account, read for a whole
-- community at once (covering, so the scan never touches the postings table).
CREATE INDEX ledger_postings_awards ON ledger_postings (community_id, code, credit_account_id, created_ms);
-- The needs matrix reads a whole community's members and labels per request: covering
-- indexes keep that to index scans (no table lookups), ~30 ms for 4,500 households.
CREATE INDEX residents_needs ON residents (community_id, household_id, birth_date);
CREATE INDEX household_labels_needs ON household_labels (community_id, household_id, kind, value);
