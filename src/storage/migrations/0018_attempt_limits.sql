-- 0018 attempt limits: how many times one login tried an activity's check-in code (after
-- ten, code check-ins for that activity answer 429 until a correct one clears the count;
-- staff can still check the resident in by name).

CREATE TABLE checkin_attempts (
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  user_id BIGINT NOT NULL,
  community_id BIGINT NOT NULL REFERENCES communities(id),
  attempts BIGINT NOT NULL,
  PRIMARY KEY (activity_id, user_id)
);

-- Failed logins, counted atomically in 15-minute windows: per account and client address
-- ('user:<name>|<address>'), so an attacker elsewhere cannot lock the real user out, and per
-- client address ('addr:<address>'). The old per-row log is no longer read.
CREATE TABLE login_counters (
  key TEXT PRIMARY KEY,
  window_start_epoch BIGINT NOT NULL,
  failures BIGINT NOT NULL
);
DROP TABLE login_failures;
