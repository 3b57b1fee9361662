# shellcheck shell=bash
# ensure_commands COMMAND:DEBIAN_PACKAGE...: installs (apt-get, --no-install-recommends) the Debian packages of
# the missing commands. CI machines start clean with apt available; a developer machine usually has them.
ensure_commands() {
  local pair command package missing=()
  for pair in "$@"; do
    command="${pair%%:*}"
    package="${pair#*:}"
    if [[ "$command" == /* ]]; then
      compgen -G "$command" >/dev/null && continue
    elif command -v "$command" >/dev/null 2>&1 || [[ -x "/usr/sbin/$command" ]]; then
      continue
    fi
    [[ " ${missing[*]} " == *" $package "* ]] || missing+=("$package")
  done
  (( ${#missing[@]} )) || return 0
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "missing packages: ${missing[*]} (install them, or run as root)" >&2; return 1; }
    sudo=(sudo)
  fi
  echo "==> installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
