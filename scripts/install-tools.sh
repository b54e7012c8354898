#!/usr/bin/env bash
# Installs the Debian tools the format and native-AOT tests need, if missing: gdal-bin (ogrinfo reads the
# GeoPackage export back), python3-tables (PyTables, the HDF5 layer the openmatrix package reads OMX files with;
# openmatrix itself is not a Debian package), clang and zlib1g-dev (the native AOT linker of
# `dotnet publish -p:PublishAot=true`).
set -euo pipefail

missing=()
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
command -v clang >/dev/null 2>&1 || missing+=(clang)
/usr/bin/python3 -c "import tables" >/dev/null 2>&1 || missing+=(python3-tables)
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: ${missing[*]} missing and this is not a Debian/Ubuntu machine; install them" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "installing ${missing[*]} (Debian packages)"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
command -v ogrinfo >/dev/null 2>&1 || { echo "error: gdal-bin did not install" >&2; exit 1; }
command -v clang >/dev/null 2>&1 || { echo "error: clang did not install" >&2; exit 1; }
/usr/bin/python3 -c "import tables" >/dev/null 2>&1 || { echo "error: python3-tables did not install" >&2; exit 1; }
