# shellcheck shell=bash
# Sourced by CI and scripts: make JAVA_HOME point at a JDK >= 21 (the build targets Java 21), preferring the
# one already on the PATH, else the newest under /usr/lib/jvm.
jdk_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

pick_jdk() {
  local java major best="" best_major=0 dir
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    major="$(jdk_major "$JAVA_HOME/bin/java")"
    if (( major >= 21 )); then return 0; fi
  fi
  java="$(command -v javac || true)"
  if [[ -n "$java" ]]; then
    java="$(readlink -f "$java")"
    major="$(jdk_major "${java%/javac}/java")"
    if (( major >= 21 )); then
      export JAVA_HOME="${java%/bin/javac}"
      return 0
    fi
  fi
  for dir in /usr/lib/jvm/*; do
    [[ -x "$dir/bin/javac" ]] || continue
    major="$(jdk_major "$dir/bin/java")"
    if (( major >= 21 && major > best_major )); then
      best="$dir"
      best_major="$major"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "no JDK >= 21 found (install one, or set JAVA_HOME)" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
