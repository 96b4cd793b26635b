#!/usr/bin/env bash
# Runs the product for development and demos: builds the EAR and the provisioned WildFly, starts
# a GreenMail mail sink, the server with demo data (H2 file database in ./data, kept between
# runs), the local card agent with a simulated card, and prints where to go. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA="$ROOT/data"
RUN_SERVER="$DATA/server"
mkdir -p "$DATA"

echo "== building (first run provisions WildFly from Maven Central; a few minutes)"
mvn -B -q -DskipTests package

pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "== stopping"
  if [[ -f "$DATA/wildfly.pid" ]]; then
    kill "$(cat "$DATA/wildfly.pid")" 2>/dev/null || true
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -f "$DATA/wildfly.pid"
}
trap stop INT TERM EXIT

echo "== mail sink (GreenMail): SMTP 127.0.0.1:3025, web/REST 127.0.0.1:8025"
java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
     -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
     -jar ear/target/tools/greenmail-standalone.jar > "$DATA/greenmail.log" 2>&1 &
pids+=($!)

# A fresh copy of the provisioned server each run; the database, the development TLS
# certificate and the persistent timers live outside it and survive.
rm -rf "$RUN_SERVER.new"
cp -r ear/target/server "$RUN_SERVER.new"
rm -rf "$RUN_SERVER.new/standalone/"{log,data,tmp} "$RUN_SERVER.new/standalone/deployments/"*
for kept in standalone/configuration/application.keystore; do
  if [[ -f "$RUN_SERVER/$kept" ]]; then cp "$RUN_SERVER/$kept" "$RUN_SERVER.new/$kept"; fi
done
rm -rf "$RUN_SERVER"
mv "$RUN_SERVER.new" "$RUN_SERVER"
cp ear/target/fine-ra.ear "$RUN_SERVER/standalone/deployments/"

export FINE_DB_URL="jdbc:h2:file:$DATA/fine-ra;DB_CLOSE_ON_EXIT=FALSE"
export FINE_DEMO_DATA=true FINE_SMTP_HOST=127.0.0.1 FINE_SMTP_PORT=3025
export FINE_SITE_URL=https://localhost:8443/
export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$DATA/wildfly.pid"
echo "== WildFly (log: $RUN_SERVER/standalone/log/server.log)"
"$RUN_SERVER/bin/standalone.sh" > "$DATA/wildfly-console.log" 2>&1 &
pids+=($!)

agent_jar=card-applet-agent/agent/target/fine-ra-card-agent.jar
[[ -f "$agent_jar" ]] || agent_jar=""
if [[ -n "$agent_jar" ]] && command -v openssl >/dev/null; then
  # Development ticket key: the agent pins its public half (see card-applet-agent/README.md).
  if [[ ! -f "$DATA/ticket-public.pem" ]]; then
    openssl ecparam -name prime256v1 -genkey -noout -out "$DATA/ticket-private.pem"
    openssl ec -in "$DATA/ticket-private.pem" -pubout -out "$DATA/ticket-public.pem" 2>/dev/null
  fi
  echo "== card agent with a simulated card on http://127.0.0.1:31520"
  java -jar "$agent_jar" --simulated --origin https://localhost:8443 \
       --ticket-key "$DATA/ticket-public.pem" > "$DATA/agent.log" 2>&1 &
  pids+=($!)
fi

log="$RUN_SERVER/standalone/log/server.log"
for _ in $(seq 1 180); do
  if grep -q 'Deployed "fine-ra.ear"' "$log" 2>/dev/null; then break; fi
  if grep -q 'WFLYSRV0026\|WFLYCTL0186' "$log" 2>/dev/null; then
    echo "WildFly started with errors; see $log"; break
  fi
  sleep 1
done

cat <<INFO

FINE RA is running.
  Subscriber site   https://localhost:8443/login.xhtml        (development certificate: accept it once)
  Back office       https://localhost:8443/admin/login.xhtml
  Mail sink         http://127.0.0.1:8025/  (GreenMail API; IMAP 127.0.0.1:3143, any user, no password)
  Card agent        http://127.0.0.1:31520/v1/status  (simulated card)

Demo accounts (initial passwords; every first sign-in asks for a new one):
  subscriber  70759028-00-0001   Demo2026sub1
  subscriber  70759028-00-0002   Demo2026sub2
  clerk       clerk              Demo2026clerk
  officer     officer            Demo2026officer
  auditor     auditor            Demo2026auditor

Data stays in ./data between runs (delete it to start over). Ctrl-C stops everything.
INFO
wait
