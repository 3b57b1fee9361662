#!/usr/bin/env bash
# Obtains a Let's Encrypt certificate for the pre-production server and switches nginx to it.
#
#   scripts/setup-letsencrypt.sh DOMAIN EMAIL [1]     (third argument 1: Let's Encrypt staging, for trials)
#
# Prerequisites: DOMAIN resolves to this server, ports 80 and 443 are reachable from the Internet, and the env
# file (.env.preprod.local) is filled in. The stack is started with docker-compose.preprod-letsencrypt.yml
# (nginx serves the HTTP-01 challenge from certbot/www), certbot writes certbot/conf, the certificate is copied
# to nginx/ssl/ and nginx is reloaded. The certbot service then renews it twice a day when it is due, and nginx
# reloads itself after a renewal. Set COMPOSE_FILE_PREPROD=docker-compose.preprod-letsencrypt.yml in the env file
# so that scripts/deploy-preprod.sh keeps using this variant.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { die "usage: scripts/setup-letsencrypt.sh DOMAIN EMAIL [1 for Let's Encrypt staging]"; }
[[ $# -ge 2 && $# -le 3 ]] || usage
domain="$1" email="$2" staging="${3:-0}"
[[ "$domain" =~ ^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$ ]] \
  || die "'$domain' is not a domain name"
[[ "$email" =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]] || die "'$email' is not an e-mail address"
[[ "$staging" == 0 || "$staging" == 1 ]] || usage

export COMPOSE_FILE_PREPROD=docker-compose.preprod-letsencrypt.yml
cd "$REPO_ROOT"

step "checking prerequisites"
command -v docker >/dev/null 2>&1 || die "docker is not installed"
docker info >/dev/null 2>&1 || die "the Docker daemon is not reachable"
detect_compose
ok "compose: ${COMPOSE_CMD[*]}"
load_env "$ENV_FILE"
if [[ -n "${DOMAIN:-}" && "$DOMAIN" != "$domain" ]]; then
  warn "DOMAIN=$DOMAIN in $ENV_FILE differs from $domain (FRONTEND_URL and CORS_ORIGINS should name $domain)"
fi
if command -v getent >/dev/null 2>&1 && ! getent hosts "$domain" >/dev/null; then
  warn "$domain does not resolve from this machine: Let's Encrypt will not be able to validate it"
fi

mkdir -p certbot/conf certbot/www nginx/ssl
if [[ ! -s nginx/ssl/fullchain.pem || ! -s nginx/ssl/privkey.pem ]]; then
  step "temporary self-signed certificate so that nginx can start"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$domain" \
    -keyout nginx/ssl/privkey.pem -out nginx/ssl/fullchain.pem 2>/dev/null || die "openssl failed"
  chmod 600 nginx/ssl/privkey.pem
fi

step "starting the stack (Let's Encrypt variant)"
compose up -d || die "the stack did not start: scripts/deploy-preprod.sh logs"
wait_healthy nginx 240 || die "nginx is not running: scripts/deploy-preprod.sh logs nginx"

step "requesting the certificate for $domain$([[ "$staging" == 1 ]] && echo " (Let's Encrypt STAGING: not trusted by browsers)")"
args=(certonly --webroot -w /var/www/certbot --cert-name blingauto -d "$domain" --email "$email"
      --agree-tos --no-eff-email --rsa-key-size 4096 --non-interactive)
[[ "$staging" == 1 ]] && args+=(--staging)
compose run --rm --no-deps --entrypoint certbot certbot "${args[@]}" \
  || die "certbot failed: check that http://$domain/.well-known/acme-challenge/ reaches this server (port 80)"

step "installing the certificate for nginx"
compose run --rm --no-deps --entrypoint sh certbot -c \
  'cp -L /etc/letsencrypt/live/blingauto/fullchain.pem /etc/letsencrypt/live/blingauto/privkey.pem /etc/nginx/ssl/' \
  || die "copying the certificate to nginx/ssl failed"
compose exec -T nginx nginx -s reload || die "nginx reload failed: scripts/deploy-preprod.sh logs nginx"
ok "nginx serves the Let's Encrypt certificate: $(openssl x509 -in nginx/ssl/fullchain.pem -noout -issuer -enddate | tr '\n' ' ')"

step "checking https://$domain/health"
curl_args=(-fsS --max-time 10)
[[ "$staging" == 1 ]] && curl_args+=(-k)
if curl "${curl_args[@]}" "https://$domain/health" >/dev/null; then
  ok "https://$domain/health answers"
else
  warn "https://$domain/health did not answer from this machine (DNS or firewall?)"
fi
cat <<END

  Certificate installed. Renewal is automatic (certbot service, twice a day).
  Keep this variant for the next deployments: COMPOSE_FILE_PREPROD=docker-compose.preprod-letsencrypt.yml
  in $ENV_FILE.
END
