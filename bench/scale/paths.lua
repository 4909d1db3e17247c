-- wrk script: GET the request paths of a file (one a line, already URL-encoded), in turn, as the
-- user of a bearer token. Each wrk thread starts at a different place in the list, so the
-- threads do not ask the same thing at the same moment.
--   wrk ... -s bench/scale/paths.lua URL -- PATHS_FILE TOKEN
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
end

local requests = {}
local next_request = 1

function init(args)
  local file, token = args[1], args[2]
  assert(file and token, "usage: -- PATHS_FILE TOKEN")
  local headers = { ["Authorization"] = "Bearer " .. token }
  for line in io.lines(file) do
    if #line > 0 then requests[#requests + 1] = wrk.format("GET", line, headers) end
  end
  assert(#requests > 0, "no paths in " .. tostring(file))
  next_request = (thread_index * 7919) % #requests + 1
end

function request()
  local text = requests[next_request]
  next_request = next_request % #requests + 1
  return text
end

