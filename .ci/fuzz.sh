#!/usr/bin/env bash
# Runs every Go fuzz target of the repository, each for DURATION (a Go
# duration: 5s in `make test`, 60s in `make fuzz`), one after the other.
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
start=$SECONDS
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	echo "fuzz: $name ($pkg)"
	if ! go test "${tags[@]}" -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" "$pkg" >"$list" 2>&1; then
		cat "$list"
		failed+=("$name ($pkg)")
	fi
done
echo "fuzz: done in $((SECONDS - start))s"
if [ ${#failed[@]} -gt 0 ]; then
	printf 'fuzz: FAILED: %s\n' "${failed[@]}" >&2
	echo "fuzz: the crashing inputs are in the packages' testdata/fuzz/<Target>/; fix the bug and commit them" >&2
	exit 1
fi
echo "fuzz: all ${#targets[@]} targets passed"
