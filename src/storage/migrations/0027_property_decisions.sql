-- 0027 property decisions: the owners' committee decides an expense by a majority of its
-- members (each member's vote kept), the quarterly score moves the fee only when enough
-- owners scored, and the quarterly assessment meeting is recorded with its minutes.
ALTER TABLE property_settings ADD COLUMN committee_quorum_bp BIGINT NOT NULL DEFAULT 5001;
ALTER TABLE property_settings ADD COLUMN min_response_bp BIGINT NOT NULL DEFAULT 3000;
ALTER TABLE property_quarter_fees ADD COLUMN responses_needed BIGINT NOT NULL DEFAULT 0;

CREATE TABLE property_expense_votes (
  expense_id BIGINT NOT NULL REFERENCES property_expenses(id),
  community_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  vote TEXT NOT NULL CHECK (vote IN ('approve', 'reject')),
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (expense_id, user_id)
);

CREATE TABLE property_assessment_meetings (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  quarter TEXT NOT NULL,
  held_at TEXT NOT NULL,
  committee_present BIGINT NOT NULL,
  attendees BIGINT NOT NULL,
  minutes TEXT NOT NULL,
  recorded_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (community_id, quarter)
);
