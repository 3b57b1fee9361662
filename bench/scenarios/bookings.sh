# shellcheck shell=bash
# POST /api/v1/bookings, two scenarios (wrk script wrk/bookings.lua):
#   bookings_distinct  every request books a free slot of its own: mobile teams far apart (one candidate per
#                      location), opening hours 00:00-23:59 every day, 32 slots of 45 min a day per team; the
#                      target is >= 3,000 bookings/s. Every answer should be 201.
#   bookings_hot       every request asks for the same slot of the one wash bay able to take an oversized
#                      vehicle: one 201 (the check request), then 409 with alternatives. The line reports
#                      conflicts and conflicts_per_s; 409s are not counted as errors.
register_scenario bookings_distinct
register_scenario bookings_hot

# bench_api METHOD PATH [JSON]: prints the response body; fails on a status >= 400.
bench_api() {
  local method=$1 path=$2 body=${3:-} code
  local -a args=(-X "$method" -H "Authorization: $BENCH_AUTHORIZATION")
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data-binary "$body")
  code=$(curl -sS --max-time 30 -o "$BENCH_OUT/setup.body" -w '%{http_code}' "${args[@]}" "$BENCH_URL$path") || code=000
  case $code in 2??) cat "$BENCH_OUT/setup.body" ;; *)
    log "$method $path answered $code: $(head -c 400 "$BENCH_OUT/setup.body")"
    return 1
    ;;
  esac
}

# The initial admin may still be in creation when /live first answers: a few attempts.
bench_login() {
  local attempt token
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if token=$(login 2>/dev/null); then
      printf '%s\n' "$token"
      return 0
    fi
    log "login attempt $attempt failed, retrying"
    sleep 2
  done
  login
}

json_field() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -n 1; }

# Opening hours every day, a category with one 30-minute service; sets BENCH_SERVICE_ID, BENCH_CUSTOMER_ID.
bookings_setup() {
  local days="" d body category
  for d in monday tuesday wednesday thursday friday saturday sunday; do
    days="$days${days:+,}{\"day\":\"$d\",\"open_time\":\"00:00\",\"close_time\":\"23:59:59\"}"
  done
  bench_api PUT /api/v1/scheduling/business-hours "{\"days\":[$days]}" >/dev/null
  body=$(bench_api POST /api/v1/services/categories "{\"name\":\"Bench $(random_hex 4)\"}")
  category=$(printf '%s' "$body" | json_field id)
  [ -n "$category" ] || category=$(printf '%s' "$body" | json_field category_id)
  body=$(bench_api POST "/api/v1/services/categories/$category/services" \
    "{\"name\":\"Bench wash $(random_hex 4)\",\"price\":\"25.00\",\"duration_minutes\":30}")
  BENCH_SERVICE_ID=$(printf '%s' "$body" | json_field id)
  [ -n "$BENCH_SERVICE_ID" ] || BENCH_SERVICE_ID=$(printf '%s' "$body" | json_field service_id)
  BENCH_CUSTOMER_ID=$(bench_api GET /api/v1/auth/me | json_field id)
  if [ -z "$BENCH_SERVICE_ID" ] || [ -z "$BENCH_CUSTOMER_ID" ]; then
    log "setup failed"
    return 1
  fi
  export BENCH_SERVICE_ID BENCH_CUSTOMER_ID
}

# bench_vehicle SIZE: a vehicle of the bench admin; prints its id.
bench_vehicle() {
  bench_api POST /api/v1/vehicles "{\"make\":\"Bench\",\"model\":\"Car\",\"year\":2024,\"color\":\"Grey\",\"license_plate\":\"B$(random_hex 5)\",\"vehicle_size\":\"$1\"}" |
    json_field id
}

scenario_bookings_distinct() {
  local token teams="" i lat vehicle count=${BENCH_BOOKING_TEAMS:-64}
  token=$(bench_login)
  export BENCH_AUTHORIZATION="Bearer $token"
  bookings_setup
  # Teams 0.5 degrees of latitude apart with a 1 km radius: each location has exactly one candidate.
  for ((i = 0; i <= count; i++)); do
    lat=$(awk -v i="$i" 'BEGIN { printf "%.4f", -40 + i * 0.5 }')
    bench_api POST /api/v1/facilities/mobile-teams \
      "{\"team_name\":\"Bench team $i $(random_hex 3)\",\"base_latitude\":$lat,\"base_longitude\":10.5,\"service_radius_km\":\"1.00\",\"daily_capacity\":1000}" >/dev/null
    vehicle=$(bench_vehicle standard)
    if [ "$i" -eq "$count" ]; then
      # the last team takes the check request, so that wrk's slots stay free
      BENCH_BODY="{\"customer_id\":\"$BENCH_CUSTOMER_ID\",\"vehicle_id\":\"$vehicle\",\"service_ids\":[\"$BENCH_SERVICE_ID\"],\"scheduled_at\":\"$(date -u -d 'tomorrow 12:00' +%Y-%m-%dT%H:%M:%SZ)\",\"booking_type\":\"mobile\",\"customer_location\":{\"lat\":$lat,\"lng\":10.5}}"
    else
      teams="$teams$vehicle,$lat,10.5;"
    fi
  done
  rm -f "$BENCH_OUT/bookings_distinct.offset"
  BENCH_METHOD=POST BENCH_BODY=$BENCH_BODY BENCH_TEAMS=$teams BENCH_BOOKING_MODE=distinct \
    BENCH_DAY0=$(date -u -d 'tomorrow 00:00' +%s) BENCH_THREADS=$BENCH_THREADS \
    BENCH_OFFSET_FILE="$BENCH_OUT/bookings_distinct.offset" BENCH_WRK_SCRIPT="$BENCH_DIR/wrk/bookings.lua" \
    run_wrk bookings_distinct "$BENCH_URL/api/v1/bookings"
}

scenario_bookings_hot() {
  local token vehicle at body
  token=$(bench_login)
  export BENCH_AUTHORIZATION="Bearer $token"
  bookings_setup
  bench_api POST /api/v1/facilities/wash-bays "{\"bay_number\":\"Bench hot $(random_hex 3)\",\"max_vehicle_size\":\"oversized\"}" >/dev/null
  vehicle=$(bench_vehicle oversized)
  at=$(date -u -d '+5 days 10:00' +%Y-%m-%dT%H:%M:%SZ)
  body="{\"customer_id\":\"$BENCH_CUSTOMER_ID\",\"vehicle_id\":\"$vehicle\",\"service_ids\":[\"$BENCH_SERVICE_ID\"],\"scheduled_at\":\"$at\",\"booking_type\":\"stationary\"}"
  BENCH_METHOD=POST BENCH_BODY=$body BENCH_HOT_BODY=$body BENCH_BOOKING_MODE=hot \
    BENCH_WRK_SCRIPT="$BENCH_DIR/wrk/bookings.lua" run_wrk bookings_hot "$BENCH_URL/api/v1/bookings"
}
