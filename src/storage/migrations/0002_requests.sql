-- 0002 requests: resident requests (诉求) with triage, tracking codes, the case workflow and
-- its events, escalation notifications, configurable categories, departments and triage
-- rules, the working-day calendar loaded at run time, and Open311 client keys.
-- community_id 0 holds the defaults every community inherits.

CREATE TABLE request_categories (
  community_id BIGINT NOT NULL DEFAULT 0,
  code TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  default_priority TEXT NOT NULL CHECK (default_priority IN ('red', 'yellow', 'blue')),
  resolution_working_days INTEGER NOT NULL,
  is_complaint INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (community_id, code)
);

-- Words in a request's description that raise its priority (e.g. 燃气 → red).
CREATE TABLE triage_rules (
  id {{PK}},
  community_id BIGINT NOT NULL DEFAULT 0,
  keyword TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('red', 'yellow', 'blue')),
  note TEXT NOT NULL
);

CREATE TABLE request_departments (
  community_id BIGINT NOT NULL DEFAULT 0,
  code TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  PRIMARY KEY (community_id, code)
);

CREATE TABLE requests (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  tracking_code TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('red', 'yellow', 'blue')),
  priority_source TEXT NOT NULL,
  triage_note TEXT,
  status TEXT NOT NULL,
  channel TEXT NOT NULL,
  household_id BIGINT REFERENCES households(id),
  submitted_by_user_id BIGINT REFERENCES users(id),
  open311_client_id BIGINT,
  contact_name TEXT,
  contact_phone TEXT,
  location TEXT,
  latitude TEXT,
  longitude TEXT,
  received_at TEXT NOT NULL,
  received_ms BIGINT NOT NULL,
  response_due_ms BIGINT NOT NULL,
  resolution_due_ms BIGINT NOT NULL,
  responded_ms BIGINT,
  resolved_ms BIGINT,
  closed_ms BIGINT,
  assignee_user_id BIGINT REFERENCES users(id),
  assignee_department TEXT,
  duplicate_of BIGINT,
  overdue_response INTEGER NOT NULL DEFAULT 0,
  overdue_resolution INTEGER NOT NULL DEFAULT 0,
  rating INTEGER,
  rating_comment TEXT,
  rated_ms BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX requests_queue ON requests (community_id, status, received_ms);
CREATE INDEX requests_received ON requests (community_id, received_ms);
CREATE INDEX requests_submitter ON requests (submitted_by_user_id);
CREATE INDEX requests_open_due ON requests (status, response_due_ms, resolution_due_ms);

-- Every transition, note and escalation, kept forever. public_note: shown on the tracking page.
CREATE TABLE request_events (
  id {{PK}},
  community_id BIGINT NOT NULL,
  request_id BIGINT NOT NULL REFERENCES requests(id),
  at TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  actor_user_id BIGINT,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  note TEXT,
  is_public INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX request_events_request ON request_events (request_id, id);

CREATE TABLE notifications (
  id {{PK}},
  community_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, id);

-- The working-day calendar in force; loaded from the bundled chinese-days data at first start
-- and replaced year by year by an administrator (gongzhi calendar load FILE).
CREATE TABLE calendar_days (
  community_id BIGINT NOT NULL DEFAULT 0,
  day TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL,
  PRIMARY KEY (community_id, day)
);
CREATE TABLE calendar_years (
  community_id BIGINT NOT NULL DEFAULT 0,
  year INTEGER NOT NULL,
  source TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  PRIMARY KEY (community_id, year)
);

CREATE TABLE open311_clients (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);

INSERT INTO request_categories (community_id, code, name_zh, name_en, default_priority, resolution_working_days, is_complaint) VALUES
  (0, 'gas_leak', '燃气泄漏', 'Gas leak', 'red', 1, 0),
  (0, 'water_outage', '停水', 'Water outage', 'red', 2, 0),
  (0, 'power_outage', '停电', 'Power outage', 'red', 2, 0),
  (0, 'elderly_unreachable', '独居老人联系不上', 'Elderly person unreachable', 'red', 1, 0),
  (0, 'safety_hazard', '安全隐患', 'Safety hazard', 'red', 3, 0),
  (0, 'water_leak', '漏水渗水', 'Water leak', 'yellow', 5, 0),
  (0, 'elevator', '电梯故障', 'Elevator fault', 'yellow', 3, 0),
  (0, 'heating', '供暖问题', 'Heating', 'yellow', 5, 0),
  (0, 'sanitation', '环境卫生', 'Sanitation and rubbish', 'blue', 5, 0),
  (0, 'public_facility', '公共设施维修', 'Public facility repair', 'blue', 10, 0),
  (0, 'parking', '停车管理', 'Parking', 'blue', 10, 0),
  (0, 'noise', '噪音扰民', 'Noise', 'blue', 5, 1),
  (0, 'neighbour_dispute', '邻里纠纷', 'Neighbour dispute', 'blue', 10, 1),
  (0, 'property_service', '物业服务投诉', 'Property service complaint', 'blue', 10, 1),
  (0, 'greening', '绿化养护', 'Greening', 'blue', 10, 0),
  (0, 'elderly_service', '养老服务', 'Elderly care service', 'yellow', 7, 0),
  (0, 'consultation', '政策咨询', 'Policy question', 'blue', 5, 0),
  (0, 'suggestion', '意见建议', 'Suggestion', 'blue', 15, 0),
  (0, 'other', '其他', 'Other', 'blue', 10, 0);

INSERT INTO triage_rules (community_id, keyword, priority, note) VALUES
  (0, '燃气', 'red', '涉及燃气，按紧急处理'),
  (0, '煤气', 'red', '涉及燃气，按紧急处理'),
  (0, 'gas', 'red', 'Gas involved: urgent'),
  (0, '停水', 'red', '停水影响生活，按紧急处理'),
  (0, '停电', 'red', '停电影响生活，按紧急处理'),
  (0, '联系不上', 'red', '居民联系不上，按紧急处理'),
  (0, '无人应答', 'red', '居民无人应答，按紧急处理'),
  (0, '着火', 'red', '可能涉及火情，按紧急处理'),
  (0, '冒烟', 'red', '可能涉及火情，按紧急处理'),
  (0, '困在电梯', 'red', '有人被困电梯，按紧急处理'),
  (0, '漏水', 'yellow', '漏水，按重要处理');

INSERT INTO request_departments (community_id, code, name_zh, name_en) VALUES
  (0, 'property_management', '物业服务中心', 'Property management office'),
  (0, 'sanitation', '环卫所', 'Sanitation station'),
  (0, 'municipal', '市政设施管理', 'Municipal facilities'),
  (0, 'grid_station', '网格工作站', 'Grid station'),
  (0, 'civil_affairs', '民政科', 'Civil affairs'),
  (0, 'housing', '房管所', 'Housing office');
