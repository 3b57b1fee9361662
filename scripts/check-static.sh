#!/usr/bin/env bash
# Static checks of the operator kit, without a Docker engine (called by .ci/run):
#   - both compose files are valid (Debian's docker-compose: docker-compose config -q, with the .env.preprod template)
#   - shellcheck on every shell script of the repository
#   - nginx -t on the nginx/ configuration (Debian's nginx; see scripts/lib/local-nginx.sh for what is rewritten)
#   - every file the Dockerfile copies from the build context exists
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/packages.sh
source scripts/lib/packages.sh
# shellcheck source=scripts/lib/local-nginx.sh
source scripts/lib/local-nginx.sh

ensure_commands docker-compose:docker-compose shellcheck:shellcheck nginx:nginx openssl:openssl
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok   $*"; }

echo "==> compose files (docker-compose $(docker-compose version --short 2>/dev/null))"
for file in docker-compose.preprod.yml docker-compose.preprod-letsencrypt.yml; do
  if docker-compose -f "$file" --env-file "$PWD/.env.preprod" -p blingauto-preprod config -q; then
    pass "$file"
  else
    fail "$file is not a valid compose file"
  fi
done

# docker-compose v1's "config" does not check references between sections (that happens at "up"): check them
# on its normalised output, plus the rules of the deployment (no database port published, health checks).
compose_references() {
  docker-compose -f "$1" --env-file "$PWD/.env.preprod" -p blingauto-preprod config | python3 -c '
import sys, yaml
c = yaml.safe_load(sys.stdin)
services, problems = c.get("services", {}), []
for name, s in services.items():
    for net in (s.get("networks") or {}):
        if net not in (c.get("networks") or {}):
            problems.append(f"{name}: undefined network {net}")
    for v in s.get("volumes") or []:
        source = v.get("source") if isinstance(v, dict) else str(v).split(":")[0]
        kind = v.get("type") if isinstance(v, dict) else ("bind" if source.startswith((".", "/")) else "volume")
        if kind == "volume" and source not in (c.get("volumes") or {}):
            problems.append(f"{name}: undefined volume {source}")
    for dep, cond in (s.get("depends_on") or {}).items():
        if dep not in services:
            problems.append(f"{name}: depends on unknown service {dep}")
        elif (cond or {}).get("condition") == "service_healthy" and "healthcheck" not in services[dep]:
            problems.append(f"{name}: waits for {dep} to be healthy, but {dep} has no healthcheck")
    if name in ("postgres", "redis", "api") and s.get("ports"):
        problems.append(f"{name}: publishes a port")
    if name in ("nginx", "api", "postgres", "redis") and "healthcheck" not in s:
        problems.append(f"{name}: no healthcheck")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)'
}
for file in docker-compose.preprod.yml docker-compose.preprod-letsencrypt.yml; do
  if compose_references "$file"; then
    pass "$file: networks, volumes, depends_on, health checks, no database or Redis port published"
  else
    fail "$file: inconsistent references"
  fi
done

if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  echo "==> compose files (docker compose $(docker compose version --short 2>/dev/null))"
  for file in docker-compose.preprod.yml docker-compose.preprod-letsencrypt.yml; do
    if docker compose -f "$file" --env-file "$PWD/.env.preprod" -p blingauto-preprod config -q; then
      pass "$file (compose v2)"
    else
      fail "$file is not a valid compose file for compose v2"
    fi
  done
fi

echo "==> shellcheck $(shellcheck --version | sed -n 's/^version: //p')"
mapfile -t scripts < <(
  { git ls-files --cached --others --exclude-standard '*.sh' 2>/dev/null || find . -name '*.sh' -not -path './target/*'
    echo bin/blingauto; echo .ci/run; } | sort -u)
if shellcheck -x "${scripts[@]}"; then
  pass "${#scripts[@]} scripts: ${scripts[*]}"
else
  fail "shellcheck"
fi

echo "==> nginx -t ($("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'))"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if nginx_local_render nginx "$work" 8000 8080 8443 && nginx_local_self_signed "$work"; then
  mapfile -t args < <(nginx_local_args "$work")
  if "$nginx_bin" -t -q "${args[@]}"; then
    pass "nginx/nginx.conf with conf.d/ and snippets/"
  else
    fail "nginx -t"
  fi
else
  fail "nginx configuration could not be prepared"
fi

echo "==> Dockerfile"
while read -r source; do
  [[ -e "$source" ]] || fail "Dockerfile copies $source, which does not exist"
done < <(sed -n 's/^COPY \([^-][^ ]*\( [^ ]*\)*\) [^ ]*$/\1/p' Dockerfile | tr ' ' '\n')
grep -q '^USER ' Dockerfile || fail "the Dockerfile does not switch to a non-root USER"
grep -q '^HEALTHCHECK ' Dockerfile || fail "the Dockerfile has no HEALTHCHECK"
(( failures )) || pass "build-context files exist, USER and HEALTHCHECK set"

if (( failures )); then
  echo "static checks: $failures failure(s)" >&2
  exit 1
fi
echo "static checks passed"
