# shellcheck shell=bash
# The scheduler lock of process-start, sourced by it, never run on its own (docs/growth.md):
# a scheduler (lib.sh's runs_once: Celery beat...) on a database shared by several droplets
# (DATABASE_URL in runtime.env) runs on one droplet at a time. process-start takes the
# session advisory lock of "verdandi-scheduler:NAME:PROCESS" in that database with psql
# (waiting while another droplet holds it), runs the command as its child while holding it,
# passes systemd's TERM on to it, and checks the session every few seconds. When the
# session is lost, the command is stopped (another droplet may take the lock over) and the
# lock is waited for again. A host file of grown platforms (HostFiles.growthFiles).
#
# Reads ENV_NAME (lib.sh's env_paths), PROCESS and COMMAND.

# Seconds between two checks of the lock's session, and the longest wait for an answer.
readonly CHECK_SECONDS=5
# Seconds between two attempts to reach the database.
readonly RETRY_SECONDS=5
# Seconds a lock taken after waiting is held before the command starts: a holder whose
# session the server ended (a restart, pg_terminate_backend) sees it at its next check
# and stops its command meanwhile.
readonly FENCE_SECONDS=15
# The server ends a session it has not heard from for 10 + 5 x 3 = 25 s (TCP keepalives),
# releasing the lock; a holder cut off from it has stopped its command within
# 2 x CHECK_SECONDS = 10 s. libpq's own keepalives end a waiting psql cut off alike.
readonly SESSION_SQL="SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3;"
readonly CLIENT_KEEPALIVES="keepalives=1 keepalives_idle=10 keepalives_interval=5 keepalives_count=3"

# The advisory lock key of process $2 of environment $1: the first 60 bits of the SHA-256
# of "verdandi-scheduler:NAME:PROCESS", a positive bigint (as lib.sh's rollout_lock_key).
scheduler_lock_key() {
  local hex
  hex=$(printf 'verdandi-scheduler:%s:%s' "$1" "$2" | sha256sum | cut -c1-15)
  printf '%d\n' "$((16#$hex))"
}

# Starts the psql session that will hold the lock (a coprocess waiting on its standard
# input), named after this droplet and process in pg_stat_activity. The URL is on no
# command line: libpq's PG* variables come from runtime.env inside the coprocess only.
open_session() {
  local app
  app="verdandi-scheduler $ENV_NAME/$PROCESS on $(rollout_host)"
  coproc LOCK {
    export_database_url
    PGAPPNAME=${app:0:63} exec psql -X -q -A -t -v ON_ERROR_STOP=1 "$CLIENT_KEEPALIVES" 2>&1
  }
  LOCK_IN=${LOCK[1]:-} LOCK_OUT=${LOCK[0]:-} LOCK_PSQL=${LOCK_PID:-}
}

# Ends the session (the lock goes with it).
close_session() {
  if [[ -n "${LOCK_PSQL:-}" ]]; then
    kill "$LOCK_PSQL" 2>/dev/null || true
    wait "$LOCK_PSQL" 2>/dev/null || true
  fi
  LOCK_PSQL='' LOCK_IN='' LOCK_OUT=''
}

# Sends SQL $1 to the session; fails when it has ended.
send() {
  [[ -n "$LOCK_IN" ]] && { printf '%s\n' "$1" >&"$LOCK_IN"; } 2>/dev/null
}

# Reads the session's lines until one starting with verdandi- (into ANSWER), within $1
# seconds (no limit when 0); fails when the session ends or is silent that long. psql's
# other lines (errors) are logged. (Not in a subshell: bash keeps a coprocess's
# descriptors out of subshells.)
answer() {
  local line
  ANSWER=''
  [[ -n "$LOCK_OUT" ]] || return 1
  while :; do
    if (($1 > 0)); then
      { IFS= read -r -t "$1" line <&"$LOCK_OUT"; } 2>/dev/null || return 1
    else
      { IFS= read -r line <&"$LOCK_OUT"; } 2>/dev/null || return 1
    fi
    case $line in
      verdandi-*) ANSWER=$line; return 0 ;;
      '') ;;
      *) info "psql: $line" ;;
    esac
  done
}

# Takes the lock in a new session, waiting while another session holds it. Fails when the
# database cannot be reached or the session ends meanwhile (the caller retries).
take_lock() {
  local holder
  WAITED=false
  open_session
  send "$SESSION_SQL
SELECT CASE WHEN pg_try_advisory_lock($KEY) THEN 'verdandi-locked' ELSE 'verdandi-busy' END;" || return 1
  answer 60 || return 1
  if [[ "$ANSWER" == verdandi-busy ]]; then
    send "SELECT 'verdandi-holder:' || coalesce(string_agg(a.application_name, ', '), '')
  FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
    AND ((l.classid::bigint << 32) | l.objid::bigint) = $KEY;" || return 1
    answer 60 || return 1
    holder=${ANSWER#verdandi-holder:}
    info "waiting for the scheduler lock held by another droplet${holder:+ ($holder)}: process $PROCESS runs there"
    WAITED=true
    send "SELECT pg_advisory_lock($KEY);
\\echo verdandi-locked" || return 1
    answer 0 || return 1
  fi
  [[ "$ANSWER" == verdandi-locked ]]
}

# Whether the session still answers (and so still holds the lock).
session_alive() {
  send "SELECT 'verdandi-alive';" || return 1
  answer "$CHECK_SECONDS" || return 1
  [[ "$ANSWER" == verdandi-alive ]]
}

# Passes a signal from systemd (TERM at a stop) on to the command; before it runs, ends.
on_signal() {
  STOPPING=$1
  if [[ -n "${CHILD:-}" ]]; then
    kill -s "$1" "$CHILD" 2>/dev/null || true
  else
    close_session
    exit 0
  fi
}

# Ends like the command did: its status, or the signal (TERM, INT, HUP) that ended it, so
# that systemd sees the same end as when the command is the main process.
end_like() {
  local status=$1
  close_session
  trap - TERM INT HUP EXIT
  case $status in
    143) kill -s TERM "$$" ;;
    130) kill -s INT "$$" ;;
    129) kill -s HUP "$$" ;;
  esac
  exit "$status"
}

# Sends the command TERM and waits until it has ended (a signal passed on meanwhile
# interrupts the wait, not the command's end); its status in STATUS.
stop_child() {
  kill -TERM "$CHILD" 2>/dev/null || true
  while :; do
    STATUS=0
    wait "$CHILD" || STATUS=$?
    kill -0 "$CHILD" 2>/dev/null || break
  done
  CHILD=''
}

# Runs the command while holding the lock, checking the session every CHECK_SECONDS.
# Returns when the session is lost (the command stopped); exits when the command does.
run_holding() {
  local status which sleeper
  info "took the scheduler lock: starting process $PROCESS of $ENV_NAME: $COMMAND"
  bash -c "$COMMAND" &
  CHILD=$!
  while :; do
    sleep "$CHECK_SECONDS" &
    sleeper=$!
    status=0
    which=''
    wait -n -p which "$CHILD" "$sleeper" || status=$?
    # (wait unsets `which` when a signal interrupts it)
    if [[ "${which:-}" == "$CHILD" ]]; then
      kill "$sleeper" 2>/dev/null || true
      info "process $PROCESS ended (status $status): the scheduler lock is released"
      end_like "$status"
    fi
    if [[ -z "${which:-}" ]]; then
      # a signal came (passed on): the command's end is awaited
      kill "$sleeper" 2>/dev/null || true
      continue
    fi
    [[ -z "${STOPPING:-}" ]] || continue
    if ! session_alive; then
      # a stop that came meanwhile: the command's end is awaited
      [[ -z "${STOPPING:-}" ]] || continue
      info "lost the scheduler lock's database session: stopping process $PROCESS (another droplet may take it over), then waiting for the lock again"
      stop_child
      close_session
      [[ -z "${STOPPING:-}" ]] || end_like "$STATUS"
      return 0
    fi
  done
}

# After a lock taken by waiting, lets FENCE_SECONDS pass before the command starts.
fence() {
  [[ "$WAITED" == true ]] || return 0
  info "took the scheduler lock after waiting: process $PROCESS starts in ${FENCE_SECONDS}s (the time a previous holder that lost its session takes to stop it)"
  sleep "$FENCE_SECONDS" &
  wait $! || true
}

# A scheduler on a shared database: one droplet at a time. Never returns: exits as the
# command did, or at systemd's TERM while it waits.
run_once_on_shared_database() {
  local failing=false
  KEY=$(scheduler_lock_key "$ENV_NAME" "$PROCESS")
  CHILD='' STOPPING=''
  trap 'on_signal TERM' TERM
  trap 'on_signal INT' INT
  trap 'on_signal HUP' HUP
  trap 'close_session' EXIT
  while :; do
    if take_lock && fence && session_alive; then
      failing=false
      run_holding
    else
      close_session
      if [[ "$failing" == false ]]; then
        info "cannot reach the shared database for the scheduler lock of $PROCESS: trying again every ${RETRY_SECONDS}s"
        failing=true
      fi
    fi
    sleep "$RETRY_SECONDS" &
    wait $! || true
  done
}

