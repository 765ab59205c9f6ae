# shellcheck shell=bash
# The path variables set here are read by the scripts that source this file.
# shellcheck disable=SC2034
# Backup helpers of the app host: sourced after lib.sh by env-backup, env-restore,
# backup-install and backup-watch, never run on its own (docs/backups.md).
#
# A dump is `pg_dump --format=custom` of the environment's database, checked, then
# encrypted with GnuPG to the public keys of the repository's secrets/recipients/ (no
# decryption key is ever on a droplet). Its name, also stored as the OpenPGP literal data
# file name inside the integrity-protected message, says whose it is:
#   NAME.YYYYmmddTHHMMSSZ.nightly.pgdump.gpg        nightly (timer)
#   NAME.RELEASE.before-migrate.pgdump.gpg          before a deploy's migrations

readonly BACKUP_SSH_USER=verdandi-dumps
readonly BEFORE_MIGRATE_KEEP=5

# Sets the backup paths of environment $1 (after verdandi_root and env_paths).
backup_paths() {
  DB_NAME=mangaki-$1
  DB_RESTORING=mangaki-$1-restoring
  DB_PREVIOUS=mangaki-$1-previous
  DUMP_DIR=$R/var/backups/verdandi/$1
  BEFORE_DIR=$DUMP_DIR/before-migrate
  BACKUP_CONF=$CONF_DIR/backup.conf
  RECIPIENTS_FILE=$CONF_DIR/backup-recipients.asc
  BACKUP_SSH_DIR=$CONF_DIR/backup-ssh
  LAST_SUCCESS=$DUMP_DIR/.last-success
  ENABLED_AT=$DUMP_DIR/.enabled-at
}

# Runs a PostgreSQL client as the postgres superuser (peer authentication on the socket).
as_postgres() { runuser -u postgres -- "$@"; }

# With a managed database (DATABASE_URL in runtime.env, docs/growth.md), the dumps and
# restores are of that database, as the environment's user of the cluster: sets MANAGED
# (true or false) and, when true, DB_NAME to the URL's database (after backup_paths).
database_target() {
  MANAGED=false
  shared_database || return 0
  MANAGED=true
  DB_NAME=$(as_managed printenv PGDATABASE) || fail "DATABASE_URL in $RUNTIME_ENV names no database"
}

# Runs a PostgreSQL client on the managed database, with libpq's PG* variables from
# runtime.env's DATABASE_URL: the URL is on no command line.
as_managed() (
  export_database_url
  exec "$@"
)

# Dumps the environment's database (pg_dump --format=custom) to standard output.
dump_database() {
  if [[ "$MANAGED" == true ]]; then
    as_managed pg_dump --format=custom
  else
    as_postgres pg_dump --format=custom --dbname="$DB_NAME"
  fi
}

# Whether the environment's database can be dumped: it exists (local), it answers (managed).
database_reachable() {
  if [[ "$MANAGED" == true ]]; then
    [[ "$(as_managed psql -X -q -A -t -c 'SELECT 1' 2>"$1")" == 1 ]]
  else
    database_exists "$DB_NAME"
  fi
}

# psql as postgres on database postgres; $1 is the SQL (variables in the remaining -v pairs).
pg_admin() {
  local sql=$1
  shift
  as_postgres psql -X -q -A -t -v ON_ERROR_STOP=1 "$@" -d postgres <<<"SET client_min_messages = warning;
$sql"
}

database_exists() {
  [[ -n "$(pg_admin "SELECT 1 FROM pg_database WHERE datname = :'db'" -v db="$1")" ]]
}

# Imports the recipients' public keys of $RECIPIENTS_FILE (or $2) into GnuPG home $1 and
# prints the fingerprints of those that can encrypt, one a line.
import_recipients() {
  local home=$1 file=${2:-$RECIPIENTS_FILE}
  [[ -s "$file" ]] || return 0
  gpg --batch --quiet --homedir "$home" --import "$file" 2>/dev/null || true
  gpg --batch --homedir "$home" --with-colons --list-keys 2>/dev/null |
    awk -F: '$1 == "pub" { usable = ($2 != "e" && $2 != "r" && $12 ~ /E/) } $1 == "fpr" && usable { print $10; usable = 0 }'
}

# A new GnuPG home (0700) in the caller's private temporary directory $1, which the
# caller's trap removes; stop_gnupg ends its agent first.
new_gnupg_home() {
  install -d -m 0700 "$1/gnupg"
  printf '%s' "$1/gnupg"
}

stop_gnupg() { [[ -z "${1:-}" || ! -d "$1" ]] || gpgconf --homedir "$1" --kill all 2>/dev/null || true; }

# Seconds since the epoch.
now_s() { date +%s; }

# A size in MiB with one decimal.
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
