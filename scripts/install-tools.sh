#!/usr/bin/env bash
# Installs the Debian tools the format and native-AOT tests need, if missing: gdal-bin (ogrinfo reads the
# GeoPackage export back), python3-tables (PyTables, the HDF5 layer the openmatrix package reads OMX files with;
# openmatrix itself is not a Debian package), python3-h5py (a second HDF5 reader, h5py, checks the OMX conventions
# of the file; openmatrix itself is not run), clang and zlib1g-dev (the native AOT linker of
# `dotnet publish -p:PublishAot=true`), postgresql (the run store's and the sweep cluster's tests start a throwaway
# server with scripts/lib/postgres.sh).
set -euo pipefail

missing=()
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
command -v clang >/dev/null 2>&1 || missing+=(clang)
/usr/bin/python3 -c "import tables" >/dev/null 2>&1 || missing+=(python3-tables)
/usr/bin/python3 -c "import h5py" >/dev/null 2>&1 || missing+=(python3-h5py)
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
pg_initdb() { ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -n 1; }
[ -n "$(pg_initdb)" ] || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

# shellcheck source=lib/apt.sh
. "$(dirname "$0")/lib/apt.sh"
apt_install "install them" "${missing[@]}"
command -v ogrinfo >/dev/null 2>&1 || { echo "error: gdal-bin did not install" >&2; exit 1; }
command -v clang >/dev/null 2>&1 || { echo "error: clang did not install" >&2; exit 1; }
/usr/bin/python3 -c "import tables" >/dev/null 2>&1 || { echo "error: python3-tables did not install" >&2; exit 1; }
/usr/bin/python3 -c "import h5py" >/dev/null 2>&1 || { echo "error: python3-h5py did not install" >&2; exit 1; }
[ -n "$(pg_initdb)" ] || { echo "error: postgresql did not install" >&2; exit 1; }
