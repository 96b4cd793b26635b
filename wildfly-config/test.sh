#!/usr/bin/env bash
# Runs every test: unit tests, Arquillian tests in the provisioned WildFly, HTTP tests and
# headless-Chromium page tests. Installs the browser and the card tools first when missing
# (Debian; needs root or sudo). Extra arguments go to Maven, e.g. -Ppostgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
bash wildfly-config/prerequisites.sh
exec mvn -B verify "$@"
