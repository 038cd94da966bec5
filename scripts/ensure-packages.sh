#!/usr/bin/env bash
# scripts/ensure-packages.sh COMMAND=PACKAGE... — installs the Debian package of each command that is missing
# (apt-get, as root or with sudo -n), so that `make test` works on a fresh machine. Says what it does.
set -euo pipefail
missing=()
for pair in "$@"; do
  command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "ensure-packages: need ${missing[*]}: apt-get install ${missing[*]}" >&2; exit 2; }
  sudo=(sudo -n)
fi
echo "ensure-packages: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
