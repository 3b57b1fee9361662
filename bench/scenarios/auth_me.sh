# shellcheck shell=bash
# Authenticated GET /api/v1/auth/me: JWT validation and the user lookup behind every protected call.
register_scenario auth_me
scenario_auth_me() {
  local token
  token=$(login)
  BENCH_AUTHORIZATION="Bearer $token" run_wrk auth_me "$BENCH_URL/api/v1/auth/me"
}
