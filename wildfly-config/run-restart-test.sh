#!/usr/bin/env bash
# Tests the dev runner: starts wildfly-config/run.sh twice on a fresh data folder and checks that
# both starts serve the same root and issuing CA certificates and the same card ticket key (the CA
# key store is kept in the data folder with the database), that the root CRL is served and the online
# key store holds no root key (ADR 0010), that the card agent pins the served
# ticket key, that each start hands the first demo subscriber a newly personalized card (the server
# registered it, the agent's card carries its GUID and attestation certificate, its PIN file is the
# owner's only), and that the runner stops everything it started.
# Uses the runner's default ports (8080, 8443, 9990, 3025, 8025, 3143, 31520); builds once if
# nothing is built yet. CI runs it after the tests (.ci/run). About two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
export FINE_RUN_DATA="$work/data"
runner=""

cleanup() {
  if [[ -n "$runner" ]]; then kill "$runner" 2>/dev/null || true; wait "$runner" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Starts the runner in the background and waits for its "running" line; $1 names the start.
start() {
  local name=$1 build=--no-build
  [[ -f ear/target/fine-ra.ear && -d ear/target/server ]] || build=""
  bash wildfly-config/run.sh $build > "$work/$name.log" 2>&1 < /dev/null &
  runner=$!
  for _ in $(seq 1 900); do
    if grep -q '^FINE RA is running' "$work/$name.log"; then return 0; fi
    if ! kill -0 "$runner" 2>/dev/null; then
      cat "$work/$name.log"
      echo "FAIL: the $name start of run.sh ended without running" >&2
      exit 1
    fi
    sleep 1
  done
  cat "$work/$name.log"
  echo "FAIL: the $name start of run.sh did not come up in 15 minutes" >&2
  exit 1
}

stop() {
  kill -TERM "$runner"
  wait "$runner" || true
  runner=""
  if curl -ks -o /dev/null https://localhost:8443/login.xhtml; then
    echo "FAIL: the site still answers after run.sh stopped" >&2
    exit 1
  fi
}

# The CA certificates relying parties fetch (AIA caIssuers), as served on plain HTTP, and the
# ticket key agents pin, which the agent the runner started must report as its own.
fetch() {
  for ca in fine-root-ca information-user-ca; do
    curl -sf "http://localhost:8080/pki/ca/$ca.cer" -o "$work/$1-$ca.cer" \
      || { echo "FAIL: no $ca certificate on the $1 start" >&2; exit 1; }
  done
  # the root CRL the development stand-in for the offline root signed (ADR 0010), and no root key online
  curl -sf "http://localhost:8080/pki/crl/fine-root-ca.crl" -o "$work/$1-root.crl" \
    || { echo "FAIL: no root CRL on the $1 start" >&2; exit 1; }
  if ! openssl crl -inform DER -in "$work/$1-root.crl" -CAfile <(openssl x509 -inform DER -in "$work/$1-fine-root-ca.cer") \
       -verify -noout 2>&1 | grep -q 'verify OK'; then
    echo "FAIL: the root CRL of the $1 start is not signed by the root" >&2
    exit 1
  fi
  if keytool -list -storetype PKCS12 -keystore "$FINE_RUN_DATA/ca/ca.p12" \
       -storepass "$(cat "$FINE_RUN_DATA/ca/ca.p12.secret")" | grep -q '^fine-root-ca,'; then
    echo "FAIL: the online CA key store holds the root key on the $1 start" >&2
    exit 1
  fi
  curl -sf "http://localhost:8080/pki/ticket-key.pem" -o "$work/$1-ticket-key.pem" \
    || { echo "FAIL: no ticket key on the $1 start" >&2; exit 1; }
  local pinned
  pinned=$(openssl pkey -pubin -in "$work/$1-ticket-key.pem" -outform DER | sha256sum | cut -d' ' -f1)
  if ! curl -sf http://127.0.0.1:31520/v1/status | grep -q "\"ticketKeySha256\" *: *\"$pinned\""; then
    echo "FAIL: the agent of the $1 start does not pin the served ticket key $pinned" >&2
    exit 1
  fi
  demo_card "$1"
}

# The demo card the server personalized and handed over at this start, as the server recorded it
# (demo-card/card) and as the agent reads it from the card.
demo_card() {
  local folder="$FINE_RUN_DATA/demo-card" guid card
  if ! grep -qx 'subscriber=70759028-00-0001' "$folder/card" 2>/dev/null \
     || ! grep -qx 'status=ISSUED_TO_SUBSCRIBER' "$folder/card"; then
    echo "FAIL: no demo card handed over on the $1 start: $(cat "$folder/card" "$folder/failed" 2>&1)" >&2
    exit 1
  fi
  guid=$(sed -n 's/^guid=//p' "$folder/card")
  card=$(curl -sf http://127.0.0.1:31520/v1/card | tr -d ' \n')
  if [[ "$card" != *'"personalized":true'* || "${card^^}" != *"\"GUID\":\"${guid^^}\""* \
        || ! "$card" =~ \"F9\":\{[^}]*\"certificate\":true ]]; then
    echo "FAIL: the agent's card on the $1 start is not the personalized demo card $guid: $card" >&2
    exit 1
  fi
  if [[ $(stat -c %a "$folder/pin") != 600 ]] || ! grep -qxE '[0-9]{6,8}' "$folder/pin"; then
    echo "FAIL: the demo card's PIN file on the $1 start is not a PIN only its owner reads" >&2
    exit 1
  fi
  echo "$guid" > "$work/$1-demo-card"
  echo "demo card on the $1 start: $guid, personalized and handed over to 70759028-00-0001"
}

echo "== first start"
start first
fetch first
stop
echo "== second start"
start second
fetch second
stop

for ca in fine-root-ca information-user-ca ticket-key; do
  ext=cer; [[ $ca == ticket-key ]] && ext=pem
  if ! cmp -s "$work/first-$ca.$ext" "$work/second-$ca.$ext"; then
    echo "FAIL: the restarted runner serves another $ca" >&2
    exit 1
  fi
  echo "same $ca after the restart: $(sha256sum < "$work/first-$ca.$ext" | cut -c1-16)…"
done
if cmp -s "$work/first-demo-card" "$work/second-demo-card"; then
  echo "FAIL: the second start did not personalize a new demo card" >&2
  exit 1
fi
echo "OK: run.sh kept its CA and ticket key across a restart, the agent pins the served key, and each start"
echo "    hands the demo subscriber a newly personalized card"
