-- 0032 referrals (转办): a request the community cannot solve is referred to its street, or
-- through the street to a named department, with a reason. The street signs for it (签收) or
-- returns it (退单) with a reason; once signed for, the street works and resolves the case. The
-- request keeps its deadlines: they and the three rates follow it wherever it goes.
CREATE TABLE request_referrals (
  id {{PK}},
  request_id BIGINT NOT NULL REFERENCES requests(id),
  community_id BIGINT NOT NULL REFERENCES communities(id),
  level TEXT NOT NULL CHECK (level IN ('street', 'department')),
  department TEXT,
  reason TEXT NOT NULL,
  referred_by_user_id BIGINT NOT NULL REFERENCES users(id),
  referred_ms BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'returned', 'resolved', 'withdrawn')),
  answered_by_user_id BIGINT REFERENCES users(id),
  answered_ms BIGINT,
  answer_note TEXT,
  closed_ms BIGINT
);
CREATE INDEX request_referrals_request ON request_referrals (request_id, id);
CREATE INDEX request_referrals_community ON request_referrals (community_id, referred_ms);
CREATE INDEX request_referrals_open ON request_referrals (status, community_id);
