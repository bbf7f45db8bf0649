#!/usr/bin/env bash
# PostgreSQL for the run store's tests (tests/Flows.Store.Tests): Debian's postgresql, a cluster of its own ("flows", port
# 5433) listening on 127.0.0.1 only, a `flows` role with a generated password and a `flows_test` database. Idempotent: a
# second run starts the cluster if it is down and changes nothing else.
# Prints the connection string's non-secret parts; the whole string (with the password) is written, readable by root only, to
# $FLOWS_POSTGRES_CONNECTION_FILE (default /var/lib/flows-postgres/flows_test.connection), where .ci/run reads it.
set -euo pipefail

port=${FLOWS_POSTGRES_PORT:-5433}
cluster=flows
connection_file=${FLOWS_POSTGRES_CONNECTION_FILE:-/var/lib/flows-postgres/flows_test.connection}

if ! command -v pg_createcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "setup-postgres: installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)

if ! pg_lsclusters -h | awk '{print $1 "/" $2}' | grep -qx "$version/$cluster"; then
  pg_createcluster --port "$port" "$version" "$cluster" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi
conf=/etc/postgresql/$version/$cluster/postgresql.conf
sed -i -E "s/^#?listen_addresses\s*=.*/listen_addresses = '127.0.0.1'/" "$conf"
sed -i -E "s/^#?port\s*=.*/port = $port/" "$conf"
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {print $4}' | grep -qx online; then
  pg_ctlcluster "$version" "$cluster" start
fi

mkdir -p "$(dirname "$connection_file")"
chmod 700 "$(dirname "$connection_file")"
password_file=$(dirname "$connection_file")/flows.password
if [ ! -s "$password_file" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$password_file")
fi
password=$(cat "$password_file")

psql_as_postgres() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }
# The password goes to psql on standard input, never on a command line.
psql_as_postgres -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'flows') THEN CREATE ROLE flows LOGIN; END IF;
END \$\$;
ALTER ROLE flows PASSWORD '$password';
SQL
if [ "$(psql_as_postgres -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'flows_test'")" != "1" ]; then
  psql_as_postgres -d postgres -c "CREATE DATABASE flows_test OWNER flows"
fi

(umask 077; printf 'Host=127.0.0.1;Port=%s;Database=flows_test;Username=flows;Password=%s\n' "$port" "$password" > "$connection_file")
echo "setup-postgres: PostgreSQL $version cluster '$cluster' on 127.0.0.1:$port, database flows_test, user flows (password in $connection_file)"
