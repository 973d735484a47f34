#!/usr/bin/env bash
# Startup probe (issue 8): Unbind with 10,000 accounts against an empty Fyne
# window, both cgo builds with the same flags, measured by the same code
# (ui/startupprobe) under Xvfb. Prints the runs, then one line per figure in
# the form FIGURE<TAB>VALUE<TAB>TARGET<TAB>PASS|FAIL for .ci/bench.sh.
# Targets: first frame ≤ 1.3× the empty window, peak memory ≤ 1.5×.
# UNBIND_STARTUP_RUNS (default 5): runs of each, alternating; medians count.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH" LANG=en_US.UTF-8 LC_ALL=C.UTF-8
runs=${UNBIND_STARTUP_RUNS:-5}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

go build -o "$work/unbind" ./cmd/unbind
go build -o "$work/emptywindow" ./cmd/emptywindow
CGO_ENABLED=0 go build -o "$work/unbindctl" ./cmd/unbindctl
"$work/unbindctl" --data-dir "$work/data" demo --synthetic 10000 >/dev/null

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
export DISPLAY=$display

# measure BIN ARGS…: one run, printing "first ready peak_kb".
measure() {
	local line
	line=$(UNBIND_PROBE_T0=$(date +%s%N) timeout 120 dbus-run-session --config-file=.ci/dbus-no-services.conf -- "$@" 2>>"$work/log" | grep '^first_frame_ms=' || true)
	[ -n "$line" ] || { echo "startup: no measurement from $1; its log:" >&2; tail -20 "$work/log" >&2; exit 1; }
	echo "$line" | sed -E 's/first_frame_ms=([0-9.]+) ready_ms=([0-9.]+) peak_rss_kb=([0-9]+)/\1 \2 \3/'
}

# The first start of each warms the disk cache and Fyne's caches: not counted.
measure "$work/emptywindow" >/dev/null
measure "$work/unbind" --data-dir "$work/data" --measure-startup >/dev/null
: >"$work/empty.txt"; : >"$work/unbind.txt"; : >"$work/cjk.txt"
for i in $(seq "$runs"); do
	measure "$work/emptywindow" >>"$work/empty.txt"
	measure "$work/unbind" --data-dir "$work/data" --measure-startup >>"$work/unbind.txt"
	measure "$work/emptywindow" --cjk-font >>"$work/cjk.txt"
done
echo "startup runs (first frame ms, ready ms, peak RSS KiB):" >&2
paste -d'|' "$work/empty.txt" "$work/unbind.txt" "$work/cjk.txt" | sed 's/^/  empty window | Unbind 10k | empty window + CJK font: /' >&2

median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ef=$(cut -d' ' -f1 "$work/empty.txt" | median); em=$(cut -d' ' -f3 "$work/empty.txt" | median)
uf=$(cut -d' ' -f1 "$work/unbind.txt" | median); ur=$(cut -d' ' -f2 "$work/unbind.txt" | median)
um=$(cut -d' ' -f3 "$work/unbind.txt" | median)
cf=$(cut -d' ' -f1 "$work/cjk.txt" | median); cm=$(cut -d' ' -f3 "$work/cjk.txt" | median)

awk -v ef="$ef" -v uf="$uf" -v em="$em" -v um="$um" -v ur="$ur" -v cf="$cf" -v cm="$cm" 'BEGIN {
	rf = uf / ef; rm = um / em
	printf "startup first frame (10k ÷ empty)\t%.2f× (%.0f ms ÷ %.0f ms)\t≤ 1.3×\t%s\n", rf, uf, ef, rf <= 1.3 ? "PASS" : "FAIL"
	printf "startup peak memory (10k ÷ empty)\t%.2f× (%.0f MiB ÷ %.0f MiB)\t≤ 1.5×\t%s\n", rm, um / 1024, em / 1024, rm <= 1.5 ? "PASS" : "FAIL"
	printf "startup inventory loaded (10k)\t%.0f ms\t(no target)\tINFO\n", ur
	# How much of the gap the mandatory CJK font alone makes: the empty
	# window with the same font, against the plain one.
	printf "startup empty window + CJK font ÷ empty\t%.2f× frame, %.2f× memory\t(context)\tINFO\n", cf / ef, cm / em
}'
