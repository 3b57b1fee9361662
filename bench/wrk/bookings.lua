-- wrk script of the booking scenarios (scenarios/bookings.sh): POST /api/v1/bookings with a body per request.
--   BENCH_BOOKING_MODE=distinct  every request books its own (mobile team, slot): team = n mod teams, slot = n div teams,
--                                32 slots of 45 min per day from tomorrow (opening hours 00:00-23:59 every day).
--   BENCH_BOOKING_MODE=hot       every request asks for the same wash-bay slot: all but the first get 409.
-- The result line is report.lua's, plus conflicts (409 answers) and conflicts_per_s; 409s are not counted in
-- non2xx, other statuses >= 400 are.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local mode = os.getenv("BENCH_BOOKING_MODE") or "distinct"
local customer = os.getenv("BENCH_CUSTOMER_ID")
local service = os.getenv("BENCH_SERVICE_ID")
local teams = {}
for entry in string.gmatch(os.getenv("BENCH_TEAMS") or "", "[^;]+") do
  local vehicle, lat, lng = string.match(entry, "([^,]+),([^,]+),([^,]+)")
  teams[#teams + 1] = { vehicle = vehicle, lat = lat, lng = lng }
end
local day0 = tonumber(os.getenv("BENCH_DAY0") or "0") -- epoch seconds of tomorrow 00:00 UTC
local hot_body = os.getenv("BENCH_HOT_BODY")

local offset_file = os.getenv("BENCH_OFFSET_FILE")

-- The first counter value of this run: where the previous run (the warm-up) stopped.
local function read_offset()
  local f = offset_file and io.open(offset_file, "r")
  if not f then
    return 0
  end
  local v = tonumber(f:read("*l") or "0") or 0
  f:close()
  return v
end

local threads = {}
function setup(thread)
  thread:set("index", #threads)
  threads[#threads + 1] = thread
end

-- globals, so that done() can read them with thread:get
counter, conflicts = 0, 0
local stride = 1
function init(args)
  stride = tonumber(os.getenv("BENCH_THREADS") or "2")
  counter = read_offset() + (index or 0)
end

local function next_body()
  local n = counter
  counter = counter + stride
  local team = teams[(n % #teams) + 1]
  local slot = math.floor(n / #teams)
  local day, k = math.floor(slot / 32), slot % 32
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ", day0 + day * 86400 + k * 45 * 60)
  return string.format('{"customer_id":"%s","vehicle_id":"%s","service_ids":["%s"],"scheduled_at":"%s",'
    .. '"booking_type":"mobile","customer_location":{"lat":%s,"lng":%s}}', customer, team.vehicle, service, at, team.lat, team.lng)
end

function request()
  if mode == "hot" then
    return wrk.format("POST", nil, nil, hot_body)
  end
  return wrk.format("POST", nil, nil, next_body())
end

function response(status, headers, body)
  if status == 409 then
    conflicts = conflicts + 1
  end
end

function done(summary, latency, requests)
  local total, last = 0, 0
  for _, t in ipairs(threads) do
    total = total + (t:get("conflicts") or 0)
    last = math.max(last, t:get("counter") or 0)
  end
  if offset_file then
    local f = io.open(offset_file, "w")
    f:write(tostring(last + #threads), "\n")
    f:close()
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("scenario=%s rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d requests=%d conflicts=%d conflicts_per_s=%.1f\n",
    os.getenv("BENCH_SCENARIO") or "wrk", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status - total, summary.requests, total, total / seconds))
end
