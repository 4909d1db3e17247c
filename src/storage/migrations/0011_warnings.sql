-- 0011 warnings: risk warnings raised by the evaluation job (each once per subject, so
-- several server processes evaluating at once raise it once), improvement (PDCA) tasks, and
-- platform events (backups, ledger verifications) the platform-fault warning reads.

CREATE TABLE warnings (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  evidence TEXT NOT NULL,  -- JSON: the figures that raised it
  raised_ms BIGINT NOT NULL,
  raised_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by_user_id BIGINT,
  resolution TEXT,
  UNIQUE (community_id, kind, subject)
);
CREATE INDEX warnings_community ON warnings (community_id, id);

CREATE TABLE improvement_tasks (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  indicator TEXT NOT NULL,
  period TEXT NOT NULL,
  title TEXT NOT NULL,
  trigger_value_bp BIGINT,  -- the figure that opened it, basis points
  target_bp BIGINT,
  stage TEXT NOT NULL,  -- plan | do | check | act | closed
  owner_user_id BIGINT,
  due_on TEXT NOT NULL,
  plan_note TEXT,
  do_note TEXT,
  check_note TEXT,
  act_note TEXT,
  check_period TEXT,
  check_value_bp BIGINT,
  check_met INTEGER,
  automatic INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (community_id, indicator, period)
);

CREATE TABLE platform_events (
  id {{PK}},
  community_id BIGINT NOT NULL,  -- 0: the whole platform
  kind TEXT NOT NULL,            -- backup | ledger_verify | restore
  ok INTEGER NOT NULL,
  detail TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX platform_events_recent ON platform_events (created_ms);
