-- 0029 floor area: a household's floor area (建筑面积) in square decimetres (1 ㎡ = 100 dm², so
-- 89.50 ㎡ is 8950), and a property fee by floor area: fee_per_m2_fen (e.g. 120 = 1.2 元/㎡/月)
-- bills each household with an area by it, the base fee per household billing those without.
ALTER TABLE households ADD COLUMN floor_area_dm2 BIGINT;
ALTER TABLE property_settings ADD COLUMN fee_per_m2_fen BIGINT;
ALTER TABLE property_quarter_fees ADD COLUMN fee_per_m2_fen BIGINT;
