-- POST /api/v1/leads/batch with BENCH_BATCH (default 1000) new leads per request.
local report = dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local size = tonumber(os.getenv("BENCH_BATCH") or "1000")
local counter, threads = 0, 0
tid = 0

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
  local items = {}
  for i = 1, size do
    items[i] = string.format(
      '{"email":"b.%s.t%d.%d.%d@batch.example.com","firstName":"Batch","lastName":"Lead%d","company":"Batch %d Ltd",' ..
      '"source":"import","country":"FR"}', os.getenv("BENCH_RUN") .. (os.getenv("BENCH_LABEL") or ""), tid, counter, i, i, i % 300)
  end
  return wrk.format(nil, nil, nil, '{"leads":[' .. table.concat(items, ",") .. ']}')
end

done = report(os.getenv("BENCH_LABEL") or "batch", size)
