#!/usr/bin/env bash
# Installs, from Debian's packages, what the test suite needs beyond npm. Skips what is present.
set -euo pipefail
packages=(chromium libreoffice-writer-nogui pandoc poppler-utils fonts-crosextra-carlito fonts-liberation fonts-noto-cjk fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
