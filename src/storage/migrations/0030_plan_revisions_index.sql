-- 0030 an index for "which plan revises this one": the board and the plan lists ask it of every
-- plan they show (transparency's status query), which read the whole lifecycle table without it.
CREATE INDEX plan_lifecycle_revises ON plan_lifecycle (revises_plan_id);
