#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo need when they are missing: headless
# Chromium and its driver for page tests, plus whatever .ci/packages.txt lists (PC/SC, OpenSC,
# OpenSSL, SoftHSM2). Nothing else is ever downloaded outside Maven.
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
