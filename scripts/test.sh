#!/usr/bin/env bash
# Runs every test of Caravan on a fresh machine: installs what the tests need, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# Everything is restored and built from the project's own files.
dotnet build Caravan.sln -c Release -warnaserror -nologo -v quiet
dotnet test Caravan.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"
