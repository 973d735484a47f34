#!/usr/bin/env bash
# Startup probe (issues 8 and 16): Unbind with 0, 1k, 10k and 50k accounts
# against an empty Fyne window, all cgo builds with the same flags, under
# one Xvfb, every run of every program interleaved with the others so a
# busy machine slows them alike. Two measures:
#
#   probe      ui/startupprobe inside the program (unbind --measure-startup,
#              cmd/emptywindow): first frame, inventory loaded, peak RSS
#   external   cmd/startupwatch outside it, the same for every program:
#              exec → window mapped → idle (CPU time stops growing), peak
#              RSS as the kernel counts it (VmHWM)
#
# Each figure is a median of the runs with min–max beside it, and a ratio
# to the empty window of the same run set. Then the external measure of
# KeePassXC (installed through .ci/ensure-packages.sh) opening a
# 10,000-entry database made with keepassxc-cli import, as INFO rows: the
# peer figure stays in view.
#
# Output: the runs on stderr, then one line per figure for .ci/bench.sh,
# FIGURE<TAB>VALUE<TAB>TARGET<TAB>PASS|FAIL|INFO.
#
# UNBIND_STARTUP_RUNS (default 5) rounds; UNBIND_STARTUP_SIZES (default
# "0 1000 10000 50000"; 0 and 10000 are needed for the gated rows);
# UNBIND_STARTUP_PEER (default 1: install KeePassXC when missing and
# measure it; 0: skip it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH" LANG=en_US.UTF-8 LC_ALL=C.UTF-8
runs=${UNBIND_STARTUP_RUNS:-5}
read -r -a sizes <<<"${UNBIND_STARTUP_SIZES:-0 1000 10000 50000}"
peer=${UNBIND_STARTUP_PEER:-1}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

go build -o "$work/unbind" ./cmd/unbind
go build -o "$work/emptywindow" ./cmd/emptywindow
go build -o "$work/startupwatch" ./cmd/startupwatch
CGO_ENABLED=0 go build -o "$work/unbindctl" ./cmd/unbindctl
for n in "${sizes[@]}"; do
	mkdir -p -m 700 "$work/data$n"
	# The reminders derived once, as any earlier start would have: the
	# warm start below then finds nothing to change and stamps the folder,
	# so each counted start is a person's usual one (first sync skipped).
	[ "$n" -gt 0 ] && "$work/unbindctl" --data-dir "$work/data$n" demo --synthetic "$n" >/dev/null &&
		"$work/unbindctl" --data-dir "$work/data$n" remind sync >/dev/null
done

if [ "$peer" != 0 ]; then .ci/ensure-packages.sh keepassxc || echo "startup: KeePassXC could not be installed; its rows are left out" >&2; fi
kpx=""
if [ "$peer" != 0 ] && command -v keepassxc >/dev/null && command -v keepassxc-cli >/dev/null; then
	# 10,000 entries like the synthetic accounts: title, user, password,
	# URL, note. The key derivation is set to 100 ms so opening it costs
	# what a normal database does.
	python3 - "$work/kpx.xml" <<'EOF'
import base64, sys, uuid
from xml.sax.saxutils import escape
out = ['<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
       '<KeePassFile><Meta><Generator>unbind-bench</Generator></Meta><Root><Group>'
       '<UUID>%s</UUID><Name>Root</Name>' % base64.b64encode(uuid.UUID(int=1).bytes).decode()]
for i in range(10000):
    fields = {"Title": "账号 %d" % i, "UserName": "user%d@example.com" % i, "Password": "pw-%d-secret" % i,
              "URL": "https://shop%d.example.com" % (i % 40), "Notes": "note %d" % i}
    strings = "".join("<String><Key>%s</Key><Value>%s</Value></String>" % (k, escape(v)) for k, v in fields.items())
    out.append("<Entry><UUID>%s</UUID>%s</Entry>" % (base64.b64encode(uuid.UUID(int=i + 2).bytes).decode(), strings))
out.append("</Group></Root></KeePassFile>")
open(sys.argv[1], "w").write("\n".join(out))
EOF
	printf 'bench\nbench\n' | keepassxc-cli import -q -p -t 100 "$work/kpx.xml" "$work/kpx.kdbx" >/dev/null 2>&1 && kpx="$work/kpx.kdbx"
	mkdir -p "$work/kpxcfg"
fi

# Xvfb picks a free display itself (-displayfd): other jobs on the machine
# may run their own.
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp 5>"$work/display" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "startup: Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$(cat "$work/display")
# One session bus that starts no services (no keyring daemon), shared by
# every run, so the programs are started directly and watched by PID.
DBUS_SESSION_BUS_ADDRESS=$(dbus-daemon --config-file=.ci/dbus-no-services.conf --fork --print-address=1 --print-pid=4 4>"$work/dbus.pid")
export DBUS_SESSION_BUS_ADDRESS
pids+=("$(cat "$work/dbus.pid")")

# fail NAME KIND: no measurement even at the second try; say why and stop.
fail() {
	echo "startup: no $2 measurement from $1 (tried twice); the errors in its log:" >&2
	grep -a -m 5 -E -i 'panic|error|fatal|failed' "$work/log" | grep -v 'Error parsing user locale' >&2
	tail -5 "$work/log" >&2
	exit 1
}
# probe NAME BIN ARGS…: one probe run, appending "first ready peak_kb". A
# run that gives nothing is tried once more: on a shared machine a start
# can fail for reasons not its own (the X server busy, out of clients).
probe() {
	local name=$1 line
	shift
	: >"$work/log"
	line=$(timeout 120 "$@" 2>>"$work/log" | grep '^first_frame_ms=' || true)
	[ -n "$line" ] || line=$(timeout 120 "$@" 2>>"$work/log" | grep '^first_frame_ms=' || true)
	[ -n "$line" ] || fail "$name" probe
	echo "$line" | sed -E 's/first_frame_ms=([0-9.]+) ready_ms=([0-9.]+) peak_rss_kb=([0-9]+)/\1 \2 \3/' >>"$work/probe-$name.txt"
}
# watch NAME BIN ARGS…: one external run, appending "mapped idle peak_kb".
watch() {
	local name=$1 line
	shift
	: >"$work/log"
	line=$("$work/startupwatch" --timeout 120s "$@" 2>>"$work/log" || true)
	[ -n "$line" ] || line=$("$work/startupwatch" --timeout 120s "$@" 2>>"$work/log" || true)
	[ -n "$line" ] || fail "$name" external
	echo "$line" | sed -E 's/mapped_ms=([0-9.]+) idle_ms=([0-9.]+) peak_rss_kb=([0-9]+)/\1 \2 \3/' >>"$work/watch-$name.txt"
}
# kpxwatch: one external run of KeePassXC; the peer is optional, so a
# failure drops it (with a word why) instead of the whole measurement.
kpxwatch() {
	local line
	line=$(printf 'bench\n' | "$work/startupwatch" --timeout 120s keepassxc --config "$work/kpxcfg/k.ini" \
		--localconfig "$work/kpxcfg/l.ini" --pw-stdin "$kpx" 2>>"$work/kpx.log" || true)
	if [ -z "$line" ]; then
		echo "startup: KeePassXC could not be measured, left out; its log:" >&2
		tail -5 "$work/kpx.log" >&2
		kpx="" kpxfail=1
		return 0
	fi
	echo "$line" | sed -E 's/mapped_ms=([0-9.]+) idle_ms=([0-9.]+) peak_rss_kb=([0-9]+)/\1 \2 \3/' >>"$work/watch-keepassxc.txt"
}
kpxfail=0

# The first start of each warms the disk cache and Fyne's caches (and
# makes the empty data folder's database): not counted.
probe warm "$work/emptywindow"
for n in "${sizes[@]}"; do probe warm "$work/unbind" --data-dir "$work/data$n" --measure-startup; done
if [ -n "$kpx" ]; then kpxwatch; rm -f "$work/watch-keepassxc.txt"; fi
for i in $(seq "$runs"); do
	probe empty "$work/emptywindow"
	for n in "${sizes[@]}"; do probe "u$n" "$work/unbind" --data-dir "$work/data$n" --measure-startup; done
	probe cjk "$work/emptywindow" --cjk-font
	watch empty "$work/emptywindow" --stay
	for n in "${sizes[@]}"; do watch "u$n" "$work/unbind" --data-dir "$work/data$n"; done
	if [ -n "$kpx" ]; then kpxwatch; fi
	echo "startup: round $i of $runs done" >&2
done
{
	echo "startup runs, probe (first frame ms, ready ms, peak RSS KiB):"
	for f in "$work"/probe-*.txt; do [[ $f == *warm* ]] || echo "  $(basename "$f" .txt): $(paste -sd'|' "$f")"; done
	echo "startup runs, external (mapped ms, idle ms, peak RSS KiB):"
	for f in "$work"/watch-*.txt; do echo "  $(basename "$f" .txt): $(paste -sd'|' "$f")"; done
} >&2

# stat FILE COLUMN: "median min max" of a column.
stat() { cut -d' ' -f"$2" "$1" | sort -n | awk '{v[NR] = $1} END {
	m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'; }

probe_file() { echo "$work/probe-$1.txt"; }
watch_file() { echo "$work/watch-$1.txt"; }
have() { [[ " ${sizes[*]} " == *" $1 "* ]]; }

{
	for n in "${sizes[@]}"; do
		echo "P $n first $(stat "$(probe_file "u$n")" 1)"
		echo "P $n ready $(stat "$(probe_file "u$n")" 2)"
		echo "P $n rss $(stat "$(probe_file "u$n")" 3)"
		awk '{print $2 - $1}' "$(probe_file "u$n")" >"$work/load$n.txt"
		echo "L $n load $(stat "$work/load$n.txt" 1)"
		echo "W $n mapped $(stat "$(watch_file "u$n")" 1)"
		echo "W $n idle $(stat "$(watch_file "u$n")" 2)"
		echo "W $n rss $(stat "$(watch_file "u$n")" 3)"
	done
	echo "P empty first $(stat "$(probe_file empty)" 1)"
	echo "P empty rss $(stat "$(probe_file empty)" 3)"
	echo "P cjk first $(stat "$(probe_file cjk)" 1)"
	echo "P cjk rss $(stat "$(probe_file cjk)" 3)"
	echo "W empty mapped $(stat "$(watch_file empty)" 1)"
	echo "W empty idle $(stat "$(watch_file empty)" 2)"
	echo "W empty rss $(stat "$(watch_file empty)" 3)"
	if [ -n "$kpx" ]; then
		echo "W kpx mapped $(stat "$(watch_file keepassxc)" 1)"
		echo "W kpx idle $(stat "$(watch_file keepassxc)" 2)"
		echo "W kpx rss $(stat "$(watch_file keepassxc)" 3)"
	fi
	# The growth per account from each run's own pair (same round, so
	# the same machine load), median over the rounds.
	for n in "${sizes[@]}"; do
		[ "$n" -gt 0 ] && have 0 || continue
		paste -d' ' "$(probe_file u0)" "$(probe_file "u$n")" | awk -v n="$n" '{print ($6 - $3) / n}' >"$work/growth$n.txt"
		echo "G $n growth $(stat "$work/growth$n.txt" 1)"
		paste -d' ' "$(watch_file u0)" "$(watch_file "u$n")" | awk '{print $5 - $2}' >"$work/idle$n.txt"
		echo "D $n idle $(stat "$work/idle$n.txt" 1)"
	done
} >"$work/figures.txt"

awk -v kpx="${kpx:+1}" -v kpxfail="$kpxfail" '
	{ k = $1 " " $2 " " $3; med[k] = $4; lo[k] = $5; hi[k] = $6 }
	function mm(k, unit, div) { return sprintf("%.0f%s (%.0f–%.0f)", med[k] / div, unit, lo[k] / div, hi[k] / div) }
	function ratio(k, base) { return med[k] / med[base] }
	# "1.23× (a–b)": the median ratio, with the runs min and max over the
	# median of the base (the base is itself a median of the same runs).
	function rr(k, base) { return sprintf("%.2f× (%.2f–%.2f)", ratio(k, base), lo[k] / med[base], hi[k] / med[base]) }
	function row(f, v, t, ok) { printf "%s\t%s\t%s\t%s\n", f, v, t, ok }
	function gate(f, v, t, pass) { row(f, v, t, pass ? "PASS" : "FAIL") }
	END {
		pe = "P empty rss"; we = "W empty rss"
		if (("P 10000 first") in med) {
			gate("startup first frame (10k ÷ empty)", rr("P 10000 first", "P empty first") " " mm("P 10000 first", " ms", 1),
				"≤ 1.3×", ratio("P 10000 first", "P empty first") <= 1.3)
			gate("startup peak RSS (10k ÷ empty)", rr("P 10000 rss", pe) " " mm("P 10000 rss", " MiB", 1024), "≤ 1.25×",
				ratio("P 10000 rss", pe) <= 1.25)
		}
		if (("P 0 rss") in med)
			gate("startup peak RSS (0 accounts ÷ empty)", rr("P 0 rss", pe) " " mm("P 0 rss", " MiB", 1024), "≤ 1.15×",
				ratio("P 0 rss", pe) <= 1.15)
		if (("G 10000 growth") in med)
			gate("peak RSS growth per account (10k − 0)", sprintf("%.2f KiB (%.2f–%.2f)", med["G 10000 growth"], lo["G 10000 growth"], hi["G 10000 growth"]),
				"≤ 1 KiB", med["G 10000 growth"] <= 1)
		if (("G 50000 growth") in med)
			row("peak RSS growth per account (50k − 0)", sprintf("%.2f KiB (%.2f–%.2f)", med["G 50000 growth"], lo["G 50000 growth"], hi["G 50000 growth"]),
				"(context)", "INFO")
		if (("D 10000 idle") in med)
			gate("exec → idle, 10k minus 0 (external)", sprintf("+%.0f ms (%+.0f–%+.0f)", med["D 10000 idle"], lo["D 10000 idle"], hi["D 10000 idle"]),
				"≤ +150 ms", med["D 10000 idle"] <= 150)
		if (("P 50000 ready") in med) {
			gate("inventory loaded, 50k (probe)", mm("P 50000 ready", " ms", 1), "≤ 500 ms", med["P 50000 ready"] <= 500)
			gate("startup peak RSS (50k ÷ empty)", rr("P 50000 rss", pe) " " mm("P 50000 rss", " MiB", 1024), "≤ 1.5×",
				ratio("P 50000 rss", pe) <= 1.5)
		}
		# The series, as ratios to the empty window of the same rounds.
		for (i = 0; i < 4; i++) {
			n = i == 0 ? 0 : i == 1 ? 1000 : i == 2 ? 10000 : 50000
			if (!(("P " n " rss") in med)) continue
			name = n == 0 ? "0" : n < 10000 ? n / 1000 "k" : n / 1000 "k"
			row("series " name ": first frame ÷ empty", rr("P " n " first", "P empty first"), mm("P " n " first", " ms", 1), "INFO")
			row("series " name ": inventory loaded", mm("P " n " ready", " ms", 1), "(probe, from exec)", "INFO")
			row("series " name ": load after first frame", mm("L " n " load", " ms", 1), "(probe)", "INFO")
			row("series " name ": peak RSS ÷ empty", rr("P " n " rss", pe), mm("P " n " rss", " MiB", 1024), "INFO")
			row("series " name ": exec → mapped ÷ empty", rr("W " n " mapped", "W empty mapped"), mm("W " n " mapped", " ms", 1), "INFO")
			row("series " name ": exec → idle ÷ empty", rr("W " n " idle", "W empty idle"), mm("W " n " idle", " ms", 1), "INFO")
			row("series " name ": peak RSS (OS) ÷ empty", rr("W " n " rss", we), mm("W " n " rss", " MiB", 1024), "INFO")
		}
		row("empty window (probe / external)", mm("P empty first", " ms", 1) " · " mm("P empty rss", " MiB", 1024),
			mm("W empty idle", " ms idle", 1), "INFO")
		row("empty window + CJK font ÷ empty", sprintf("%.2f× frame, %.2f× memory", ratio("P cjk first", "P empty first"), ratio("P cjk rss", pe)),
			"(context)", "INFO")
		if (kpx == 1) {
			row("KeePassXC 10k entries: exec → idle, RSS", mm("W kpx idle", " ms", 1) " · " mm("W kpx rss", " MiB", 1024),
				"(peer)", "INFO")
			if (("W 10000 idle") in med)
				row("Unbind 10k ÷ KeePassXC 10k (external)", sprintf("%.2f× idle, %.2f× RSS", ratio("W 10000 idle", "W kpx idle"),
					ratio("W 10000 rss", "W kpx rss")), "(peer)", "INFO")
		} else if (kpxfail == 1)
			row("KeePassXC 10k entries", "failed to start (see the log above)", "(peer)", "INFO")
		else
			row("KeePassXC 10k entries", "not measured (UNBIND_STARTUP_PEER=0, or no keepassxc)", "(peer)", "INFO")
	}' "$work/figures.txt"
