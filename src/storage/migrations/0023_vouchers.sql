-- 0023 vouchers: a redemption gives the resident a voucher code (兑换凭证) to show where they
-- take the item (the canteen, the barber); staff or guides check it and mark it used once. A
-- corrected redemption's voucher is void. Redemptions made before have no code.
ALTER TABLE points_redemptions ADD COLUMN voucher_code TEXT;
ALTER TABLE points_redemptions ADD COLUMN used_at TEXT;
ALTER TABLE points_redemptions ADD COLUMN used_by_user_id BIGINT;
ALTER TABLE points_redemptions ADD COLUMN voided_at TEXT;
CREATE UNIQUE INDEX points_redemptions_voucher ON points_redemptions (voucher_code);
