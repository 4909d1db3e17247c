-- 0022 visits: the guide's visit log (走访记录). A visit at home, by phone or in the street,
-- with notes, the needs found (the registry's service categories) and when to follow up.
CREATE TABLE visits (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  visitor_user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('home', 'phone', 'street')),
  visited_ms BIGINT NOT NULL,
  visited_at TEXT NOT NULL,
  notes TEXT NOT NULL,
  needs_found TEXT NOT NULL DEFAULT '[]',
  follow_up_ms BIGINT,
  created_ms BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX visits_household ON visits (household_id, visited_ms);
CREATE INDEX visits_visitor ON visits (community_id, visitor_user_id, visited_ms);
CREATE INDEX visits_follow_up ON visits (community_id, follow_up_ms);
