-- 0026 online hall: a meeting of the online deliberation hall (线上议事厅) carries the link of
-- its video meeting; residents see it, join, check in with the code read out in the video
-- and vote from their phones until the meeting ends.
ALTER TABLE activities ADD COLUMN video_url TEXT;
