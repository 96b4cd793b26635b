#!/usr/bin/env bash
# The offline root ceremony (ADR 0010, README "The offline root ceremony"): runs on a machine apart
# from the server, with the root's folder on removable media.
#
#   bash wildfly-config/ca-ceremony.sh init-root         --root DIR
#   bash wildfly-config/ca-ceremony.sh sign-issuing      --root DIR --csr issuing-ca.csr [--out DIR]
#   bash wildfly-config/ca-ceremony.sh sign-crl          --root DIR [--out DIR] [--revoke CERT [--reason R]]
#   bash wildfly-config/ca-ceremony.sh take-root-offline --keystore ca.p12 --root DIR [--out DIR]
#   bash wildfly-config/ca-ceremony.sh help
#
# The root's passphrase comes from FINE_ROOT_PASSPHRASE or is asked; the settings from the same
# FINE_CA_* variables the server reads (FINE_CA_PUBLIC_URL, FINE_CA_POLICY_OID, names, key types).
# Needs a JDK 17 and either the Maven repository this checkout was built with (the program is
# compiled and its Bouncy Castle class path resolved offline, mvn -o) or FINE_CEREMONY_CLASSPATH,
# a class path that holds ejb/target/classes and Bouncy Castle.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

classpath="${FINE_CEREMONY_CLASSPATH:-}"
if [[ -z "$classpath" ]]; then
  # compiled each time (incremental: seconds), so the ceremony never runs older code than the checkout
  mkdir -p "$ROOT/ejb/target"
  log="$ROOT/ejb/target/ceremony-build.log"
  if ! mvn -o -q -B -f "$ROOT/pom.xml" -pl card-applet-agent/protocol,ejb compile dependency:build-classpath \
         -Dmdep.includeGroupIds=org.bouncycastle -Dmdep.outputFile=target/ceremony.classpath > "$log" 2>&1; then
    grep -E '^\[ERROR\]' "$log" | head -n 10 >&2 || true
    echo "ca-ceremony: cannot compile the ceremony offline (mvn -o); build this checkout once with its Maven" \
         "repository, or set FINE_CEREMONY_CLASSPATH" >&2
    exit 1
  fi
  classpath="$ROOT/ejb/target/classes:$(cat "$ROOT/ejb/target/ceremony.classpath")"
fi
# the root's files are the owner's only
umask 077
exec java -cp "$classpath" tw.fine.ra.ca.ceremony.Ceremony "$@"
