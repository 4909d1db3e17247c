-- 0016 an ID number a guide typed that another resident of the community already holds: kept
-- beside the row, out of id_number, so UNIQUE (community_id, id_number) keeps holding for
-- real data while the guide's answer does not reveal that the number is registered; staff
-- see the dispute and settle it.
ALTER TABLE residents ADD COLUMN disputed_id_number TEXT;
