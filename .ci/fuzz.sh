#!/usr/bin/env bash
# Runs every Go fuzz target of the repository, each for DURATION (a Go
# duration, or a count of executions such as 10000x: `make test` uses a
# count, `make fuzz` 60s), one after the other.
# Targets are discovered with `go test -list '^Fuzz'`; the committed corpus
# in each package's testdata/fuzz/<Target>/ is replayed first. A crash
# fails the run (after all targets ran) and leaves the failing input in
# testdata/fuzz/<Target>/ to commit as a regression case.
# Usage: .ci/fuzz.sh DURATION [PACKAGE…]   (default packages: ./...)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"
if [ $# -lt 1 ] || ! [[ $1 =~ ^([0-9]+(ns|us|ms|s|m|h))+$|^[0-9]+x$ ]]; then
	echo "usage: .ci/fuzz.sh DURATION [PACKAGE…]  (e.g. .ci/fuzz.sh 5s)" >&2
	exit 2
fi
duration=$1; shift
pkgs=("$@")
[ ${#pkgs[@]} -eq 0 ] && pkgs=(./...)
tags=(-tags ci)

# `go test -list` prints each package's matching names, then "ok  <pkg>".
list=$(mktemp)
trap 'rm -f "$list"' EXIT
if ! go test "${tags[@]}" -list '^Fuzz' "${pkgs[@]}" >"$list" 2>&1; then
	cat "$list" >&2
	echo "fuzz: listing the fuzz targets failed (does everything build?)" >&2
	exit 1
fi
targets=()
names=()
while IFS= read -r line; do
	case $line in
	Fuzz*) names+=("$line") ;;
	ok*)
		pkg=$(awk '{print $2}' <<<"$line")
		for n in "${names[@]}"; do targets+=("$pkg $n"); done
		names=()
		;;
	*) names=() ;;
	esac
done <"$list"
if [ ${#targets[@]} -eq 0 ]; then
	echo "fuzz: no fuzz targets found in ${pkgs[*]}" >&2
	exit 1
fi

echo "fuzz: ${#targets[@]} targets, $duration each"
failed=()
flaked=()
start=$SECONDS
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	echo "fuzz: $name ($pkg)"
	if ! go test "${tags[@]}" -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" "$pkg" >"$list" 2>&1; then
		cat "$list"
		# Go's fuzz coordinator can report a bare "context deadline
		# exceeded" when a duration -fuzztime ends while a worker is busy
		# (golang/go#75804, unfixed in Go 1.26): no input is written and
		# nothing reproduces. A real finding always writes its input.
		if grep -q 'context deadline exceeded' "$list" && ! grep -q 'Failing input written' "$list"; then
			flaked+=("$name ($pkg)")
		else
			failed+=("$name ($pkg)")
		fi
	fi
done
echo "fuzz: done in $((SECONDS - start))s"
if [ ${#flaked[@]} -gt 0 ]; then
	printf 'fuzz: warning: %s stopped with the fuzz coordinator'"'"'s deadline race (golang/go#75804), no failing input\n' "${flaked[@]}" >&2
fi
if [ ${#failed[@]} -gt 0 ]; then
	printf 'fuzz: FAILED: %s\n' "${failed[@]}" >&2
	echo "fuzz: the crashing inputs are in the packages' testdata/fuzz/<Target>/; fix the bug and commit them" >&2
	exit 1
fi
echo "fuzz: all ${#targets[@]} targets passed"
