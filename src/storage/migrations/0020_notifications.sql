-- 0020 notifications: an outbox written in the transaction of the change it reports, the
-- in-app inbox (the existing notifications table, now filled from events), the channels staff
-- configure per community (WeCom and DingTalk group robots, signed webhooks), SMS to residents
-- who verified a mobile and opted in, and per-user preferences.

-- One row per state change worth telling someone about. `data` is the event's JSON (texts
-- already masked). urgent: a red request, never held back by quiet hours.
CREATE TABLE notification_events (
  id {{PK}},
  community_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  building TEXT,
  urgent INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL,
  occurred_ms BIGINT NOT NULL
);
CREATE INDEX notification_events_community ON notification_events (community_id, id);

-- The inbox row of an event for one user (older rows, from before events, have none).
ALTER TABLE notifications ADD COLUMN event_id BIGINT;
CREATE UNIQUE INDEX notifications_event_user ON notifications (event_id, user_id);

-- How to reach a user beyond the app: a mobile (verified by staff at the desk or by a code),
-- the language messages are written in, the community they hear broadcasts from.
CREATE TABLE notification_contacts (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  community_id BIGINT NOT NULL REFERENCES communities(id),
  mobile TEXT,
  mobile_verified_at TEXT,
  language TEXT NOT NULL DEFAULT 'zh' CHECK (language IN ('zh', 'en')),
  updated_at TEXT NOT NULL
);
CREATE INDEX notification_contacts_community ON notification_contacts (community_id);

-- A user's choice per event kind; no row means the default (in-app on, SMS off).
CREATE TABLE notification_preferences (
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  in_app INTEGER NOT NULL,
  sms INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind)
);

-- A group robot or an integrator's webhook; `events` is a comma-separated list of kinds, or
-- '*'. A building-scoped channel hears only events of that building (and community-wide ones).
CREATE TABLE notification_channels (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  building TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'webhook')),
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT,
  events TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX notification_channels_community ON notification_channels (community_id);

-- One message to one channel or one mobile. `key` makes recording idempotent; the id is the
-- stable delivery id a receiver sees on every retry. A worker claims a row by moving
-- claimed_until_ms forward with a conditional UPDATE, so servers never send one twice at once.
CREATE TABLE notification_deliveries (
  id {{PK}},
  key TEXT NOT NULL UNIQUE,
  event_id BIGINT NOT NULL REFERENCES notification_events(id),
  community_id BIGINT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('wecom', 'dingtalk', 'webhook', 'sms')),
  channel_id BIGINT,
  user_id BIGINT,
  address TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms BIGINT NOT NULL,
  claimed_until_ms BIGINT NOT NULL DEFAULT 0,
  last_error TEXT,
  sent_ms BIGINT,
  created_ms BIGINT NOT NULL
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (status, next_attempt_ms);
CREATE INDEX notification_deliveries_channel ON notification_deliveries (channel_id, id);

-- The participation module's evening-before reminders: one per activity, whichever server's
-- job gets there first.
CREATE TABLE activity_reminders (
  activity_id BIGINT PRIMARY KEY REFERENCES activities(id),
  sent_ms BIGINT NOT NULL
);
