#!/usr/bin/env bash
# The "go" that the packaging scripts hand fyne (GO=.ci/fyne-go.sh): it adds
# $UNBIND_XFLAGS (the -X flags of the version line) to the -ldflags of every
# 'go build' fyne runs. fyne.io/tools v1.7.4 reads -ldflags from GOFLAGS
# once and takes them out of the environment, and 'fyne package -os windows'
# builds twice, so the exe it ships would lose them (fyne-io/fyne#4368,
# fyne-io/tools#17).
set -euo pipefail
[ "${1:-}" = build ] || exec go "$@"
args=() found=
while [ $# -gt 0 ]; do
	if [ "$1" = -ldflags ] && [ $# -gt 1 ]; then
		args+=(-ldflags "$2 $UNBIND_XFLAGS") found=1
		shift 2
		continue
	fi
	args+=("$1")
	shift
done
[ -n "$found" ] || args=(build -ldflags "$UNBIND_XFLAGS" "${args[@]:1}")
exec go "${args[@]}"
