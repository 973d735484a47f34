#!/usr/bin/env bash
# Robustness suite of issue 8: whole unbindctl processes against real data
# folders (cmd/unbindctl/*_stress_test.go).
#
#   .ci/stress.sh full    make stress: 100 kill -9s, 60 s of concurrency
#   .ci/stress.sh short   inside make test: 12 kills, 10 s (about 2 minutes)
#
# crash        kill -9 of unbindctl during imports of 20k–50k Chrome entries,
#              account adds, status changes and secret writes; after each:
#              PRAGMA integrity_check, history = accounts, import all or
#              nothing, the CLI still works
# concurrency  the store in-process (as the GUI) + two unbindctl loops:
#              0 errors, 0 lost updates
# faults       newer schema, truncated file, read-only folder (ro bind
#              mount), disk full (2 MiB tmpfs); keyring absent, hanging and
#              locked (each in its own D-Bus session, .ci/with-keyring.sh)
# secrets      distinctive secrets in gnome-keyring, then a scan of every
#              file the suite left (data, WAL, backups, exports, logs)
#
# Prints a one-screen summary (check, figure, target, PASS/FAIL) and exits
# non-zero if anything failed. The mounts need root; without it those two
# checks are skipped and say so. UNBIND_STRESS_KEEP=1 keeps the folder.
set -uo pipefail
mode=${1:-short}
case "$mode" in short | full) ;; *) echo "usage: $0 short|full" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"

root=$(mktemp -d /tmp/unbind-stress.XXXXXX)
summary=$root/summary.tsv
logs=$root/logs
mkdir -p "$logs"
: >"$summary"
export UNBIND_STRESS=$mode UNBIND_STRESS_DIR=$root UNBIND_STRESS_SUMMARY=$summary
UNBIND_STRESS_SECRET=UNBIND-TEST-SECRET-$(od -An -tx1 -N8 /dev/urandom | tr -d ' \n')
export UNBIND_STRESS_SECRET

# Mounts a test left behind when it was killed (its own, by name).
unmount_leftovers() {
	command -v findmnt >/dev/null || return 0
	findmnt -rn -o TARGET | grep -E '/TestStressFaults[^/]*/' | sort -r | while read -r m; do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
	done
}
trap unmount_leftovers EXIT

start=$(date +%s)
pkg=./cmd/unbindctl/
gotest=(go test -count=1 -v -timeout 45m)

# step NAME COMMAND…: runs a go test, logging into the scanned folder; a
# failing run gets its own FAIL line even if a test died before reporting.
step() {
	local name=$1
	shift
	local log=$logs/$name.log
	printf '%-16s' "$name"
	local t0=$(date +%s)
	"$@" >"$log" 2>&1
	local rc=$?
	echo " $(($(date +%s) - t0)) s, exit $rc"
	if [ $rc -ne 0 ]; then
		printf 'go test: %s\texit %d\texit 0\tFAIL\n' "$name" "$rc" >>"$summary"
		grep -E -e '--- FAIL|^\s+\S+_test\.go:[0-9]+: ' "$log" | grep -v 'summary: ' | head -n 15
	fi
}

echo "stress ($mode): building and running; logs in $logs"
step main .ci/with-keyring.sh secret-service "${gotest[@]}" \
	-run '^TestStress(Crash|Concurrency|Faults|SecretsAndExports)$' "$pkg"
step keyring-none .ci/with-keyring.sh none "${gotest[@]}" -run '^TestStressKeyringAbsent$' "$pkg"
step keyring-hanging .ci/with-keyring.sh hanging "${gotest[@]}" -run '^TestStressKeyringHanging$' "$pkg"
# Last, over everything the others left behind, their logs included.
step secret-scan "${gotest[@]}" -run '^TestStressScanSecrets$' "$pkg"

# Checks that must be in the table; a missing one means a test died early.
for want in "crash: kill -9" "crash: integrity_check" "crash: imports all or nothing" \
	"concurrency: errors" "concurrency: lost updates" "fault: newer schema" "fault: truncated" \
	"fault: read-only" "fault: disk full" "keyring absent" "keyring hanging" "keyring locked" \
	"secrets: keyring round trip" "secrets: scan"; do
	grep -q "^$want" "$summary" || printf '%s\tno result (see %s)\treported\tFAIL\n' "$want" "$logs" >>"$summary"
done

echo
echo "Unbind stress summary ($mode, $(( $(date +%s) - start )) s, $(nproc) cores)"
# Padded by characters, not bytes (messages hold … and ≤).
export LC_ALL=C.UTF-8
cell() { # cell TEXT WIDTH
	local s=$1 n=$2
	((${#s} > n)) && s="${s:0:n-1}…"
	printf '%s%*s ' "$s" $((n - ${#s})) ''
}
{
	cell CHECK 42; cell FIGURE 72; cell TARGET 32; echo RESULT
	printf '%154s\n' '' | tr ' ' '-'
	while IFS=$'\t' read -r check figure target result; do
		cell "$check" 42; cell "$figure" 72; cell "$target" 32; echo "$result"
	done <"$summary"
}

fails=$(grep -c $'\tFAIL$' "$summary")
if [ "$fails" -gt 0 ]; then
	echo "stress: $fails check(s) FAILED; everything is kept in $root"
	exit 1
fi
echo "stress: all passed"
if [ -z "${UNBIND_STRESS_KEEP:-}" ]; then rm -rf "$root"; else echo "kept: $root"; fi
