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
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DROP DATABASE IF EXISTS fine_ci;
DROP ROLE IF EXISTS fine_ci;
CREATE ROLE fine_ci LOGIN PASSWORD 'fine_ci';
CREATE DATABASE fine_ci OWNER fine_ci ENCODING 'UTF8' TEMPLATE template0;
SQL
echo "PostgreSQL $version ready: database fine_ci"
