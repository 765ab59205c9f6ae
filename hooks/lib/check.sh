# shellcheck shell=bash
# Sourced by the hooks in hooks/: runs Verdandi's secrets check (CheckMain) on the repository
# being committed to or pushed from, then the repository's own hook of the same name, if any
# (.git/hooks/NAME, e.g. the one `pre-commit install` writes), so that core.hooksPath and the
# pre-commit framework work together.
#
# Builds Verdandi first when its jar is missing or stale, and keeps a class data sharing
# archive (target/cds/) so that the JVM starts fast. VERDANDI_CLASSPATH, when set, is used
# as the class path instead of the checkout's build (no build, no archive). VERDANDI_TRACE=1
# traces the script (set -x).

readonly MAIN=fr.mangaki.verdandi.secrets.check.CheckMain

if [[ -n "${VERDANDI_TRACE:-}" ]]; then
  set -x
fi

info() { printf 'verdandi %s: %s\n' "${hook_name:-hook}" "$*" >&2; }
fail() { info "$*"; exit 2; }

# The JVM options of a short run: C1 only, serial GC, no perf data file, no CDS warnings.
java_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:disable)

# an archive being written (removed on exit unless completed), the saved standard input
cds_tmp=""
stdin_copy=""
trap 'rm -f ${cds_tmp:+"$cds_tmp"} ${stdin_copy:+"$stdin_copy"}' EXIT

# checkout_of SELF: sets verdandi_root to the Verdandi checkout that holds this hook (git may
# run it through a symbolic link), without starting a process: a hook runs on every commit
checkout_of() {
  local self=$1 here=$PWD
  if [[ -L "$self" ]]; then
    self=$(readlink -f -- "$self")
  fi
  [[ "$self" == */* ]] || self=./$self
  cd -P -- "${self%/*}/.." || return 1
  verdandi_root=$PWD
  cd -- "$here" || return 1
}

# run_check ROOT ARGS...: runs CheckMain from the jar (built if needed) with a CDS archive made
# at the first run after each build; returns its status.
run_check() {
  local root=$1
  shift
  if [[ -n "${VERDANDI_CLASSPATH:-}" ]]; then
    java "${java_opts[@]}" -cp "$VERDANDI_CLASSPATH" "$MAIN" "$@"
    return
  fi
  # shellcheck source=bin/lib/build.sh
  source "$root/bin/lib/build.sh"
  verdandi_build "$root" || fail "cannot build Verdandi in $root: nothing checked"
  local jar="$root/target/verdandi.jar" dir="$root/target/cds"
  local archive="$dir/pre-commit.jsa"
  if [[ -f "$archive" && "$archive" -nt "$jar" ]]; then
    java "${java_opts[@]}" -XX:SharedArchiveFile="$archive" -cp "$jar" "$MAIN" "$@"
    return
  fi
  if ! mkdir -p "$dir" 2>/dev/null || [[ ! -w "$dir" ]]; then
    java "${java_opts[@]}" -cp "$jar" "$MAIN" "$@"
    return
  fi
  cds_tmp="$dir/pre-commit.jsa.$$"
  local status=0
  java "${java_opts[@]}" -XX:ArchiveClassesAtExit="$cds_tmp" -cp "$jar" "$MAIN" "$@" || status=$?
  if [[ -s "$cds_tmp" ]]; then
    mv -f "$cds_tmp" "$archive"
  fi
  return "$status"
}

# git_common_dir: the repository's git directory shared by its worktrees, read from .git
# (a directory, or a file "gitdir: PATH" in worktrees and submodules) without running git
git_common_dir() {
  local dir=${GIT_DIR:-.git} line
  if [[ -f "$dir" ]]; then
    read -r line <"$dir"
    dir=${line#gitdir: }
  fi
  if [[ -f "$dir/commondir" ]]; then
    read -r line <"$dir/commondir"
    [[ "$line" == /* ]] && dir=$line || dir=$dir/$line
  fi
  printf '%s\n' "$dir"
}

# repository_hook NAME SELF: the repository's own hook NAME (in .git/hooks, which core.hooksPath
# hides), when it exists and is not this very hook; empty otherwise.
repository_hook() {
  local name=$1 self=$2 hook
  hook="$(git_common_dir)/hooks/$name"
  if [[ -x "$hook" && "$(readlink -f -- "$hook")" != "$(readlink -f -- "$self")" ]]; then
    printf '%s\n' "$hook"
  fi
}

# verdandi_hook NAME SELF [--stdin] ARGS...: the whole hook: checks with CheckMain ARGS (feeding it
# the hook's standard input with --stdin), then runs the repository's own hook NAME with the
# hook's arguments (HOOK_ARGS) and the same input. Exits with the first failure.
verdandi_hook() {
  hook_name=$1
  local self=$2 root command status=0 next
  shift 2
  local feed=false
  if [[ "${1:-}" == --stdin ]]; then
    feed=true
    shift
  fi
  checkout_of "$self" || fail "cannot find the Verdandi checkout of $self"
  root=$verdandi_root
  command -v java >/dev/null || fail "java (17+) is needed to check for secrets; install it or see $root/docs/secrets.md"
  # how the fixes name Verdandi: relative when working in the Verdandi checkout itself
  command="$root/bin/verdandi"
  if [[ "$PWD" == "$root" ]]; then
    command=bin/verdandi
  fi
  if [[ "$feed" == true ]]; then
    stdin_copy=$(mktemp)
    cat >"$stdin_copy"
    run_check "$root" "$@" --command "$command" <"$stdin_copy" || status=$?
  else
    run_check "$root" "$@" --command "$command" </dev/null || status=$?
  fi
  if ((status != 0)); then
    exit "$status"
  fi
  # run by the pre-commit framework (PRE_COMMIT=1): the framework runs the other hooks itself
  if [[ -n "${PRE_COMMIT:-}" ]]; then
    return 0
  fi
  next=$(repository_hook "$hook_name" "$self")
  if [[ -n "$next" ]]; then
    if [[ "$feed" == true ]]; then
      "$next" "${HOOK_ARGS[@]}" <"$stdin_copy" || exit $?
    else
      "$next" "${HOOK_ARGS[@]}" || exit $?
    fi
  fi
}
