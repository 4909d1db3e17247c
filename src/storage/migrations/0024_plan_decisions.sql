-- 0024 plan decisions: the three-level decision on a plan (社区议事会表决 + 专业评估 + 街道审核)
-- as records, the revision of a returned plan, and spending from the emergency reserve
-- (应急储备金) with the street's sign-off. What a plan's reserve leaves at the next quarter's
-- plan is carried into that plan's dynamic pool (allocation_plans.carried_in).
-- A vote's or an assessment's round is the plan's number of publications when it was
-- recorded: a plan published again after a return goes through both again.

ALTER TABLE plan_lifecycle ADD COLUMN revises_plan_id BIGINT;
ALTER TABLE allocation_plans ADD COLUMN carried_in BIGINT NOT NULL DEFAULT 0;
ALTER TABLE allocation_plans ADD COLUMN carried_from_plan_id BIGINT;

CREATE TABLE plan_council_votes (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  meeting TEXT NOT NULL,
  held_at TEXT NOT NULL,
  place TEXT,
  members_total BIGINT NOT NULL,
  members_present BIGINT NOT NULL,
  votes_for BIGINT NOT NULL,
  votes_against BIGINT NOT NULL,
  votes_abstain BIGINT NOT NULL,
  quorum_met INTEGER NOT NULL,
  passed INTEGER NOT NULL,
  minutes TEXT NOT NULL,
  reasons TEXT,
  round BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_council_votes_plan ON plan_council_votes (plan_id, id);

CREATE TABLE plan_assessments (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  assessor TEXT NOT NULL,
  organisation TEXT NOT NULL,
  findings TEXT NOT NULL,
  recommendation TEXT NOT NULL
    CHECK (recommendation IN ('approve', 'approve_with_changes', 'reject')),
  conditions TEXT,
  round BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_assessments_plan ON plan_assessments (plan_id, id);

CREATE TABLE plan_emergency_spending (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  households_served BIGINT NOT NULL,
  amount BIGINT NOT NULL CHECK (amount > 0),
  payee_category TEXT NOT NULL,
  receipt_ref TEXT NOT NULL,
  spent_on TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  created_ms BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  sign_off_due_ms BIGINT NOT NULL,
  signed_off_by_user_id BIGINT,
  signed_off_at TEXT,
  sign_off_note TEXT
);
CREATE INDEX plan_emergency_spending_plan ON plan_emergency_spending (plan_id, id);
CREATE INDEX plan_emergency_spending_due ON plan_emergency_spending (community_id, sign_off_due_ms);
