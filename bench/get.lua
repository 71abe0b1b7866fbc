-- GET of the path given on the command line; headers come from -H. Reports p95.
local report = dofile(os.getenv("BENCH_DIR") .. "/report.lua")
done = report(os.getenv("BENCH_LABEL") or "get", 1)
