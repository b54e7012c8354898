#!/usr/bin/env bash
# Runs every test of Caravan on a fresh machine: installs what the tests need, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
./scripts/install-browser.sh
# The format tests read the GeoPackage export back with ogrinfo (Debian's gdal-bin); the AOT step needs clang; the
# run store and sweep cluster tests start a throwaway PostgreSQL (scripts/lib/postgres.sh) from Debian's postgresql.
./scripts/install-tools.sh

# Everything is restored and built from the project's own files; building src/Caravan.Web runs
# `npm ci && npm run build` in web/ (src/Caravan.Web/WebPage.targets) when the page is stale.
dotnet build Caravan.sln -c Release -warnaserror -nologo -v quiet
# The native AOT caravan (clang and zlib from install-tools.sh), which tests/Caravan.Tests/Cli/AotBinaryTests.cs runs
# against the JIT one; artifacts/ is gitignored.
dotnet publish src/Caravan.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot -nologo -v quiet
dotnet test Caravan.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"
