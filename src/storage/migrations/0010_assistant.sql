-- 0010 assistant: the community knowledge base (staff-maintained Q&A, notices, policies) with
-- a full-text index that works for Chinese (SQLite FTS5 trigram / PostgreSQL pg_trgm), the
-- questions it could not answer, per-community synonym groups, and the keyword rules that
-- suggest a request's category (community_id 0 holds the defaults every community inherits).

CREATE TABLE assistant_entries (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  keywords TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('faq', 'notice', 'policy')),
  source_ref TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 0,
  search_text TEXT NOT NULL,
  created_by_user_id BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assistant_entries_community ON assistant_entries (community_id, published, id);

CREATE TABLE assistant_unanswered (
  id {{PK}},
  community_id BIGINT NOT NULL REFERENCES communities(id),
  question TEXT NOT NULL,
  normalized TEXT NOT NULL,
  times_asked BIGINT NOT NULL DEFAULT 1,
  best_score_bp BIGINT NOT NULL DEFAULT 0,
  first_asked_at TEXT NOT NULL,
  last_asked_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_entry_id BIGINT REFERENCES assistant_entries(id),
  resolved_by_user_id BIGINT,
  UNIQUE (community_id, normalized)
);
CREATE INDEX assistant_unanswered_open ON assistant_unanswered (community_id, resolved_at, id);

CREATE TABLE assistant_synonyms (
  id {{PK}},
  community_id BIGINT NOT NULL,
  terms TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX assistant_synonyms_community ON assistant_synonyms (community_id, id);

CREATE TABLE assistant_category_keywords (
  id {{PK}},
  community_id BIGINT NOT NULL DEFAULT 0,
  category TEXT NOT NULL,
  keyword TEXT NOT NULL,
  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 10)
);
CREATE INDEX assistant_category_keywords_community ON assistant_category_keywords (community_id, id);

-- dialect: sqlite
-- The trigram index mirrors search_text; triggers keep it in step with every write.
CREATE VIRTUAL TABLE assistant_entries_fts USING fts5(search_text, community_id UNINDEXED, tokenize = 'trigram');
CREATE TRIGGER assistant_entries_fts_insert AFTER INSERT ON assistant_entries BEGIN
  INSERT INTO assistant_entries_fts (rowid, search_text, community_id) VALUES (new.id, new.search_text, new.community_id);
END;
CREATE TRIGGER assistant_entries_fts_update AFTER UPDATE OF search_text ON assistant_entries BEGIN
  DELETE FROM assistant_entries_fts WHERE rowid = old.id;
  INSERT INTO assistant_entries_fts (rowid, search_text, community_id) VALUES (new.id, new.search_text, new.community_id);
END;
CREATE TRIGGER assistant_entries_fts_delete AFTER DELETE ON assistant_entries BEGIN
  DELETE FROM assistant_entries_fts WHERE rowid = old.id;
END;
-- dialect: postgresql
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without
-- superuser. A server role that does not own the database needs an administrator to run
-- CREATE EXTENSION pg_trgm once beforehand (IF NOT EXISTS then skips it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX assistant_entries_trgm ON assistant_entries USING gin (search_text gin_trgm_ops);
-- dialect: all

INSERT INTO assistant_category_keywords (community_id, category, keyword, weight) VALUES
  (0, 'gas_leak', '燃气', 3), (0, 'gas_leak', '煤气', 3), (0, 'gas_leak', '天然气', 3),
  (0, 'gas_leak', '煤气味', 2), (0, 'gas_leak', '燃气味', 2), (0, 'gas_leak', 'gas', 3),
  (0, 'water_outage', '停水', 3), (0, 'water_outage', '没水', 3), (0, 'water_outage', '断水', 3),
  (0, 'water_outage', '水压', 1),
  (0, 'power_outage', '停电', 3), (0, 'power_outage', '没电', 3), (0, 'power_outage', '断电', 3),
  (0, 'power_outage', '跳闸', 2),
  (0, 'elderly_unreachable', '联系不上', 3), (0, 'elderly_unreachable', '无人应答', 3),
  (0, 'elderly_unreachable', '独居', 1), (0, 'elderly_unreachable', '敲门没人', 3),
  (0, 'safety_hazard', '隐患', 2), (0, 'safety_hazard', '着火', 3), (0, 'safety_hazard', '冒烟', 3),
  (0, 'safety_hazard', '消防通道', 2), (0, 'safety_hazard', '掉落', 2), (0, 'safety_hazard', '飞线充电', 3),
  (0, 'safety_hazard', '危险', 1),
  (0, 'water_leak', '漏水', 3), (0, 'water_leak', '渗水', 3), (0, 'water_leak', '滴水', 2),
  (0, 'water_leak', '水管', 1), (0, 'water_leak', '爆管', 3),
  (0, 'elevator', '电梯', 3), (0, 'elevator', '升降机', 3), (0, 'elevator', '困在电梯', 3),
  (0, 'heating', '暖气', 3), (0, 'heating', '供暖', 3), (0, 'heating', '不热', 1),
  (0, 'sanitation', '垃圾', 3), (0, 'sanitation', '清运', 2), (0, 'sanitation', '卫生', 2),
  (0, 'sanitation', '臭', 1), (0, 'sanitation', '老鼠', 2), (0, 'sanitation', '蟑螂', 2),
  (0, 'public_facility', '路灯', 3), (0, 'public_facility', '健身器材', 3),
  (0, 'public_facility', '座椅', 2), (0, 'public_facility', '井盖', 3), (0, 'public_facility', '门禁', 2),
  (0, 'public_facility', '坏了', 1),
  (0, 'parking', '停车', 3), (0, 'parking', '车位', 3), (0, 'parking', '占道', 2),
  (0, 'parking', '乱停', 3), (0, 'parking', '僵尸车', 3),
  (0, 'noise', '噪音', 3), (0, 'noise', '吵', 2), (0, 'noise', '扰民', 3), (0, 'noise', '广场舞', 2),
  (0, 'noise', '装修声', 3),
  (0, 'neighbour_dispute', '邻居', 2), (0, 'neighbour_dispute', '纠纷', 3), (0, 'neighbour_dispute', '吵架', 3),
  (0, 'neighbour_dispute', '矛盾', 2),
  (0, 'property_service', '物业', 2), (0, 'property_service', '保安', 2), (0, 'property_service', '保洁', 2),
  (0, 'property_service', '物业费', 2),
  (0, 'greening', '绿化', 3), (0, 'greening', '树枝', 2), (0, 'greening', '草坪', 2), (0, 'greening', '修剪', 2),
  (0, 'elderly_service', '老人', 2), (0, 'elderly_service', '养老', 3), (0, 'elderly_service', '助餐', 3),
  (0, 'elderly_service', '老年', 2), (0, 'elderly_service', '上门照护', 3),
  (0, 'consultation', '政策', 3), (0, 'consultation', '咨询', 3), (0, 'consultation', '怎么申请', 2),
  (0, 'consultation', '低保', 2), (0, 'consultation', '补贴', 2),
  (0, 'suggestion', '建议', 3), (0, 'suggestion', '希望', 1), (0, 'suggestion', '能不能增加', 2);
