# shellcheck shell=bash
# Authenticated GET /api/v1/services: the catalogue read (first page of 20 of 24 active services), served
# from the catalogue cache after the first request; the JWT validation and user lookup of every request remain.
register_scenario services
scenario_services() {
  local token="" category i code
  # The initial admin is created by an ApplicationRunner, which may run after /live first answers.
  for i in $(seq 1 30); do
    token=$(login 2>/dev/null) && break
    sleep 1
  done
  [ -n "$token" ] || token=$(login)
  category=$(curl -sS --max-time 10 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary '{"name":"Bench washes","description":"created by bench/scenarios/services.sh"}' \
    "$BENCH_URL/api/v1/services/categories" | sed -n 's/.*"category_id"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
  [ -n "$category" ] || { log "could not create the bench category"; return 1; }
  for i in $(seq 1 24); do
    code=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' \
      --data-binary "{\"name\":\"Bench service $i\",\"description\":\"Wash number $i\",\"price\":\"$((10 + i)).50\",\"duration_minutes\":$((15 * (1 + i % 8))),\"display_order\":$i}" \
      "$BENCH_URL/api/v1/services/categories/$category/services")
    [ "$code" = 201 ] || { log "creating bench service $i answered $code"; return 1; }
  done
  BENCH_AUTHORIZATION="Bearer $token" run_wrk services "$BENCH_URL/api/v1/services"
}
