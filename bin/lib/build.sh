# shellcheck shell=bash
# Sourced by bin/verdandi and hooks/pre-commit: builds target/verdandi.jar (with target/lib/)
# when it is missing or older than pom.xml or a file under src/main (needs Java 17+ and Maven).

# verdandi_stale ROOT: true when the jar must be (re)built.
verdandi_stale() {
  local root=$1 jar="$1/target/verdandi.jar"
  [[ ! -f "$jar" || ! -d "$root/target/lib" ]] && return 0
  [[ -n "$(find "$root/pom.xml" "$root/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]]
}

# verdandi_build ROOT: builds when stale; on failure prints the build log's tail and returns 1.
verdandi_build() {
  local root=$1 log="$1/target.build.log"
  verdandi_stale "$root" || return 0
  echo "verdandi: building target/verdandi.jar (sources changed or jar missing)..." >&2
  if ! (cd "$root" && mvn -q -B -ntp -DskipTests package >"$log" 2>&1); then
    echo "verdandi: build failed; see $log" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  rm -f "$log"
}
