# shellcheck shell=bash
# POST /api/v1/auth/login with the bench admin: bcrypt at the configured cost (BCRYPT_ROUNDS, default 12)
# dominates, so few connections suffice; the per-account login throttle is lifted for the bench.
register_scenario login
scenario_login() {
  BENCH_METHOD=POST \
    BENCH_BODY=$(printf '{"email":"%s","password":"%s"}' "$BENCH_ADMIN_EMAIL" "$BENCH_ADMIN_PASSWORD") \
    BENCH_CONNECTIONS=${BENCH_LOGIN_CONNECTIONS:-4} \
    run_wrk login "$BENCH_URL/api/v1/auth/login"
}
