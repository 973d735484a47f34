#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages named as arguments when any is missing.
# As root it runs apt-get itself; otherwise it says exactly what to run.
set -euo pipefail
missing=()
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "unbind: missing packages: ${missing[*]}. This is not a Debian/Ubuntu system: install their equivalents with your package manager." >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		SUDO=sudo
	else
		echo "unbind: missing packages: ${missing[*]}. Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
fi
echo "unbind: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
${SUDO:-} apt-get update -q >/dev/null
${SUDO:-} apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
