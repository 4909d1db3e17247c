-- 0028 activity hosts (社区主理人): a resident proposes an activity they will host; staff approve
-- it with a budget from an executing plan's line (a spending record on the plan) or decline it
-- with a reason. The host runs its sign-up and check-in and earns the activity_host points when
-- its minutes are recorded with at least one attendee.
ALTER TABLE activities ADD COLUMN host_user_id BIGINT;
ALTER TABLE activities ADD COLUMN status TEXT NOT NULL DEFAULT 'approved';
ALTER TABLE activities ADD COLUMN budget_fen BIGINT;
ALTER TABLE activities ADD COLUMN budget_plan_id BIGINT;
ALTER TABLE activities ADD COLUMN budget_category TEXT;
ALTER TABLE activities ADD COLUMN decision_note TEXT;
ALTER TABLE activities ADD COLUMN host_posting_id BIGINT;
CREATE INDEX activities_host ON activities (host_user_id);
INSERT INTO points_rules (community_id, rule, name_zh, unit, points_per_unit) VALUES
  (0, 'activity_host', '社区主理人', 'event', 20);
