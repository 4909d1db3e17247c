-- wrk script: GET /api/v1/track/{code}, rotating through the sample tracking codes that
-- bench/http_seed wrote (one a line). Each wrk thread starts at a different place in the list.
--   wrk ... -s bench/http/track.lua URL -- CODES_FILE
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
end

local codes = {}
local next_code = 1

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then codes[#codes + 1] = line end
  end
  assert(#codes > 0, "no tracking codes in " .. tostring(args[1]))
  next_code = (thread_index * 7919) % #codes + 1
end

function request()
  local code = codes[next_code]
  next_code = next_code % #codes + 1
  return wrk.format("GET", "/api/v1/track/" .. code)
end
