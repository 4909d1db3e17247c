-- 0012 request photos: up to three JPEG/PNG photos per request, stored as base64 text because
-- the storage layer's values are NULL, integers and text only (no blob type).

CREATE TABLE request_photos (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  request_id BIGINT NOT NULL REFERENCES requests(id),
  n INTEGER NOT NULL CHECK (n BETWEEN 1 AND 3),
  content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  bytes BIGINT NOT NULL,
  data_base64 TEXT NOT NULL,
  uploaded_by_user_id BIGINT,
  created_at TEXT NOT NULL,
  UNIQUE (request_id, n)
);
