-- 0033 bookings: the community's rooms (场地) with their rules, and bookings of them. A pending
-- booking holds its slot as an approved one does; the use case locks the room's row while it
-- checks for overlaps, so a slot is never booked twice.
CREATE TABLE rooms (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('activity_room', 'childcare', 'meeting_room', 'sports', 'other')),
  capacity BIGINT NOT NULL,
  opens_minute BIGINT NOT NULL,
  closes_minute BIGINT NOT NULL,
  slot_minutes BIGINT NOT NULL,
  max_minutes BIGINT NOT NULL,
  max_per_week BIGINT NOT NULL,
  advance_days BIGINT NOT NULL,
  open_to TEXT NOT NULL CHECK (open_to IN ('residents', 'officials')),
  needs_approval INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  description TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX rooms_name ON rooms (community_id, name);

CREATE TABLE room_bookings (
  id {{PK}},
  room_id BIGINT NOT NULL REFERENCES rooms(id),
  community_id BIGINT NOT NULL REFERENCES communities(id),
  household_id BIGINT REFERENCES households(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  starts_ms BIGINT NOT NULL,
  ends_ms BIGINT NOT NULL,
  purpose TEXT NOT NULL,
  attendees BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  decided_by_user_id BIGINT REFERENCES users(id),
  decided_ms BIGINT,
  decision_note TEXT,
  created_ms BIGINT NOT NULL
);
CREATE INDEX room_bookings_room ON room_bookings (room_id, starts_ms);
CREATE INDEX room_bookings_household ON room_bookings (household_id, starts_ms);
CREATE INDEX room_bookings_community ON room_bookings (community_id, status, starts_ms);
