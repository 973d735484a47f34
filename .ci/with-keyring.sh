#!/usr/bin/env bash
# Runs a command in a private D-Bus session bus with a keyring in the given
# mode, exported to the tests as UNBIND_KEYRING:
#   secret-service  gnome-keyring unlocked with a throw-away password
#   none            no keyring daemon started
#   hanging         none started; the test itself owns a silent Secret Service
# Usage: with-keyring.sh MODE COMMAND [ARGS…]
set -euo pipefail
mode=$1; shift
if [ -z "${UNBIND_IN_DBUS:-}" ]; then
	config=()
	# Without a keyring the bus must not auto-start gnome-keyring either.
	[ "$mode" != secret-service ] && config=(--config-file="$(dirname "$0")/dbus-no-services.conf")
	exec env UNBIND_IN_DBUS=1 dbus-run-session "${config[@]}" -- "$0" "$mode" "$@"
fi
export UNBIND_KEYRING=$mode UNBIND_REQUIRE_KEYRING=$mode
if [ "$mode" = secret-service ]; then
	# A test keyring in a throw-away home, never the developer's own; Go keeps
	# its caches where they were.
	export GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)
	export HOME=$(mktemp -d) XDG_DATA_HOME= XDG_RUNTIME_DIR=$(mktemp -d)
	chmod 700 "$XDG_RUNTIME_DIR"
	echo -n unbind-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
fi
exec "$@"
