-- Shared by the wrk scripts: one parsable line per run.
-- RESULT label rps=<requests/s> items=<items/s> p50=<ms> p95=<ms> p99=<ms> requests=<n> errors=<non-2xx + socket>
return function(label, per_request)
  return function(summary, latency, requests)
    local secs = summary.duration / 1e6
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.timeout + e.status
    io.write(string.format("RESULT %s rps=%.1f items=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f requests=%d errors=%d\n",
      label, summary.requests / secs, summary.requests * (per_request or 1) / secs,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, summary.requests, errors))
  end
end
