-- 0008 plan execution: each community's notice settings, third-party and final evaluations,
-- spending records against a plan's lines with the households each one served, the final
-- accounts frozen at closing, and the satisfaction ratings of the households served.
-- Spending rows are never updated or deleted: a correction is a new row reversing one.

CREATE TABLE transparency_settings (
  community_id BIGINT PRIMARY KEY REFERENCES communities(id),
  notice_days BIGINT NOT NULL,
  objection_threshold_bp BIGINT NOT NULL,
  updated_by_user_id BIGINT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE plan_evaluations (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  kind TEXT NOT NULL,  -- third_party | final
  evaluator TEXT NOT NULL,
  summary TEXT NOT NULL,
  score INTEGER CHECK (score BETWEEN 0 AND 100),
  report_ref TEXT,
  user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (plan_id, kind)
);

CREATE TABLE plan_spending (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  amount BIGINT NOT NULL,
  purpose TEXT NOT NULL,
  payee_category TEXT NOT NULL,
  receipt_ref TEXT NOT NULL,
  corrects_id BIGINT UNIQUE REFERENCES plan_spending(id),
  user_id BIGINT NOT NULL,
  spent_on TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_spending_plan ON plan_spending (plan_id, position);

CREATE TABLE plan_deliveries (
  spending_id BIGINT NOT NULL REFERENCES plan_spending(id),
  plan_id BIGINT NOT NULL,
  community_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  household_id BIGINT NOT NULL REFERENCES households(id),
  units BIGINT NOT NULL,
  had_demand INTEGER NOT NULL,  -- 1 when the needs assessment showed demand in the line's category
  PRIMARY KEY (spending_id, household_id)
);
CREATE INDEX plan_deliveries_plan ON plan_deliveries (plan_id, household_id);

CREATE TABLE plan_accounts (
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  planned BIGINT NOT NULL,
  spent BIGINT NOT NULL,
  unspent BIGINT NOT NULL,
  households_served BIGINT NOT NULL,
  households_covered BIGINT NOT NULL,
  households_targeted BIGINT,
  closed_at TEXT NOT NULL,
  PRIMARY KEY (plan_id, position)
);

CREATE TABLE plan_ratings (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  household_id BIGINT NOT NULL REFERENCES households(id),
  user_id BIGINT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (plan_id, household_id)
);

-- The households each line targets (those the needs assessment shows with demand in its
-- category), frozen when the plan starts executing: coverage is served / targeted.
CREATE TABLE plan_targets (
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  households_targeted BIGINT NOT NULL,
  PRIMARY KEY (plan_id, position)
);

-- A participatory-budgeting outcome turned into a plan (one line per funded project), so it
-- goes through the same notice, vote, review, spending and closing as any plan.
CREATE TABLE pb_plans (
  election_id BIGINT PRIMARY KEY REFERENCES pb_elections(id),
  plan_id BIGINT NOT NULL UNIQUE REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  rule TEXT NOT NULL,
  created_at TEXT NOT NULL
);
