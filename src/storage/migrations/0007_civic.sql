-- 0007 civic: surveys (questions, one response per respondent), tenant representatives
-- (elections and seats per building) and resident leaders (居民骨干: training modules,
-- completions, the leader register and incubated self-organisations).

CREATE TABLE surveys (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  plan_id BIGINT REFERENCES allocation_plans(id),  -- the plan's closing satisfaction survey
  status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  created_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  opened_at TEXT,
  closed_at TEXT
);
CREATE INDEX surveys_community ON surveys (community_id, id);
CREATE INDEX surveys_plan ON surveys (plan_id);

CREATE TABLE survey_questions (
  id {{PK}},
  community_id BIGINT NOT NULL,
  survey_id BIGINT NOT NULL REFERENCES surveys(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('single_choice', 'multiple_choice', 'scale', 'text')),
  prompt TEXT NOT NULL,
  options TEXT NOT NULL,  -- JSON array of option labels; [] for scale and text
  required INTEGER NOT NULL,
  UNIQUE (survey_id, position)
);

-- One row per respondent and survey. respondent is 'user:<id>' for a household login (a
-- resident login is linked to a household, not to one person) and 'resident:<id>' for
-- answers recorded for a registry resident (the demo). The group columns are a snapshot
-- taken when the answer came in: age band, registered or migrant/tenant, building.
CREATE TABLE survey_responses (
  id {{PK}},
  community_id BIGINT NOT NULL,
  survey_id BIGINT NOT NULL REFERENCES surveys(id),
  respondent TEXT NOT NULL,
  household_id BIGINT NOT NULL REFERENCES households(id),
  age_band TEXT NOT NULL,
  residence TEXT NOT NULL,
  building_id BIGINT,
  answers TEXT NOT NULL,  -- JSON, as submitted after validation
  created_at TEXT NOT NULL,
  UNIQUE (survey_id, respondent)
);

CREATE TABLE representative_elections (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  building_id BIGINT NOT NULL REFERENCES buildings(id),
  election_date TEXT NOT NULL,
  term_start TEXT NOT NULL,
  term_end TEXT NOT NULL,  -- the last day of the term
  candidates TEXT NOT NULL,  -- JSON [{"resident_id":…,"votes":…}]
  note TEXT NOT NULL,
  created_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX representative_elections_building ON representative_elections (building_id, id);

-- A building has two seats; terms on one seat never overlap.
CREATE TABLE representatives (
  id {{PK}},
  community_id BIGINT NOT NULL,
  building_id BIGINT NOT NULL REFERENCES buildings(id),
  election_id BIGINT NOT NULL REFERENCES representative_elections(id),
  resident_id BIGINT NOT NULL REFERENCES residents(id),
  seat INTEGER NOT NULL CHECK (seat IN (1, 2)),
  votes BIGINT NOT NULL,
  term_start TEXT NOT NULL,
  term_end TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX representatives_building ON representatives (community_id, building_id, seat);

CREATE TABLE leader_modules (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  title TEXT NOT NULL,
  hours INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (community_id, title)
);

CREATE TABLE leader_completions (
  id {{PK}},
  community_id BIGINT NOT NULL,
  module_id BIGINT NOT NULL REFERENCES leader_modules(id),
  resident_id BIGINT NOT NULL REFERENCES residents(id),
  completed_on TEXT NOT NULL,
  recorded_by_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (module_id, resident_id)
);
CREATE INDEX leader_completions_resident ON leader_completions (community_id, resident_id);

-- The leader register: since_on is the first day as a leader, until_on (when set) the first day no
-- longer one.
CREATE TABLE resident_leaders (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  resident_id BIGINT NOT NULL REFERENCES residents(id),
  since_on TEXT NOT NULL,
  until_on TEXT,
  area TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (community_id, resident_id)
);

CREATE TABLE self_organisations (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL,
  founded_on TEXT NOT NULL,
  leader_resident_ids TEXT NOT NULL,  -- JSON array of resident ids
  member_count INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('incubating', 'active', 'dormant', 'dissolved')),
  created_at TEXT NOT NULL,
  UNIQUE (community_id, name)
);
