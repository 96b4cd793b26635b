#!/usr/bin/env bash
# Tests production mode in a real server of its own (a copy of the provisioned WildFly with the
# built EAR; ports shifted by 700: HTTP 8780, HTTPS 9143, management 10690), three starts on one
# database and key store:
#   1. production mode (FINE_MODE unset) with every development-only setting on: the deployment
#      fails naming each of them, and the site never answers;
#   2. development mode with demo data: the demo accounts are created;
#   3. production mode with production settings (the key store secret from FINE_CA_KEYSTORE_SECRET,
#      a real policy OID, public URLs): the deployment succeeds and every demo account that start 2
#      left is disabled, each audited ACCOUNT_DISABLED.
# A server of its own because a refused deployment unsettles the server that refused it, which the
# Arquillian tests share. Needs a build (ear/target/fine-ra.ear and ear/target/server). CI runs it
# (.ci/run). About three minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f ear/target/fine-ra.ear && -d ear/target/server ]] || { echo "FAIL: nothing built (mvn package first)" >&2; exit 1; }
work=$(mktemp -d)
server="$work/server"
log="$server/standalone/log/server.log"
marker="$server/standalone/deployments/fine-ra.ear"
h2=$(find ear/target/server/modules -name 'h2-*.jar' | head -n 1)
wildfly=""

stop() {
  if [[ -n "$wildfly" ]]; then
    [[ -f "$work/wildfly.pid" ]] && kill "$(cat "$work/wildfly.pid")" 2>/dev/null || true
    kill "$wildfly" 2>/dev/null || true
    wait "$wildfly" 2>/dev/null || true
    wildfly=""
  fi
}
cleanup() {
  stop
  rm -rf "$work"
}
trap cleanup EXIT

cp -r ear/target/server "$server"
rm -rf "$server/standalone/"{log,data,tmp} "$server/standalone/deployments/"*
# a deployment the tests' server holds at the moment must not come along in its configuration
sed -i '/<deployments>/,/<\/deployments>/d' "$server/standalone/configuration/standalone.xml"

# Starts the copy with the EAR and the environment given as arguments; waits for the deployment's outcome.
start() {
  local name=$1
  shift
  rm -f "$marker".* "$log"
  cp ear/target/fine-ra.ear "$server/standalone/deployments/"
  env -u FINE_MODE "$@" FINE_DB_URL="jdbc:h2:file:$work/fine-ra;DB_CLOSE_ON_EXIT=FALSE" \
      FINE_CA_KEYSTORE_PATH="$work/ca/ca.p12" FINE_SMTP_HOST=127.0.0.1 FINE_SMTP_PORT=3725 \
      LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$work/wildfly.pid" \
      "$server/bin/standalone.sh" -Djboss.socket.binding.port-offset=700 > "$work/$name-console.log" 2>&1 &
  wildfly=$!
  for _ in $(seq 1 300); do
    [[ -f "$marker.deployed" || -f "$marker.failed" ]] && return 0
    kill -0 "$wildfly" 2>/dev/null || { tail -n 50 "$work/$name-console.log"; echo "FAIL: WildFly ended ($name)" >&2; exit 1; }
    sleep 1
  done
  tail -n 80 "$log"
  echo "FAIL: no deployment outcome within 5 minutes ($name)" >&2
  exit 1
}

# Runs SQL on the stopped server's database; prints the rows.
sql() {
  java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/fine-ra" -user sa -password sa -sql "$1"
}

echo "== 1. production mode with development-only settings"
start refused FINE_CAPTCHA_TEST_HOOK=true FINE_DEMO_DATA=true FINE_DEMO_CARD_FOLDER="$work/demo-card"
if [[ ! -f "$marker.failed" ]]; then
  tail -n 80 "$log" 2>/dev/null || true
  echo "FAIL: the production-mode deployment with development-only settings was not refused" >&2
  exit 1
fi
refusals=$(grep -o 'FINE RA refuses to start outside development mode[^"]*' "$log" | sort -u || true)
for setting in FINE_CAPTCHA_TEST_HOOK FINE_DEMO_DATA FINE_DEMO_CARD_FOLDER FINE_SITE_URL FINE_CA_POLICY_OID FINE_CA_PUBLIC_URL; do
  if ! grep -q "refuses to start outside development mode.*$setting" "$log"; then
    grep -m5 'refuses to start' "$log" || tail -n 80 "$log"
    echo "FAIL: the refusal does not name $setting" >&2
    exit 1
  fi
done
if curl -ks -o /dev/null -w '%{http_code}' https://localhost:9143/login.xhtml | grep -q '^200$'; then
  echo "FAIL: the refused application answers" >&2
  exit 1
fi
echo "$refusals"
stop

echo "== 2. development mode with demo data"
start demo FINE_MODE=development FINE_DEMO_DATA=true
[[ -f "$marker.deployed" ]] || { tail -n 80 "$log"; echo "FAIL: the development start did not deploy" >&2; exit 1; }
stop
demo_logins=$(sed -n 's/^[a-z]*\.\([^=]*\)=.*/\1/p' ejb/src/main/resources/demo-accounts.properties)
quoted=$(printf "'%s'," $demo_logins)
quoted=${quoted%,}
created=$(sql "select count(*) from account where login in ($quoted) and disabled_at is null" | sed -n '2p' | tr -d ' ')
[[ "$created" == $(wc -w <<< "$demo_logins") ]] || { echo "FAIL: the demo start left $created of the demo accounts" >&2; exit 1; }
echo "demo accounts created: $created"

echo "== 3. production mode with production settings"
start production FINE_CA_KEYSTORE_SECRET="$(cat "$work/ca/ca.p12.secret")" FINE_CA_POLICY_OID=2.16.886.1.100.3.1 \
    FINE_CA_PUBLIC_URL=http://pki.fine.example.tw/pki FINE_SITE_URL=https://ra.fine.example.tw/ \
    FINE_RA_ORIGINS=https://ra.fine.example.tw
if [[ ! -f "$marker.deployed" ]]; then
  grep -m5 -E 'refuses|ERROR' "$log" || tail -n 80 "$log"
  echo "FAIL: the production start with production settings did not deploy" >&2
  exit 1
fi
stop
disabled=$(sql "select count(*) from account where login in ($quoted) and disabled_at is not null" | sed -n '2p' | tr -d ' ')
audited=$(sql "select count(distinct subject) from audit_record where event = 'ACCOUNT_DISABLED' and subject in ($quoted)" \
  | sed -n '2p' | tr -d ' ')
if [[ "$disabled" != "$created" || "$audited" != "$created" ]]; then
  sql "select login, disabled_at from account"
  echo "FAIL: the production start disabled $disabled and audited $audited of the $created demo accounts" >&2
  exit 1
fi
echo "demo accounts disabled by the production start, each audited: $disabled"
echo "OK: production mode refuses development-only settings naming each, and a production start after a demo"
echo "    start disables every demo account"
