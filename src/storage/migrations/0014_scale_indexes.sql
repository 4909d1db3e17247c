-- 0014 indexes for the street (many communities) scope, found with bench/run-scale.sh and
-- EXPLAIN QUERY PLAN on the demo of 10 and 100 communities. Each lets a query of the
-- indicators, the cockpit, the reports or the needs ranking read one community's range of an
-- index instead of scanning a whole table or looking up every row; none changes a result.

-- Participation (COUNT DISTINCT household_id of a quarter's check-ins) without a row lookup.
CREATE INDEX IF NOT EXISTS activity_attendance_period
  ON activity_attendance (community_id, checked_in_ms, household_id);

-- Volunteering minutes: the volunteer activities of a community, then their check-ins of the
-- quarter, both from the index alone.
CREATE INDEX IF NOT EXISTS activities_kind ON activities (community_id, kind, starts_ms, ends_ms);
CREATE INDEX IF NOT EXISTS activity_attendance_checked_in
  ON activity_attendance (activity_id, checked_in_ms);

-- Misallocation and spending: the spending records of a community's quarter, then their
-- deliveries (this join scanned every delivery of every community).
CREATE INDEX IF NOT EXISTS plan_spending_spent ON plan_spending (community_id, spent_on);
CREATE INDEX IF NOT EXISTS plan_deliveries_spending
  ON plan_deliveries (spending_id, units, had_demand);

-- Time-bank minutes of a community's quarter (this used the status index of the expiry job
-- and read every confirmed service of every community).
CREATE INDEX IF NOT EXISTS timebank_services_community
  ON timebank_services (community_id, status, service_date, minutes);

-- Requests per household of a community (needs ranking) from the index alone.
CREATE INDEX IF NOT EXISTS requests_household ON requests (community_id, household_id);

-- Household search by a resident's name: the name from the index, not from the resident's row
-- (which holds the ID number, phone and the rest). It leads with household_id, so it replaces
-- the index on household_id alone.
CREATE INDEX IF NOT EXISTS residents_household_name ON residents (household_id, name);
DROP INDEX IF EXISTS residents_household;
