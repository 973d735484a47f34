#!/usr/bin/env bash
# Builds Unbind's packages into $DIST (default dist/). FyneApp.toml (at the
# root) supplies the name, ID, version and icon of every one:
#   tar      unbind-VERSION-linux-ARCH.tar.gz (any distribution; install.sh)
#   deb      unbind_VERSION_ARCH.deb
# Usage: .ci/package.sh [tar] [deb]   (none: both)
# The GUIs come from fyne (fyne.io/tools, pinned in the Makefile), the CLIs
# from go build without cgo; both print VERSION_LINE (.ci/package-lib.sh).
set -euo pipefail
. "$(dirname "$0")/package-lib.sh"
. .ci/package-linux.sh

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tar deb)
want() { local t; for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }
for t in "${targets[@]}"; do
	case $t in tar | deb) ;; *) die "unknown target $t (tar, deb)" ;; esac
done
need_fyne

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
stage_source "$stage/src"
dist=${DIST:-dist}
mkdir -p "$dist" "$stage/bin"

if want tar || want deb; then
	build_gui_linux "$stage/src" "$stage/bin/unbind"
	build_cli linux "$DEB_ARCH" "$stage/bin/unbindctl"
	linux_tree "$stage/linux" "$stage/bin/unbind" "$stage/bin/unbindctl"
	if want deb; then
		cp -a "$stage/linux" "$stage/deb"
		make_deb "$stage/deb" "$dist/unbind_${VERSION}_$DEB_ARCH.deb"
		echo "$dist/unbind_${VERSION}_$DEB_ARCH.deb"
	fi
	if want tar; then
		make_tarball "$stage/linux" "$dist/unbind-$VERSION-linux-$DEB_ARCH.tar.gz"
		echo "$dist/unbind-$VERSION-linux-$DEB_ARCH.tar.gz"
	fi
fi
