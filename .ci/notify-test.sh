#!/usr/bin/env bash
# End-to-end notification test: the real Unbind GUI delivers due reminders
# as OS notifications on a private D-Bus session bus, to a real notification
# server (dunst on Xvfb), and dbus-monitor proves which Notify calls went out.
#
#   1. Start: two reminders fell due while Unbind was closed — a custom one,
#      and a backup reminder of a kept account that only the scheduler's
#      sync derives — so exactly one grouped notification must carry both.
#   2. Restart with one more overdue reminder: it alone is notified; the two
#      already fired are never notified again.
#
# Usage: .ci/notify-test.sh  (make test runs it). UNBIND_GUI_BIN and
# UNBINDCTL_BIN use prebuilt binaries; NOTIFY_TEST_KEEP=1 keeps the work
# folder; NOTIFY_TEST_TIMEOUT (seconds, default 90) bounds each wait.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

if [ -z "${UNBIND_NOTIFY_IN_DBUS:-}" ]; then
	for tool in dbus-run-session dbus-monitor Xvfb dunst timeout; do
		command -v "$tool" >/dev/null || { echo "notify-test: FAIL: $tool is missing (make deps-test installs it)" >&2; exit 1; }
	done
	# A private session bus that starts no services: the only notification
	# server on it is the dunst started below.
	exec env UNBIND_NOTIFY_IN_DBUS=1 timeout --kill-after=10 600 \
		dbus-run-session --config-file="$repo/.ci/dbus-no-services.conf" -- "$0" "$@"
fi

wait_s=${NOTIFY_TEST_TIMEOUT:-90}
export LANG=C.UTF-8 UNBIND_LANG=en
unset LC_ALL LC_MESSAGES
work=$(mktemp -d "${TMPDIR:-/tmp}/unbind-notify.XXXXXX")
pids=()
status=1

say() { echo "notify-test: $*"; }

cleanup() {
	local pid
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
	if [ "$status" -ne 0 ]; then
		say "FAIL — logs follow (work folder $work)"
		for f in monitor.log gui1.log gui2.log dunst.log xvfb.log; do
			[ -s "$work/$f" ] && { echo "----- $f (last 60 lines)"; tail -n 60 "$work/$f"; }
		done
	fi
	if [ -z "${NOTIFY_TEST_KEEP:-}" ] && [ "$status" -eq 0 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() { say "FAIL: $*" >&2; exit 1; }

# Go keeps its caches; everything else (Fyne's cache and preferences, the
# data folder) lives in a throw-away home.
export GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_CACHE_HOME=$work/home/.cache XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"

gui=${UNBIND_GUI_BIN:-}
ctl=${UNBINDCTL_BIN:-}
if [ -z "$gui" ]; then
	say "building cmd/unbind"
	(cd "$repo" && go build -o "$work/unbind" ./cmd/unbind) || fail "cmd/unbind does not build"
	gui=$work/unbind
fi
if [ -z "$ctl" ]; then
	(cd "$repo" && CGO_ENABLED=0 go build -o "$work/unbindctl" ./cmd/unbindctl) || fail "cmd/unbindctl does not build"
	ctl=$work/unbindctl
fi

# The X server picks a free display itself and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 $((wait_s * 10))); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start"
export DISPLAY=:$(head -n1 "$work/display")

dbus-monitor "interface='org.freedesktop.Notifications',member='Notify'" >"$work/monitor.log" 2>&1 &
pids+=($!)
dunst >"$work/dunst.log" 2>&1 &
pids+=($!)
owner=false
for _ in $(seq 1 $((wait_s * 10))); do
	if dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
		string:org.freedesktop.Notifications 2>/dev/null | grep -q 'boolean true'; then
		owner=true
		break
	fi
	sleep 0.1
done
$owner || fail "dunst did not take org.freedesktop.Notifications on the session bus"

# The data folder: a Taobao account with a custom reminder due in 2020, and
# a kept JD account last backed up on 2025-01-01 (restored from an
# inventory backup, the only way to date an account in the past).
data=$work/data
nonce=$$-$RANDOM
ctl() { "$ctl" --data-dir "$data" "$@"; }
acc=$(ctl account add --platform taobao --name main) || fail "unbindctl account add"
ctl remind add "$acc" --at 2020-01-02 --note "E2E custom $nonce" >/dev/null || fail "unbindctl remind add"
cat >"$work/kept.json" <<'EOF'
{"schema": "unbind.inventory/v1", "exported_at": "2025-01-01T00:00:00Z",
 "accounts": [{"id": "6f1c2a9e-0000-4000-8000-00000000e2e0", "platform": "jd", "name": "e2e kept",
   "real_name_verified": false, "seller": false, "status": "kept", "last_backup_at": "2025-01-01T02:00:00Z",
   "created_at": "2024-12-01T00:00:00Z", "updated_at": "2024-12-01T00:00:00Z", "version": 1, "tracks": []}],
 "events": [], "reminders": [], "phone_checks": [], "settings": {}}
EOF
ctl restore "$work/kept.json" >/dev/null || fail "unbindctl restore of the kept account"

# blocks splits the monitor log into one file per Notify call.
blocks() {
	rm -rf "$work/blocks"
	mkdir -p "$work/blocks"
	awk -v dir="$work/blocks" '
		/^method call .*member=Notify/ { n++; f = sprintf("%s/%04d", dir, n); next }
		/^(method call|method return|signal|error) / { f = "" }
		f { print > f }' "$work/monitor.log"
}

# notified TITLE [TEXT…]: a Notify call from "Unbind" (the app's name, not
# its ID, as the first argument) has exactly this title (the 4th) and every
# TEXT somewhere in it (the body).
notified() {
	local title=$1 f t ok
	shift
	blocks
	for f in "$work"/blocks/*; do
		[ -f "$f" ] || continue
		[ "$(grep -m1 '^   string ' "$f")" = '   string "Unbind"' ] || continue
		grep -qxF "   string \"$title\"" "$f" || continue
		ok=true
		for t in "$@"; do grep -qF -- "$t" "$f" || ok=false; done
		$ok && return 0
	done
	return 1
}

count_title() { blocks; grep -rlF -- "$1" "$work/blocks" 2>/dev/null | wc -l; }

start_gui() {
	# Fyne cannot parse the locale "C"; the GUI gets one it can.
	LANG=en_US.UTF-8 "$gui" --data-dir "$data" >"$work/$1" 2>&1 &
	gui_pid=$!
	pids+=("$gui_pid")
}

stop_gui() {
	kill "$gui_pid" 2>/dev/null || true
	timeout 15 tail --pid="$gui_pid" -f /dev/null || kill -9 "$gui_pid" 2>/dev/null || true
}

wait_notified() {
	local what=$1
	shift
	for _ in $(seq 1 "$wait_s"); do
		notified "$@" && return 0
		kill -0 "$gui_pid" 2>/dev/null || fail "unbind exited before notifying $what"
		sleep 1
	done
	fail "no Notify call for $what within ${wait_s}s (title \"$1\"); is the reminder scheduler (reminders.NewScheduler … Run) started by the GUI?"
}

say "1/2: start with two missed reminders on display $DISPLAY"
start_gui gui1.log
wait_notified "the two missed reminders" "2 reminders are due" "E2E custom $nonce" "JD.com (e2e kept): time for a backup"
sleep 2
[ "$(count_title "E2E custom $nonce")" -eq 1 ] || fail "the missed custom reminder was notified more than once"
stop_gui
say "ok: one grouped Notify carried both titles"

if command -v dunstctl >/dev/null; then
	shown=$(dunstctl count displayed 2>/dev/null || echo 0)
	history=$(dunstctl count history 2>/dev/null || echo 0)
	waiting=$(dunstctl count waiting 2>/dev/null || echo 0)
	[ $((shown + history + waiting)) -gt 0 ] || fail "dunst shows no notification (displayed $shown, history $history, waiting $waiting)"
	say "ok: dunst holds $((shown + history + waiting)) notification(s)"
fi

fired=$(ctl remind list --all --no-sync --json)
[ "$(grep -c '"state": "fired"' <<<"$fired")" -eq 2 ] || fail "the store does not show both reminders fired: $fired"

say "2/2: restart with one new overdue reminder"
ctl remind add "$acc" --at 2020-01-03 --note "E2E second $nonce" >/dev/null || fail "unbindctl remind add"
start_gui gui2.log
wait_notified "the new reminder" "Taobao (main): E2E second $nonce" "E2E second $nonce"
sleep 3
stop_gui
[ "$(count_title "E2E custom $nonce")" -eq 1 ] || fail "a reminder fired before the restart was notified again"
[ "$(count_title "time for a backup")" -eq 1 ] || fail "the backup reminder was notified again after the restart"
say "ok: the restart notified only the new reminder"

status=0
say "passed"
