# shellcheck shell=bash
# GET /health: the operational health check, one trivial database query per request.
register_scenario health
scenario_health() { run_wrk health "$BENCH_URL/health"; }
