#!/usr/bin/env bash
# Tests the production refusal in a real server of its own: deploys the built EAR into a copy of
# the provisioned WildFly in production mode (FINE_MODE unset) with every development-only setting
# on, and checks that the deployment fails naming each of them and that the site never answers.
# A server of its own because a refused deployment unsettles the server that refused it, which
# the Arquillian tests share. Ports shifted by 700 (HTTP 8780, HTTPS 9143, management 10690).
# Needs a build (ear/target/fine-ra.ear and ear/target/server). CI runs it (.ci/run). About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f ear/target/fine-ra.ear && -d ear/target/server ]] || { echo "FAIL: nothing built (mvn package first)" >&2; exit 1; }
work=$(mktemp -d)
server="$work/server"
wildfly=""
cleanup() {
  if [[ -n "$wildfly" ]]; then kill "$wildfly" 2>/dev/null || true; wait "$wildfly" 2>/dev/null || true; fi
  [[ -f "$work/wildfly.pid" ]] && kill "$(cat "$work/wildfly.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cp -r ear/target/server "$server"
rm -rf "$server/standalone/"{log,data,tmp} "$server/standalone/deployments/"*
# a deployment the tests' server holds at the moment must not come along in its configuration
sed -i '/<deployments>/,/<\/deployments>/d' "$server/standalone/configuration/standalone.xml"
cp ear/target/fine-ra.ear "$server/standalone/deployments/"

# production mode is the default: FINE_MODE is not set
unset FINE_MODE
export FINE_DB_URL="jdbc:h2:file:$work/fine-ra;DB_CLOSE_ON_EXIT=FALSE"
export FINE_CA_KEYSTORE_PATH="$work/ca/ca.p12"
export FINE_CAPTCHA_TEST_HOOK=true FINE_DEMO_DATA=true FINE_DEMO_CARD_FOLDER="$work/demo-card"
export FINE_SMTP_HOST=127.0.0.1 FINE_SMTP_PORT=3725
export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$work/wildfly.pid"
"$server/bin/standalone.sh" -Djboss.socket.binding.port-offset=700 > "$work/console.log" 2>&1 &
wildfly=$!

marker="$server/standalone/deployments/fine-ra.ear"
for _ in $(seq 1 300); do
  [[ -f "$marker.deployed" || -f "$marker.failed" ]] && break
  kill -0 "$wildfly" 2>/dev/null || { tail -n 50 "$work/console.log"; echo "FAIL: WildFly ended" >&2; exit 1; }
  sleep 1
done
log="$server/standalone/log/server.log"
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
echo "OK: in production mode the server refuses the deployment with development-only settings, naming each"
