-- 0035 discussion: comments on proposals, plans in public notice and announcements, threads one
-- level deep (a reply answers a top-level comment, as Loomio and Decidim do). Residents flag a
-- comment (once each); three households' flags hide it until staff look; staff hide or restore
-- a comment with a reason everyone reads.
CREATE TABLE comments (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  subject_type TEXT NOT NULL CHECK (subject_type IN ('proposal', 'plan', 'announcement')),
  subject_id BIGINT NOT NULL,
  parent_id BIGINT REFERENCES comments(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  household_id BIGINT REFERENCES households(id),
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('visible', 'hidden')),
  hidden_reason TEXT,
  hidden_by_user_id BIGINT REFERENCES users(id),
  hidden_ms BIGINT,
  reviewed_ms BIGINT,
  created_ms BIGINT NOT NULL
);
CREATE INDEX comments_subject ON comments (subject_type, subject_id, id);
CREATE INDEX comments_household ON comments (household_id, created_ms);
CREATE INDEX comments_user ON comments (user_id, created_ms);

CREATE TABLE comment_flags (
  comment_id BIGINT NOT NULL REFERENCES comments(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  household_id BIGINT REFERENCES households(id),
  reason TEXT NOT NULL CHECK (reason IN ('spam', 'abuse', 'privacy', 'off_topic', 'other')),
  note TEXT NOT NULL DEFAULT '',
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (comment_id, user_id)
);
