#!/usr/bin/env bash
# Installs what the page's build and browser tests need, if missing: Debian's chromium, and Node.js with npm.
set -euo pipefail

missing=()
[ -x "${CARAVAN_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: ${missing[*]} missing and this is not a Debian/Ubuntu machine; install them, or set CARAVAN_CHROMIUM to a Chromium binary" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "installing ${missing[*]} (Debian packages)"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
[ -x "${CARAVAN_CHROMIUM:-/usr/bin/chromium}" ] || { echo "error: chromium did not install" >&2; exit 1; }
