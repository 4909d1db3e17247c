-- 0031 announcements: the community's notice board (社区公告). Staff publish a notice (a water
-- or power cut, an event, a policy) to the whole community or to chosen buildings, pinned or
-- valid until a date; residents' reads are counted per household and building.
CREATE TABLE announcements (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  kind TEXT NOT NULL CHECK (kind IN ('outage', 'event', 'policy', 'notice')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  pinned INTEGER NOT NULL DEFAULT 0,
  urgent INTEGER NOT NULL DEFAULT 0,
  published_ms BIGINT NOT NULL,
  published_at TEXT NOT NULL,
  valid_until_ms BIGINT,
  author_user_id BIGINT NOT NULL REFERENCES users(id),
  withdrawn_ms BIGINT,
  withdrawn_reason TEXT
);
CREATE INDEX announcements_community ON announcements (community_id, published_ms);

-- The buildings a notice is for; none: the whole community.
CREATE TABLE announcement_buildings (
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  building_id BIGINT NOT NULL REFERENCES buildings(id),
  PRIMARY KEY (announcement_id, building_id)
);
CREATE INDEX announcement_buildings_building ON announcement_buildings (building_id);

-- A resident's first read of a notice, with their household and its building then.
CREATE TABLE announcement_reads (
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  building_id BIGINT REFERENCES buildings(id),
  read_ms BIGINT NOT NULL,
  PRIMARY KEY (announcement_id, user_id)
);
CREATE INDEX announcement_reads_building ON announcement_reads (announcement_id, building_id);
