# shellcheck shell=bash
# Sourced by bin/verdandi and hooks/pre-commit: builds target/verdandi.jar (with target/lib/)
# when it is missing or older than pom.xml or anything under src/main (needs Java 17+ and
# Maven). The staleness check uses only bash builtins: the pre-commit hook runs it on every
# commit.

# verdandi_stale ROOT: true when the jar must be (re)built.
verdandi_stale() {
  local root=$1 jar="$1/target/verdandi.jar" f stale=1 globstar=-u nullglob=-u
  [[ ! -f "$jar" || ! -d "$root/target/lib" ]] && return 0
  shopt -q globstar && globstar=-s
  shopt -q nullglob && nullglob=-s
  shopt -s globstar nullglob
  for f in "$root/pom.xml" "$root/src/main" "$root"/src/main/**; do
    if [[ "$f" -nt "$jar" ]]; then
      stale=0
      break
    fi
  done
  shopt "$globstar" globstar
  shopt "$nullglob" nullglob
  return "$stale"
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
