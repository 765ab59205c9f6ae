# shellcheck shell=bash
# The path variables set here are read by the scripts that source this file.
# shellcheck disable=SC2034
# Verdandi host library: sourced by the host scripts beside it, never run on its own.
#
# Every path hangs off VERDANDI_ROOT (default /), so that tests run the very same scripts
# under a temporary directory. Other seams, each standing for one outside program:
#   VERDANDI_SYSTEMCTL  the systemctl to call (default: systemctl, through `sudo -n` when
#                       not root; tests point it at a stand-in that runs ExecStart lines)
#
# VERDANDI_TRACE=1 makes the scripts trace their commands (`set -x`). The functions below
# that handle an environment file's values (the application's secrets, the Slack webhook)
# turn tracing off while they run, so that a trace never shows them.

readonly VERDANDI_PYTHON=/usr/bin/python3
# The directory of the host scripts (this file's).
VERDANDI_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly VERDANDI_LIB

verdandi_root() {
  local root=${VERDANDI_ROOT:-/}
  [[ "$root" == /* ]] || {
    printf '%s: error: VERDANDI_ROOT must be an absolute path, got %s\n' "${0##*/}" "$root" >&2
    exit 1
  }
  R=${root%/}
  UNIT_DIR=$R/etc/systemd/system
}

info() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }

fail() {
  printf '%s: error: %s\n' "${0##*/}" "$*" >&2
  exit 1
}

# Environment names become user names (mangaki-NAME), unit instances and directories.
valid_env_name() { [[ "$1" =~ ^[a-z][a-z0-9-]{0,22}$ && "$1" != *- ]]; }

# Sets the paths of environment $1 (after verdandi_root).
env_paths() {
  ENV_NAME=$1
  ENV_USER=mangaki-$1
  CONF_DIR=$R/etc/verdandi/$1
  SRV_DIR=$R/srv/mangaki/$1
  STATE_DIR=$R/var/lib/verdandi/$1
  RUN_DIR=$R/run/mangaki/$1
  PID_FILE=$RUN_DIR/gunicorn.pid
  SOCKET=$RUN_DIR/gunicorn.sock
  READY_DIR=$RUN_DIR/ready
  # written by env-install, mode 0600: the Redis URL and the settings files' variables
  RUNTIME_ENV=$CONF_DIR/runtime.env
  PROCESS_UNIT_PREFIX=mangaki-$1
}

# Names of processes: Procfile names systemd accepts as unit instances.
valid_process_name() { [[ "$1" =~ ^[a-z][a-z0-9_-]{0,29}$ ]]; }

# True when command $1 runs a Celery worker or beat: it says READY=1 once ready (process-start).
ready_signal() {
  [[ " $1 " =~ [[:space:]]celery[[:space:]](.*[[:space:]])?(worker|beat)[[:space:]] ]]
}

# Exports what every process of the environment runs with: its env file, then the
# variables env-install adds (Redis URL, settings files' paths), then its virtualenv.
# $1: the release directory.
export_app_environment() {
  [[ ! -r "$CONF_DIR/app.env" ]] || export_env_file "$CONF_DIR/app.env"
  [[ ! -r "$RUNTIME_ENV" ]] || export_env_file "$RUNTIME_ENV"
  export VIRTUAL_ENV=$1/.venv
  export PATH=$VIRTUAL_ENV/bin:$PATH
}


# Prints the KEY=VALUE pairs of an env file as KEY\0VALUE\0: blank lines and # comments
# are skipped, an optional `export ` prefix and one pair of matching quotes around the
# value are removed. No line is ever evaluated by the shell. Never traced.
env_pairs() (
  set +x
  local line key value
  while IFS= read -r line || [[ -n "$line" ]]; do
    line=${line%$'\r'}
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    line=${line#export }
    [[ "$line" =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key=${BASH_REMATCH[1]}
    value=${BASH_REMATCH[2]}
    if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then
      value=${BASH_REMATCH[1]}
    fi
    printf '%s\0%s\0' "$key" "$value"
  done <"$1"
)

# Exports every pair of an env file into the environment, without tracing them.
export_env_file() {
  local key value tracing=${-//[^x]/}
  set +x
  while IFS= read -r -d '' key && IFS= read -r -d '' value; do
    export "$key=$value"
  done < <(env_pairs "$1")
  if [[ -n "$tracing" ]]; then set -x; fi
}

# Prints the value of key $2 in env file $1 (empty when absent or unreadable). Never
# traced; a caller that keeps a secret value turns tracing off itself.
env_file_value() (
  set +x
  local key value found=
  [[ -r "$1" ]] || return 0
  while IFS= read -r -d '' key && IFS= read -r -d '' value; do
    if [[ "$key" == "$2" ]]; then found=$value; fi
  done < <(env_pairs "$1")
  printf '%s' "$found"
)

# The directory holding manage.py: the release root or one directory below it.
app_subdir() {
  local release=$1 found=()
  if [[ -f "$release/manage.py" ]]; then
    printf '.'
    return
  fi
  shopt -s nullglob
  found=("$release"/*/manage.py)
  shopt -u nullglob
  ((${#found[@]} == 1)) || fail "no single manage.py in $release or one directory below it"
  local dir=${found[0]%/manage.py}
  printf '%s' "${dir##*/}"
}

# The settings module named by manage.py in directory $1 (e.g. mangaki.settings).
settings_module() {
  local settings
  settings=$(grep -oE "DJANGO_SETTINGS_MODULE['\"], *['\"][A-Za-z0-9_.]+['\"]" "$1/manage.py" | head -n 1 |
    grep -oE "[A-Za-z0-9_.]+['\"]$" | tr -d "'\"") || true
  [[ "$settings" == *.settings ]] || fail "cannot read DJANGO_SETTINGS_MODULE from $1/manage.py"
  printf '%s' "$settings"
}

# Whether the Redis of the REDIS_URL (redis://USER:PASSWORD@HOST:PORT/DB) of env file $1
# answers PING within 3 s. The password goes over the socket only, never on a command
# line. Never traced.
redis_answers() (
  set +x
  local url rest auth host rport reply
  url=$(env_file_value "$1" REDIS_URL)
  [[ "$url" =~ ^redis://(([^:@/]*):([^@/]*)@)?([^:/]+)(:([0-9]+))?(/[0-9]*)?$ ]] || return 1
  auth=''
  [[ -z "${BASH_REMATCH[1]}" ]] || auth="AUTH ${BASH_REMATCH[2]:-default} ${BASH_REMATCH[3]}"$'\r\n'
  host=${BASH_REMATCH[4]} rport=${BASH_REMATCH[6]:-6379}
  rest=$(
    exec 3<>"/dev/tcp/$host/$rport" || exit 1
    printf '%sPING\r\n' "$auth" >&3
    while IFS= read -r -t 3 reply <&3; do
      case $reply in
        +PONG*) echo PONG; break ;;
        -*) echo "$reply"; break ;;
      esac
    done
  ) 2>/dev/null || return 1
  [[ "$rest" == PONG ]]
)

systemctl_run() {
  if [[ -n "${VERDANDI_SYSTEMCTL:-}" ]]; then
    "$VERDANDI_SYSTEMCTL" "$@"
  elif ((EUID == 0)); then
    systemctl "$@"
  else
    sudo -n systemctl "$@"
  fi
}

# Prints "uid:gid" of user $1 from the root's passwd file, nothing when absent.
account_ids() {
  awk -F: -v user="$1" '$1 == user { print $3 ":" $4; exit }' "$R/etc/passwd" 2>/dev/null || true
}

# Writes standard input to $1 atomically (temporary file beside it, then rename).
write_atomically() {
  local target=$1 tmp
  tmp=$(mktemp "${target%/*}/.${target##*/}.XXXXXX")
  cat >"$tmp"
  chmod "${2:-0644}" "$tmp"
  mv -f "$tmp" "$target"
}

# The master pid of gunicorn for the environment if it runs, nothing otherwise.
master_pid() {
  local pid
  pid=$(cat "$PID_FILE" 2>/dev/null || true)
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    printf '%s' "$pid"
  fi
}

# Posts a message to the environment's Slack incoming webhook (SLACK_WEBHOOK_URL in its
# env file). $1: the message; $2 (optional): a log file whose tail is attached. Values of
# the env file are masked in what is sent; the URL is never printed nor put on a command
# line. Never fails the caller: a report that cannot be sent is logged. Never traced (the
# URL is a secret); runs in a subshell, whose temporary directory its trap removes.
notify_slack() (
  set +x
  local message=$1 log=${2:-} env_file=$CONF_DIR/app.env url tmp payload code
  url=$(env_file_value "$env_file" SLACK_WEBHOOK_URL)
  if [[ -z "$url" ]]; then
    info "no SLACK_WEBHOOK_URL in the environment file: report kept in the journal only"
    return 0
  fi
  tmp=$(mktemp -d)
  trap 'rm -rf -- "$tmp"' EXIT
  payload=$tmp/payload.json
  if ! VERDANDI_MESSAGE=$message "$VERDANDI_PYTHON" - "$log" "$env_file" "$RUNTIME_ENV" >"$payload" <<'PY'
import json, os, re, sys
from urllib.parse import urlsplit

log = sys.argv[1]
secrets = []
for env_file in sys.argv[2:]:
    try:
        with open(env_file, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(r"\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=(.*)$", line.rstrip("\r\n"))
                if m:
                    v = m.group(1).strip()
                    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
                        v = v[1:-1]
                    if len(v) >= 6:
                        secrets.append(v)
                    try:
                        password = urlsplit(v).password
                    except ValueError:
                        password = None
                    if password and len(password) >= 6:
                        secrets.append(password)
    except OSError:
        pass

def mask(text):
    for s in sorted(secrets, key=len, reverse=True):
        text = text.replace(s, "[secret]")
    return text

def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

text = escape(mask(os.environ["VERDANDI_MESSAGE"]))
if log:
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            tail = "".join(f.readlines()[-25:]).rstrip()
    except OSError:
        tail = ""
    if tail:
        tail = escape(mask(tail))[-2500:].replace("```", "'''")
        text += "\n```\n" + tail + "\n```"
print(json.dumps({"text": text}))
PY
  then
    info "could not build the Slack report"
    return 0
  fi
  code=$(printf 'url = "%s"\n' "${url//\"/\\\"}" |
    curl --silent --show-error --max-time 10 --config - --output /dev/null \
      --write-out '%{http_code}' --header 'Content-Type: application/json' \
      --data-binary "@$payload" 2>/dev/null) || code=error
  if [[ "$code" == 2?? ]]; then
    info "reported to Slack"
  else
    info "the Slack webhook did not accept the report (status $code)"
  fi
)

# Runs a command as root: directly when root, otherwise through `sudo -n` (the sudo rules
# written by env-install and backup-install allow exactly what the deploy needs).
as_root() {
  if ((EUID == 0)); then
    "$@"
  else
    sudo -n "$@"
  fi
}

# ---- releases shared by an environment's droplets (docs/growth.md) --------------------
# Only when the environment's database is shared (env-install --managed-database wrote
# DATABASE_URL to runtime.env): the deploys of its droplets then take turns under a
# PostgreSQL advisory lock and record each release in the table verdandi_releases.

# Whether the environment's database is shared by its droplets (after env_paths). Never
# traced (a trace would show the URL).
shared_database() (
  set +x
  [[ -n "$(env_file_value "$RUNTIME_ENV" DATABASE_URL)" ]]
)

# True when process $1 (command $2) must never run twice at once, as a scheduler: the
# stack's `handover: stop`, else named beat, clock or scheduler, else `celery ... beat`.
runs_once() {
  local key mode
  if [[ -r "$CONF_DIR/handover" ]]; then
    while IFS=$'\t' read -r key mode; do
      if [[ "$key" == "$1" ]]; then [[ "$mode" == stop ]]; return; fi
    done <"$CONF_DIR/handover"
  fi
  case $1 in beat | clock | scheduler) return 0 ;; esac
  [[ " $2 " =~ [[:space:]]celery[[:space:]].*[[:space:]]beat[[:space:]] ]]
}

# The advisory lock key of environment $1's deploys: the first 60 bits of the SHA-256 of
# "verdandi-deploy:NAME", a positive bigint (pg_advisory_lock takes a bigint).
rollout_lock_key() {
  local hex
  hex=$(printf 'verdandi-deploy:%s' "$1" | sha256sum | cut -c1-15)
  printf '%d\n' "$((16#$hex))"
}

# This droplet's name in the table: the root's /etc/hostname, else hostname.
rollout_host() {
  local name=''
  [[ ! -r "$R/etc/hostname" ]] || name=$(head -n 1 "$R/etc/hostname")
  printf '%s\n' "${name:-$(hostname)}"
}

# Exports libpq's PG* variables from runtime.env's DATABASE_URL, so that psql connects
# without the URL on its command line. Never traced.
export_database_url() {
  local tracing=${-//[^x]/} key value
  set +x
  while IFS= read -r -d '' key && IFS= read -r -d '' value; do
    export "$key=$value"
  done < <(env_file_value "$RUNTIME_ENV" DATABASE_URL | "$VERDANDI_PYTHON" -c '
import sys
from urllib.parse import parse_qs, unquote, urlsplit
url = urlsplit(sys.stdin.read().strip())
# the host as written (hostname would lower its case): a name, [an IPv6 address] or a socket directory, %-encoded
host = url.netloc.rpartition("@")[2]
host = host[1:host.find("]")] if host.startswith("[") else host.partition(":")[0]
pairs = {"PGHOST": unquote(host), "PGPORT": str(url.port or ""), "PGUSER": unquote(url.username or ""),
         "PGPASSWORD": unquote(url.password or ""), "PGDATABASE": unquote(url.path.lstrip("/")),
         "PGSSLMODE": parse_qs(url.query).get("sslmode", [""])[-1], "PGCONNECT_TIMEOUT": "10"}
sys.stdout.write("".join(k + "\0" + v + "\0" for k, v in pairs.items() if v))
')
  if [[ -n "$tracing" ]]; then set -x; fi
}

# psql on the shared database, its arguments added (in a subshell: the PG* variables stay there).
rollout_psql() (
  export_database_url
  psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"
)

# The statements that create the table when it is missing, under a transaction lock (two
# droplets may create it at once). psql variable :lock is rollout_lock_key of "-table".
readonly ROLLOUT_TABLE_SQL="SET client_min_messages TO warning;
BEGIN;
SELECT pg_advisory_xact_lock(:lock);
CREATE TABLE IF NOT EXISTS verdandi_releases (
  id bigserial PRIMARY KEY,
  environment text NOT NULL,
  sha text NOT NULL,
  host text NOT NULL,
  state text NOT NULL CHECK (state IN ('deploying', 'live', 'failed', 'rolled back', 'forced')),
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
COMMIT;"

# Records state $1 (deploying, live, failed, rolled back, forced) of commit $2 on this droplet.
rollout_record() {
  printf '%s\n%s\n' "$ROLLOUT_TABLE_SQL" \
    "INSERT INTO verdandi_releases (environment, sha, host, state) VALUES (:'env', :'sha', :'host', :'state');" |
    rollout_psql -v lock="$(rollout_lock_key "$ENV_NAME-table")" -v env="$ENV_NAME" -v sha="$2" \
      -v host="$(rollout_host)" -v state="$1" >/dev/null
}

# Whether commit $1 is marked failed: its last row among failed and forced (deploy
# --force) is a failure. Status 2 when the database cannot be asked.
rollout_failed() {
  local answer
  answer=$(printf '%s\n%s\n' "$ROLLOUT_TABLE_SQL" \
    "SELECT state FROM verdandi_releases WHERE environment = :'env' AND sha = :'sha'
       AND state IN ('failed', 'forced') ORDER BY id DESC LIMIT 1;" |
    rollout_psql -v lock="$(rollout_lock_key "$ENV_NAME-table")" -v env="$ENV_NAME" -v sha="$1") || return 2
  [[ "$answer" == *failed* ]]
}

# Takes environment $ENV_NAME's deploy lock in a psql session held by a coprocess, which
# waits on its standard input: the lock lasts until rollout_unlock or until this process
# ends (the session closes). Waits at most $1 seconds (default 3600).
rollout_lock() {
  local line in out key
  key=$(rollout_lock_key "$ENV_NAME")
  coproc ROLLOUT_LOCK { export_database_url; exec psql -X -q -A -t -v ON_ERROR_STOP=1 2>&1; }
  # bash forgets the coprocess's descriptors once it has ended (psql could not connect)
  in=${ROLLOUT_LOCK[1]:-} out=${ROLLOUT_LOCK[0]:-}
  if [[ -n "$in" && -n "$out" ]] &&
    { printf 'SELECT pg_advisory_lock(%s);\n\\echo verdandi-locked\n' "$key" >&"$in"; } 2>/dev/null; then
    while IFS= read -r -t "${1:-3600}" line <&"$out"; do
      [[ "$line" != verdandi-locked ]] || return 0
      [[ -z "$line" ]] || info "psql: $line"
    done
  fi
  info "could not take the deploy lock of $ENV_NAME in the shared database"
  return 1
}

# Releases the lock: the session ends (\q), whatever else holds its input.
rollout_unlock() {
  local pid=${ROLLOUT_LOCK_PID:-} fd=${ROLLOUT_LOCK[1]:-}
  [[ -n "$pid" ]] || return 0
  if [[ -n "$fd" ]]; then
    { printf '\\q\n' >&"$fd"; } 2>/dev/null || true
    exec {fd}>&-
  fi
  wait "$pid" 2>/dev/null || true
}

# Once per poll of deploy-loop: on a shared database, when the live commit was marked
# failed (by another droplet), goes back to the previous release (deploy --roll-back).
rollout_poll() {
  local live rc=0
  shared_database || return 0
  live=$(cat "$STATE_DIR/deployed" 2>/dev/null || true)
  [[ -n "$live" && ! -f "$STATE_DIR/deploying" ]] || return 0
  rollout_failed "$live" || rc=$?
  case $rc in
    0) "$VERDANDI_LIB/deploy" "$ENV_NAME" --roll-back "$live" || info "the roll-back of ${live:0:7} failed" ;;
    2) info "cannot ask the shared database whether ${live:0:7} failed elsewhere" ;;
  esac
}
