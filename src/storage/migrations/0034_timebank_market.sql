-- 0034 the time bank's marketplace (as TimeOverflow): residents post what they offer
-- ("陪老人聊天、代买菜、辅导作业") and what they need; a neighbour answers a post, the poster
-- accepts, and the service that follows is recorded from the match (the provider and
-- recipient are the match's two members), then confirmed as any other.
CREATE TABLE timebank_posts (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  resident_id BIGINT NOT NULL REFERENCES residents(id),
  kind TEXT NOT NULL CHECK (kind IN ('offer', 'request')),
  service_type TEXT NOT NULL,
  title TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '',
  availability TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_ms BIGINT NOT NULL,
  closed_ms BIGINT
);
CREATE INDEX timebank_posts_community ON timebank_posts (community_id, status, created_ms);

CREATE TABLE timebank_matches (
  id {{PK}},
  post_id BIGINT NOT NULL REFERENCES timebank_posts(id),
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  resident_id BIGINT NOT NULL REFERENCES residents(id),
  message TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined', 'withdrawn', 'done')),
  created_ms BIGINT NOT NULL,
  answered_ms BIGINT,
  service_id BIGINT REFERENCES timebank_services(id)
);
CREATE INDEX timebank_matches_post ON timebank_matches (post_id, status);
CREATE UNIQUE INDEX timebank_matches_once ON timebank_matches (post_id, resident_id);
