# shellcheck shell=bash
# Sourced by scripts/check-static.sh and scripts/check-preprod-local.sh: runs the repository's nginx/
# configuration with Debian's nginx outside a container. Only the container-specific places are rewritten in a
# temporary copy: file locations (/etc/nginx/..., /var/log/nginx, /var/www/certbot, /usr/share/nginx/html),
# the listen ports (loopback ports instead of 80/443) and the upstream (127.0.0.1:<port> instead of api:8000).
# Everything else (TLS, limits, headers, locations) is the file as committed.

# nginx_local_render REPO_NGINX_DIR WORK_DIR API_PORT HTTP_PORT HTTPS_PORT
# Writes WORK_DIR/nginx/... and WORK_DIR/run/nginx.conf; certificates are expected in WORK_DIR/ssl.
nginx_local_render() {
  local src="$1" work="$2" api_port="$3" http_port="$4" https_port="$5" file
  mkdir -p "$work/ssl" "$work/logs" "$work/www" "$work/temp" "$work/run"
  rm -rf "$work/nginx"
  cp -r "$src" "$work/nginx"
  for file in "$work"/nginx/nginx.conf "$work"/nginx/conf.d/*.conf "$work"/nginx/snippets/*.conf; do
    sed -i \
      -e "s#/etc/nginx/conf.d/#$work/nginx/conf.d/#g" \
      -e "s#/etc/nginx/snippets/#$work/nginx/snippets/#g" \
      -e "s#/etc/nginx/ssl/#$work/ssl/#g" \
      -e "s#/var/log/nginx/#$work/logs/#g" \
      -e "s#/var/www/certbot#$work/www#g" \
      -e "s#/usr/share/nginx/html/blingauto#$work/nginx/html#g" \
      -e "s#^\(\s*\)server api:8000;#\1server 127.0.0.1:$api_port;#" \
      -e "s#^\(\s*\)listen 80 #\1listen 127.0.0.1:$http_port #" \
      -e "s#^\(\s*\)listen 443 #\1listen 127.0.0.1:$https_port #" \
      "$file"
  done
  # Temporary files under WORK_DIR rather than the distribution's /var/lib/nginx.
  sed -i "s#^http {#http {\n    client_body_temp_path $work/temp/body;\n    proxy_temp_path $work/temp/proxy;\n    fastcgi_temp_path $work/temp/fastcgi;\n    uwsgi_temp_path $work/temp/uwsgi;\n    scgi_temp_path $work/temp/scgi;#" \
    "$work/nginx/nginx.conf"
  # nginx's worker processes must read the pages and write the temporary files.
  chmod -R a+rX "$work"
  chmod a+rwx "$work/temp"
  if ! grep -q "server 127.0.0.1:$api_port;" "$work/nginx/conf.d/blingauto.conf" \
      || ! grep -q "listen 127.0.0.1:$https_port " "$work/nginx/conf.d/blingauto.conf"; then
    echo "nginx_local_render: the upstream or listen lines of nginx/conf.d/blingauto.conf were not found" >&2
    return 1
  fi
}

# nginx_local_self_signed WORK_DIR: a self-signed certificate for localhost standing in for Let's Encrypt.
nginx_local_self_signed() {
  local work="$1"
  mkdir -p "$work/ssl"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$work/ssl/privkey.pem" -out "$work/ssl/fullchain.pem" 2>/dev/null
}

# nginx_local_args WORK_DIR: the command-line arguments that run the rendered configuration.
nginx_local_args() {
  local work="$1" globals
  globals="pid $work/run/nginx.pid;"
  if [[ "$(id -u)" == 0 ]]; then
    globals+=" user root;"
  fi
  printf '%s\n' -p "$work/run" -e "$work/logs/startup_error.log" -c "$work/nginx/nginx.conf" -g "$globals"
}
