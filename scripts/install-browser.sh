#!/usr/bin/env bash
# Installs what the page's build and browser tests need, if missing: Debian's chromium, and Node.js with npm.
set -euo pipefail

missing=()
[ -x "${CARAVAN_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

# shellcheck source=lib/apt.sh
. "$(dirname "$0")/lib/apt.sh"
apt_install "install them, or set CARAVAN_CHROMIUM to a Chromium binary" "${missing[@]}"
[ -x "${CARAVAN_CHROMIUM:-/usr/bin/chromium}" ] || { echo "error: chromium did not install" >&2; exit 1; }
