-- 0013 indicator targets: a community's own targets for its evaluation indicators (the
-- defaults in code stand for any key it has not set). value_milli = target × 1000, so 0.6 is
-- 600 and 5 working days is 5000; the hourly value of residents' service is in fen.

CREATE TABLE indicator_targets (
  community_id BIGINT NOT NULL REFERENCES communities(id),
  key TEXT NOT NULL,
  value_milli BIGINT NOT NULL,
  updated_by_user_id BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (community_id, key)
);
