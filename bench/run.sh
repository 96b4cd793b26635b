#!/usr/bin/env bash
# The benchmark of docs/performance.md, each figure beside its peer in one run. It builds the EAR and
# the provisioned WildFly, starts a copy of that server of its own (fresh database and CA key store in
# a work folder), times two starts to the first 200 on the sign-in page (first start, then a restart),
# maps a bench-only static file (/fine-bench-static/) into WildFly, then runs the in-server part
# (ear/src/test/java/tw/fine/ra/it/bench/Benchmark.java) in that server through Arquillian: issuance
# against the raw signature rate and the crypto-only ceiling; OCSP under wrk (bench/ocsp.lua) against
# `openssl ocsp -multi` and the static file; sign-ins and Argon2id; RSS after mixed load; a CRL of
# 100,000 against `openssl ca -gencrl`. It prints one table (bench/Report.java) and writes it into
# docs/performance.md. Every process it starts is stopped by its id, also on failure or Ctrl-C.
#
#   --postgresql        run the server on PostgreSQL: a fresh database fine_bench on this machine's
#                       cluster (started if down, and then stopped at the end), built with -Ppostgresql
#   --mixed-minutes N   the period of mixed load before the RSS is read (default 2; issue 10 asks 10)
#   --wrk-seconds N     the length of each wrk measurement (default 10)
#   --only PARTS        only these parts of the in-server run, comma-separated, of
#                       issuance,ocsp,signin,mixed,crl (mixed uses the requests that ocsp writes)
#   --no-build          use what the last build left in ear/target
#   --no-doc            print the table, leave docs/performance.md as it is
#   --jfr               record the in-server part with Java Flight Recorder (profile settings) into
#                       <work>/server.jfr and print where the CPU went (bench/JfrTop.java); with
#                       --only, one part's profile (e.g. --only issuance --jfr)
#
# Environment: BENCH_PORT_OFFSET (default 900: HTTP 8980, HTTPS 9343, management 10890) shifts every
# port of the server, so a developer's server keeps its own; BENCH_OPENSSL_PORT (default 18000 + the
# offset) is openssl's responder; BENCH_WORK is the work folder (default a new one under /tmp; its
# logs and figures are kept, the server copy and the database removed); BENCH_MVN_ARGS goes to every Maven call (e.g. -o offline).
# Needs JDK 17, Maven, openssl, wrk and GNU time (Debian: apt-get install openssl wrk time).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

postgresql=false
mixed_minutes=2
wrk_seconds=10
build=true
doc=true
jfr=false
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgresql) postgresql=true ;;
    --mixed-minutes) mixed_minutes=$2; shift ;;
    --wrk-seconds) wrk_seconds=$2; shift ;;
    --only) only=$2; shift ;;
    --no-build) build=false ;;
    --no-doc) doc=false ;;
    --jfr) jfr=true ;;
    -h|--help) sed -n '2,29p' "$0" | cut -c3-; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

offset=${BENCH_PORT_OFFSET:-900}
http=$((8080 + offset))
https=$((8443 + offset))
management=$((9990 + offset))
openssl_port=${BENCH_OPENSSL_PORT:-$((18000 + offset))}
work=${BENCH_WORK:-$(mktemp -d /tmp/fine-bench.XXXXXX)}
mkdir -p "$work"
read -r -a mvn_args <<< "${BENCH_MVN_ARGS:-}"
profile=()
server_dir=ear/target/server
db=h2
if $postgresql; then
  profile=(-Ppostgresql)
  server_dir=ear/target/server-postgresql
  db=postgresql
fi
server="$work/server"
marker="$server/standalone/deployments/fine-ra.ear"
results="$work/results.tsv"
: > "$results"

fail() {
  echo "benchmark failed: $*" >&2
  exit 1
}

for tool in wrk openssl /usr/bin/time curl java mvn; do
  command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install wrk openssl time curl)"
done
for port in "$http" "$https" "$management" "$openssl_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is in use: set BENCH_PORT_OFFSET (now $offset) to a free range"
  fi
done

# --- every process started here, stopped by its id -------------------------------------------------
wildfly=""
stop_server() {
  if [[ -f "$work/wildfly.pid" ]]; then
    kill "$(cat "$work/wildfly.pid")" 2>/dev/null || true
  fi
  if [[ -n "$wildfly" ]]; then
    kill "$wildfly" 2>/dev/null || true
    wait "$wildfly" 2>/dev/null || true
  fi
  if [[ -f "$work/wildfly.pid" ]]; then
    local java_pid
    java_pid=$(cat "$work/wildfly.pid")
    for _ in $(seq 1 60); do kill -0 "$java_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$java_pid" 2>/dev/null || true
    rm -f "$work/wildfly.pid"
  fi
  wildfly=""
}
# wrk and openssl, started by the in-server part, which writes their ids to $work/pids first
stop_tools() {
  [[ -f "$work/pids" ]] || return 0
  while read -r pid; do
    local name
    name=$(ps -o comm= -p "$pid" 2>/dev/null || true)
    if [[ "$name" == wrk || "$name" == openssl || "$name" == time ]]; then
      pkill -TERM -P "$pid" 2>/dev/null || true
      kill "$pid" 2>/dev/null || true
    fi
  done < "$work/pids"
}
maven=""
pg_started=""
cleanup() {
  trap - EXIT INT TERM
  if [[ -n "$maven" ]]; then kill "$maven" 2>/dev/null || true; wait "$maven" 2>/dev/null || true; fi
  stop_tools
  stop_server
  # the cluster only if this run started it (its postmaster, by the pid in its data folder)
  if [[ -n "$pg_started" ]]; then pg_ctlcluster "$pg_started" main stop || true; fi
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "load_before	$(load)" >> "$results"
echo "== benchmark ($db) in $work; ports: HTTP $http, HTTPS $https, management $management, openssl $openssl_port"

# --- build ----------------------------------------------------------------------------------------
if $build; then
  echo "== building (log: $work/build.log)"
  mvn "${mvn_args[@]}" -B -q "${profile[@]}" -pl ejb,web,ear -am package -DskipTests > "$work/build.log" 2>&1 \
    || { grep -E '^\[ERROR\]' "$work/build.log" | head -n 20 >&2; fail "the build failed; see $work/build.log"; }
fi
[[ -f ear/target/fine-ra.ear && -d "$server_dir" ]] || fail "nothing built in ear/target: run without --no-build"

# --- database -------------------------------------------------------------------------------------
if $postgresql; then
  command -v pg_ctlcluster >/dev/null || fail "PostgreSQL is not installed (apt-get install postgresql)"
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
    pg_ctlcluster "$version" main start
    pg_started=$version
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  su postgres -c "psql -q -v ON_ERROR_STOP=1" > /dev/null <<'SQL'
SET client_min_messages = warning;
DROP DATABASE IF EXISTS fine_bench WITH (FORCE);
DROP ROLE IF EXISTS fine_bench;
CREATE ROLE fine_bench LOGIN PASSWORD 'fine_bench';
CREATE DATABASE fine_bench OWNER fine_bench ENCODING 'UTF8' TEMPLATE template0;
SQL
  export FINE_DB_URL=jdbc:postgresql://127.0.0.1:5432/fine_bench FINE_DB_USER=fine_bench FINE_DB_PASSWORD=fine_bench
  echo "postgresql	$(su postgres -c "psql -tAc 'show server_version'" | cut -d' ' -f1)" >> "$results"
else
  export FINE_DB_URL="jdbc:h2:file:$work/db/fine-ra;DB_CLOSE_ON_EXIT=FALSE"
fi

# --- the server: a copy of the provisioned one, with its own ports, data and key store ----------------
rm -rf "$server"
cp -r "$server_dir" "$server"
rm -rf "$server/standalone/"{log,data,tmp} "$server/standalone/deployments/"*
sed -i '/<deployments>/,/<\/deployments>/d' "$server/standalone/configuration/standalone.xml"
mkdir -p "$work/static"
export FINE_MODE=development FINE_CAPTCHA_TEST_HOOK=true FINE_SMTP_HOST=127.0.0.1 FINE_SMTP_PORT=$((3025 + offset))
export FINE_SITE_URL="https://localhost:$https/" FINE_RA_ORIGINS="https://localhost:$https,http://localhost:$http"
export FINE_CA_PUBLIC_URL="http://localhost:$http/pki" FINE_CA_KEYSTORE_PATH="$work/ca/ca.p12"
export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$work/wildfly.pid"
# the heap the integration tests give their server (WildFly's default is 512 MB)
export JBOSS_JAVA_SIZING="-Xms64m -Xmx1g"

# Starts the server with the EAR; sets startup to the seconds from the start to the first 200 on the sign-in page.
startup=""
start_server() {
  local name=$1 started
  rm -f "$marker".*
  cp ear/target/fine-ra.ear "$server/standalone/deployments/"
  started=$(date +%s.%N)
  "$server/bin/standalone.sh" -Djboss.socket.binding.port-offset="$offset" \
      -Dit.http.port="$http" -Dit.https.port="$https" -Dfine.bench.dir="$work" -Dfine.bench.scripts="$ROOT/bench" \
      -Dfine.bench.wrk-seconds="$wrk_seconds" -Dfine.bench.mixed-seconds=$((mixed_minutes * 60)) \
      -Dfine.bench.openssl-port="$openssl_port" -Dfine.bench.parts="$only" > "$work/$name-console.log" 2>&1 &
  wildfly=$!
  for _ in $(seq 1 1500); do
    if curl -ksf -o /dev/null "https://localhost:$https/login.xhtml"; then
      startup=$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { printf "%.1f", now - then }')
      return 0
    fi
    [[ -f "$marker.failed" ]] && fail "the deployment failed ($name); see $server/standalone/log/server.log"
    kill -0 "$wildfly" 2>/dev/null || fail "WildFly ended ($name); see $work/$name-console.log"
    sleep 0.2
  done
  fail "no 200 on the sign-in page within 5 minutes ($name)"
}

echo "== first start (empty database, the CA created)"
start_server first
first=$startup
echo "start.first	$first" >> "$results"
# the bench-only static file (same size as an OCSP response): a WildFly file handler, no application
"$server/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$management" --output-json > "$work/cli.log" 2>&1 <<CLI \
  || fail "the static-file handler could not be added; see $work/cli.log"
/subsystem=undertow/configuration=handler/file=fine-bench-static:add(path="$work/static")
/subsystem=undertow/server=default-server/host=default-host/location="/fine-bench-static":add(handler=fine-bench-static)
CLI
stop_server
echo "== restart (the same database and key store)"
if $jfr; then
  # the JDK's profile settings, with every wait recorded however short (locks, files, sockets)
  sed -E 's/(control="(locking|file|socket)-threshold">)[^<]*</\10 ms</' \
    "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$work/bench.jfc"
  # JBOSS_JAVA_SIZING is the one part of standalone.conf's JVM options a caller adds to
  export JBOSS_JAVA_SIZING="$JBOSS_JAVA_SIZING -XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename=$work/server.jfr,settings=$work/bench.jfc,dumponexit=true"
fi
start_server restart
restart=$startup
echo "start.restart	$restart" >> "$results"
sleep 5
java_pid=$(cat "$work/wildfly.pid")
echo "rss.idleMib	$(awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$java_pid/status")" >> "$results"
echo "   first start ${first} s, restart ${restart} s"

# Arquillian deploys the application with the in-server part as fine-ra.ear: the scanner's copy goes first
rm -f "$marker"
for _ in $(seq 1 120); do [[ -f "$marker.undeployed" ]] && break; sleep 0.5; done

echo "load_start	$(load)" >> "$results"
echo "== in-server part (about $((6 + mixed_minutes)) minutes; log: $work/benchmark-maven.log)"
mvn "${mvn_args[@]}" -B "${profile[@]}" -pl ejb,web,ear -am test-compile failsafe:integration-test \
    -Dit.test=Benchmark -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dit.port.offset="$offset" -Dit.management.port="$management" -Dit.http.port="$http" -Dit.https.port="$https" \
    -Darq.container.wildfly.configuration.allowConnectingToRunningServer=true \
    -Darq.container.wildfly.configuration.connectionTimeout=120000 \
    > "$work/benchmark-maven.log" 2>&1 &
maven=$!
wait "$maven" || true
maven=""
echo "load_after	$(load)" >> "$results"

# --- versions and the machine ---------------------------------------------------------------------
{
  echo "machine	$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(. /etc/os-release; echo "$PRETTY_NAME")"
  echo "nproc	$(nproc)"
  echo "jdk	$(java -version 2>&1 | head -1)"
  echo "wildfly	$(grep -o 'WFLYSRV0025: [^(]*' "$server/standalone/log/server.log" | head -1 | sed 's/WFLYSRV0025: //; s/ *$//')"
  echo "h2	$(find "$server/modules" -name 'h2-*.jar' -printf '%f\n' | head -1 | sed 's/\.jar$//')"
  echo "openssl	$(openssl version)"
  echo "wrk	$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2 || true)"
  echo "db	$db"
} >> "$results"
stop_tools
stop_server
# the logs stay; the server copy and the database (100,000 certificates) go
cp "$server/standalone/log/server.log" "$work/server.log" 2>/dev/null || true
rm -rf "$server" "$work/db"

grep -q '^part\.' "$results" || { tail -n 40 "$work/benchmark-maven.log" >&2; fail "the in-server part gave no figures"; }
report_args=("$results")
$doc && report_args+=(--doc docs/performance.md)
java bench/Report.java "${report_args[@]}"
if $jfr && [[ -f "$work/server.jfr" ]]; then
  echo "== where the CPU went in the in-server part (bench/JfrTop.java: --within METHOD for one operation)"
  java bench/JfrTop.java "$work/server.jfr" --threads 'EE-Managed.*|EJB default.*|default task.*' | tee "$work/jfr-top.txt"
fi
echo "(figures and logs: $work)"
if grep -q '^error\.' "$results"; then
  fail "some parts failed: $(grep '^error\.' "$results" | cut -f1 | tr '\n' ' ')(see $work/benchmark-maven.log)"
fi
