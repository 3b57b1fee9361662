-- wrk reporter of bench/run.sh: prints one line per run,
--   scenario=NAME rps=... p50_ms=... p99_ms=... errors=... non2xx=... requests=...
-- The scenario name comes from $BENCH_SCENARIO. An Authorization header can be given with wrk's
-- -H or, keeping the token out of `ps`, in $BENCH_AUTHORIZATION (the full value, "Bearer ...").
-- non2xx is wrk's "Non-2xx or 3xx responses" counter: wrk counts statuses >= 400 only.

local auth = os.getenv("BENCH_AUTHORIZATION")
if auth and auth ~= "" then
  wrk.headers["Authorization"] = auth
end

-- A request body (and method) for POST scenarios: $BENCH_METHOD and $BENCH_BODY (JSON).
local method = os.getenv("BENCH_METHOD")
if method and method ~= "" then
  wrk.method = method
end
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("scenario=%s rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d requests=%d\n",
    os.getenv("BENCH_SCENARIO") or "wrk",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, summary.requests))
end
