# Sourced by the install scripts: installs the named Debian packages, as root or through sudo.
# apt_install HINT PACKAGE...   (HINT says what to do on a machine without apt-get)
apt_install() {
  local hint=$1
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $* missing and this is not a Debian/Ubuntu machine; $hint" >&2
    exit 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  echo "installing $* (Debian packages)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
