#!/usr/bin/env bash
# Refreshes web/src/main/webapp/resources/fonts from the npm package @fontsource/noto-sans-tc:
# only the weight-400 files that cover characters the pages use. WebFontTest fails when a new
# text needs a file that is not there yet; then run this (needs Node.js and npm) and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
version=5.3.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@fontsource/noto-sans-tc@$version" >/dev/null && tar xzf ./*.tgz)
node fonts/subset.mjs "$work/package" .
