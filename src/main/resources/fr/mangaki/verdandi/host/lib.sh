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
