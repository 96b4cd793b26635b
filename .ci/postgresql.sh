#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster and creates a fresh CI role and database.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
# earlier runs on this machine may have left databases owned by the CI role: drop them all
for db in $(su postgres -c "psql -tAc \"SELECT datname FROM pg_database d JOIN pg_roles r ON d.datdba = r.oid WHERE r.rolname = 'fine_ci'\""); do
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)'"
done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DROP DATABASE IF EXISTS fine_ci WITH (FORCE);
DROP ROLE IF EXISTS fine_ci;
CREATE ROLE fine_ci LOGIN PASSWORD 'fine_ci';
CREATE DATABASE fine_ci OWNER fine_ci ENCODING 'UTF8' TEMPLATE template0;
SQL
echo "PostgreSQL $version ready: database fine_ci"
