-- 0015 the newest audit entry of a community, found in its index range: a street's indicators
-- keep each community's inputs until the community's next audited write (every write is
-- audited), and ask this for every community on every call.
CREATE INDEX IF NOT EXISTS audit_log_community ON audit_log (community_id, seq);
