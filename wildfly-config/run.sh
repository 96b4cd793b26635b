#!/usr/bin/env bash
# Runs the product for development and demos: builds the EAR and the provisioned WildFly, starts
# a GreenMail mail sink, the server with demo data, then the local card agent with a blank simulated
# card (pinning the ticket key the server serves at /pki/ticket-key.pem), which the server personalizes
# for the first demo subscriber through the RA counter's steps (PIN in ./data/demo-card/pin), and prints
# where to go. The H2 database and the CA key store (with the ticket key) live in ./data and are kept
# between runs, so a restart serves the same CA. Ctrl-C (or SIGTERM) stops all.
#
#   --no-build   start what the last build left in ear/target (the restart test uses it)
#
# Exits non-zero, after stopping what it started, when the build or the server fails.
# FINE_RUN_DATA moves ./data elsewhere (the restart test uses a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA="${FINE_RUN_DATA:-$ROOT/data}"
RUN_SERVER="$DATA/server"
DEMO_ACCOUNTS="$ROOT/ejb/src/main/resources/demo-accounts.properties"
SITE=https://localhost:8443
AGENT=http://127.0.0.1:31520
# where the server's demo card station writes the demo card's PIN (read by the agent at each PIN prompt)
DEMO_CARD="$DATA/demo-card"
mkdir -p "$DATA"

build=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help) sed -n '2,12p' "$0" | cut -c3-; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

fail() {
  echo "FINE RA did not start: $*" >&2
  exit 1
}

if $build; then
  echo "== building (the first run provisions WildFly from Maven Central: a few minutes)"
  started_at=$SECONDS
  if ! mvn -B -DskipTests package > "$DATA/build.log" 2>&1; then
    grep -E '^\[ERROR\]' "$DATA/build.log" | head -n 20 >&2 || true
    fail "the build failed; its log: $DATA/build.log"
  fi
  echo "   built in $((SECONDS - started_at)) s (log: $DATA/build.log)"
fi
[[ -f ear/target/fine-ra.ear && -d ear/target/server ]] || fail "nothing built yet: run without --no-build"

# Another runner (or anything else) on our ports would answer in our place.
for port in 3025 3143 8025 8080 8443 9990 31520; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is already in use (is FINE RA already running?)"
  fi
done

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
trap 'stop; exit 0' INT TERM
trap stop EXIT

# Polls until "$@" succeeds; gives up after $1 seconds or when process $2 has ended.
await() {
  local seconds=$1 pid=$2
  shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

echo "== mail sink (GreenMail)"
java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
     -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
     -jar ear/target/tools/greenmail-standalone.jar > "$DATA/greenmail.log" 2>&1 &
pids+=($!)
await 30 "$!" curl -sf http://127.0.0.1:8025/api/service/readiness \
  || fail "the mail sink did not answer on 127.0.0.1:8025 (ports 3025/3143/8025 taken?); see $DATA/greenmail.log"

# A fresh copy of the provisioned server each run; the database, the CA key store, the
# development TLS certificate and the persistent timers live outside it and survive.
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
# the CA key store and its generated secret (ca.p12.secret) next to the database
export FINE_CA_KEYSTORE_PATH="${FINE_CA_KEYSTORE_PATH:-$DATA/ca/ca.p12}"
export FINE_MODE=development FINE_DEMO_DATA=true FINE_SMTP_HOST=127.0.0.1 FINE_SMTP_PORT=3025
export FINE_SITE_URL="$SITE/"
# The simulated card lives as long as its agent: each start the server retires the demo subscriber's
# previous card and personalizes the new blank one (DemoCard), writing its PIN here.
rm -rf "$DEMO_CARD"
mkdir -m 700 -p "$DEMO_CARD"
export FINE_DEMO_CARD_FOLDER="$DEMO_CARD" FINE_AGENT_URL="$AGENT"
export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$DATA/wildfly.pid"
log="$RUN_SERVER/standalone/log/server.log"
echo "== WildFly with the application (log: $log)"
"$RUN_SERVER/bin/standalone.sh" > "$DATA/wildfly-console.log" 2>&1 &
wildfly=$!
pids+=("$wildfly")

# The deployment scanner leaves fine-ra.ear.deployed or fine-ra.ear.failed next to the EAR.
marker="$RUN_SERVER/standalone/deployments/fine-ra.ear"
deployed() { [[ -f "$marker.deployed" || -f "$marker.failed" ]]; }
await 300 "$wildfly" deployed || fail "WildFly ended or did not deploy within 5 minutes; see $log"
[[ -f "$marker.failed" ]] && fail "the deployment failed: $(head -c 600 "$marker.failed"); see $log"
await 30 "$wildfly" curl -ksf -o /dev/null "$SITE/login.xhtml" \
  || fail "the site does not answer on $SITE; see $log"

# The agent pins the RA's ticket key, which the application made in its CA key store at first start
# (kept in $DATA/ca with the CA keys): fetch the public half where agents get it. The jar built here
# is a development build, which takes that key from the command line only with --development (a
# production build carries it inside the signed jar: -Dagent.ticketKey, see card-applet-agent/README.md).
agent="not started"
agent_jar=card-applet-agent/agent/target/fine-ra-card-agent.jar
if [[ ! -f "$agent_jar" ]]; then
  agent="not built (card-applet-agent)"
elif ! curl -ksf -o "$DATA/ticket-key.pem" "$SITE/pki/ticket-key.pem"; then
  agent="not started: no ticket key at $SITE/pki/ticket-key.pem"
else
  echo "== card agent with a blank simulated card, personalized by the server for the demo"
  java -jar "$agent_jar" --simulated-blank --allow-personalization --scripted-pin-file "$DEMO_CARD/pin" \
       --origin "$SITE" --development --ticket-key "$DATA/ticket-key.pem" > "$DATA/agent.log" 2>&1 &
  agent_pid=$!
  pids+=("$agent_pid")
  if await 30 "$agent_pid" curl -sf "$AGENT/v1/status"; then
    agent="$AGENT/v1/status  (simulated card)"
  else
    agent="did not start; see $DATA/agent.log"
  fi
fi

# The server's demo card station personalizes the agent's card once the agent answers.
handed_over() { [[ -f "$DEMO_CARD/card" || -f "$DEMO_CARD/failed" ]]; }
demo_card="not personalized: no card agent"
if [[ -n "${agent_pid:-}" ]] && kill -0 "$agent_pid" 2>/dev/null; then
  echo "== personalizing the demo card"
  if ! await 120 "$agent_pid" handed_over; then
    demo_card="not personalized within 2 minutes; see $log"
  elif [[ -f "$DEMO_CARD/failed" ]]; then
    demo_card="not personalized: $(head -c 300 "$DEMO_CARD/failed"); see $log"
  else
    holder=$(sed -n 's/^subscriber=//p' "$DEMO_CARD/card")
    guid=$(sed -n 's/^guid=//p' "$DEMO_CARD/card")
    demo_card="held by subscriber $holder (card $guid)
                    PIN: $DEMO_CARD/pin (the agent types it for you; mailer: $DEMO_CARD/card-pin-mailer.pdf)"
  fi
fi

demo_accounts() {
  while IFS='=' read -r key password; do
    [[ -z "$key" || "$key" == \#* ]] && continue
    printf '  %-10s  %-18s %s\n' "${key%%.*}" "${key#*.}" "$password"
  done < "$DEMO_ACCOUNTS"
}

cat <<INFO

FINE RA is running.
  Subscriber site   $SITE/login.xhtml        (development certificate: accept it once)
  Back office       $SITE/admin/login.xhtml
  Mail sink         http://127.0.0.1:8025/  (GreenMail API; IMAP 127.0.0.1:3143, any user, no password)
  Card agent        $agent
  Demo card         $demo_card

Demo accounts (initial passwords; every first sign-in asks for a new one):
$(demo_accounts)

The demo card's holder can apply at once: sign in, 憑證申請 (/app/apply.xhtml), tick the terms, apply.
Each start gives the holder a new card (the simulated one lives with the agent): the previous card is
retired and the certificates on it revoked.

Data stays in $DATA between runs (delete it to start over). Ctrl-C stops everything.
INFO
# runs until Ctrl-C or until one of the parts ends
wait -n || true
echo "a part of FINE RA stopped on its own; see the logs in $DATA"
exit 1
