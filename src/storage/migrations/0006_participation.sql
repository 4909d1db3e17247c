-- 0006 participation: activities and meetings (活动/议事会) across channels with sign-ups and
-- attendance (each attendance names the points posting it earned), and resident proposals
-- (提案) with seconds, agenda items (one per meeting a proposal was put on), household votes
-- (one per household per motion, by primary key) and staff's public responses.

CREATE TABLE participation_settings (
  community_id BIGINT PRIMARY KEY REFERENCES communities(id),
  seconds_required INTEGER NOT NULL,
  quorum_percent INTEGER NOT NULL,
  quorum_min_households INTEGER NOT NULL,
  response_days INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE activities (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  kind TEXT NOT NULL CHECK (kind IN ('meeting', 'activity', 'volunteer', 'skill_sharing')),
  channel TEXT NOT NULL CHECK (channel IN ('online_hall', 'building_corner', 'tenant_reps', 'community')),
  building_id BIGINT REFERENCES buildings(id),
  title TEXT NOT NULL,
  agenda TEXT NOT NULL,
  starts_ms BIGINT NOT NULL,
  ends_ms BIGINT NOT NULL,
  capacity INTEGER,
  checkin_code TEXT NOT NULL,
  minutes TEXT,
  minutes_at TEXT,
  created_by_user_id BIGINT,
  created_at TEXT NOT NULL,
  CHECK (ends_ms > starts_ms)
);
CREATE INDEX activities_community ON activities (community_id, starts_ms);

CREATE TABLE activity_signups (
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  community_id BIGINT NOT NULL,
  resident_id BIGINT NOT NULL REFERENCES residents(id),
  household_id BIGINT NOT NULL,
  user_id BIGINT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (activity_id, resident_id)
);

-- One attendance per resident and activity: the key makes check-in (and its points) happen once.
CREATE TABLE activity_attendance (
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  community_id BIGINT NOT NULL,
  resident_id BIGINT NOT NULL REFERENCES residents(id),
  household_id BIGINT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('staff', 'code', 'sheet')),
  posting_id BIGINT REFERENCES ledger_postings(id),
  points BIGINT NOT NULL,
  checked_in_ms BIGINT NOT NULL,
  checked_in_at TEXT NOT NULL,
  PRIMARY KEY (activity_id, resident_id)
);
CREATE INDEX activity_attendance_household ON activity_attendance (activity_id, household_id);
CREATE INDEX activity_attendance_community ON activity_attendance (community_id, checked_in_ms);

CREATE TABLE proposals (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  user_id BIGINT,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL,
  meetings INTEGER NOT NULL DEFAULT 0,  -- agenda items so far (the stalled-topic count)
  decided_ms BIGINT,
  response TEXT,
  responded_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX proposals_community ON proposals (community_id, id);

CREATE TABLE proposal_seconds (
  proposal_id BIGINT NOT NULL REFERENCES proposals(id),
  community_id BIGINT NOT NULL,
  household_id BIGINT NOT NULL REFERENCES households(id),
  user_id BIGINT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (proposal_id, household_id)
);

CREATE TABLE proposal_agenda (
  id {{PK}},
  proposal_id BIGINT NOT NULL REFERENCES proposals(id),
  community_id BIGINT NOT NULL,
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  motion TEXT NOT NULL,
  outcome TEXT,
  present_households INTEGER,
  yes_votes INTEGER,
  no_votes INTEGER,
  abstentions INTEGER,
  note TEXT,
  created_at TEXT NOT NULL,
  decided_at TEXT,
  UNIQUE (proposal_id, activity_id)
);
CREATE INDEX proposal_agenda_activity ON proposal_agenda (activity_id);

-- One vote per household per motion: concurrent votes of one household cannot both count.
CREATE TABLE proposal_votes (
  agenda_id BIGINT NOT NULL REFERENCES proposal_agenda(id),
  community_id BIGINT NOT NULL,
  proposal_id BIGINT NOT NULL,
  household_id BIGINT NOT NULL REFERENCES households(id),
  user_id BIGINT,
  choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (agenda_id, household_id)
);
