-- 0005 transparency: the allocation-plan lifecycle (公示) — each plan's stage, its events
-- (every transition with its note) and residents' objections with staff's public answers.

CREATE TABLE plan_lifecycle (
  plan_id BIGINT PRIMARY KEY REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  stage TEXT NOT NULL,
  notice_started_ms BIGINT,
  notice_days BIGINT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX plan_lifecycle_community ON plan_lifecycle (community_id, plan_id);

CREATE TABLE plan_events (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_stage TEXT NOT NULL,
  to_stage TEXT NOT NULL,
  note TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_events_plan ON plan_events (plan_id, id);

CREATE TABLE plan_objections (
  id {{PK}},
  plan_id BIGINT NOT NULL REFERENCES allocation_plans(id),
  community_id BIGINT NOT NULL,
  household_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  answer TEXT,
  answered_by_user_id BIGINT,
  answered_at TEXT
);
CREATE INDEX plan_objections_plan ON plan_objections (plan_id, id);
