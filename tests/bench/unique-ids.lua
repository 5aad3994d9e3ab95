-- wrk script: the peer's post.lua (method, headers, BODY, the RESULT line), but every request gets its own
-- activity id. OspBot drops a repeated activity id as a Teams re-delivery (it runs once, then answers from
-- memory), so posting one fixed body would measure its de-duplication instead of a turn. Used for both bots.
dofile("post.lua")

local template = wrk.body
local fixed_id = template:match('"type":"message".-"id":"([^"]+)"')
assert(fixed_id, "no activity id in BODY")
-- Unique across runs too (a warm-up's ids would otherwise come back as repeats): RUN_ID from the caller.
local run = os.getenv("RUN_ID") or tostring(os.time())
local count = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function request()
  count = count + 1
  local id = string.format("%s-%s-%d-%d", fixed_id, run, tid, count)
  return wrk.format(nil, nil, nil, (template:gsub('"id":"' .. fixed_id .. '"', '"id":"' .. id .. '"', 1)))
end
