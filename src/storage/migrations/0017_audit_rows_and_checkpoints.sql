-- 0017 audit entries record the rows their write left (row_states); signed checkpoints of the head.
ALTER TABLE audit_log ADD COLUMN row_states TEXT;

CREATE TABLE audit_checkpoints (
  id {{PK}},
  community_id BIGINT,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  public_key TEXT NOT NULL,
  signature TEXT NOT NULL
);
CREATE INDEX audit_checkpoints_seq ON audit_checkpoints (seq);
