-- POST /api/v1/leads, one new lead per request: the email is unique per run, thread and request.
-- env: BENCH_TOKEN, BENCH_RUN (a tag that makes the emails unique across runs), BENCH_LABEL
local report = dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local counter = 0
tid = 0
local threads = 0
local first = {"Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo"}
local last = {"Schmidt", "Martin", "Garcia", "Rossi", "Jansen", "Novak", "Dubois", "Weber"}

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

function request()
  counter = counter + 1
  local f, l = first[counter % 8 + 1], last[math.floor(counter / 8) % 8 + 1]
  local body = string.format(
    '{"email":"%s.%s.%s.t%d.%d@load.example.com","firstName":"%s","lastName":"%s","company":"Loadtest %d GmbH",' ..
    '"source":"api","country":"DE","consentGiven":true,"tags":["bench"]}',
    f:lower(), l:lower(), os.getenv("BENCH_RUN") .. (os.getenv("BENCH_LABEL") or ""), tid, counter, f, l, counter % 500)
  return wrk.format(nil, nil, nil, body)
end

done = report(os.getenv("BENCH_LABEL") or "post", 1)
