-- wrk script: POST /api/v1/requests as the benchmark's staff user, filing a public-facility
-- request on behalf of the seeded household (the body shape of tests/api/requests_test.cpp).
--   wrk ... -s bench/http/submit.lua URL -- TOKEN COMMUNITY_ID HOUSEHOLD_ID
local request_text

function init(args)
  local token, community_id, household_id = args[1], args[2], args[3]
  assert(token and community_id and household_id, "usage: -- TOKEN COMMUNITY_ID HOUSEHOLD_ID")
  local body = string.format(
    '{"community_id":%d,"household_id":%d,"category":"public_facility",' ..
    '"description":"5号楼北侧健身器材松动，老人使用有隐患，请尽快检修。"}',
    tonumber(community_id), tonumber(household_id))
  request_text = wrk.format("POST", "/api/v1/requests", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

function request()
  return request_text
end
