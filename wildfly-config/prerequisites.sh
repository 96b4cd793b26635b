#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo need when they are missing: headless
# Chromium and its driver for page tests, plus whatever .ci/packages.txt lists (PC/SC, OpenSC,
# OpenSSL, SoftHSM2), and axe-core from npm for the page checks. Nothing else is downloaded
# outside Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
wanted=(chromium chromium-driver)
if [[ -f .ci/packages.txt ]]; then
  while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] || wanted+=("$pkg")
  done < .ci/packages.txt
fi
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core for the browser tests' accessibility check (ear/src/test/js, pinned by its lock file)
if ! command -v npm >/dev/null; then
  echo "npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
js=ear/src/test/js
if [[ ! -f $js/node_modules/axe-core/axe.min.js || $js/package-lock.json -nt $js/node_modules/.package-lock.json ]]; then
  echo "Installing the browser tests' scripts (npm ci in $js)"
  npm ci --prefix "$js" --no-audit --no-fund --silent
fi
