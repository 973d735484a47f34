#!/usr/bin/env bash
# Builds Unbind's packages into $DIST (default dist/). FyneApp.toml (at the
# root) supplies the name, ID, version and icon of every one:
#   tar      unbind-VERSION-linux-ARCH.tar.gz (any distribution; install.sh)
#   deb      unbind_VERSION_ARCH.deb
#   windows  unbind-VERSION-windows-amd64.msi and -portable.zip
# Usage: .ci/package.sh [tar] [deb] [windows]   (none: all three)
# The GUIs come from fyne (fyne.io/tools, pinned in the Makefile), the CLIs
# from go build without cgo; both print VERSION_LINE (.ci/package-lib.sh).
set -euo pipefail
. "$(dirname "$0")/package-lib.sh"
. .ci/package-linux.sh
. .ci/package-windows.sh

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tar deb windows)
want() { local t; for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }
for t in "${targets[@]}"; do
	case $t in tar | deb | windows) ;; *) die "unknown target $t (tar, deb, windows)" ;; esac
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

if want windows; then
	build_gui_windows "$stage/src" "$stage/bin"
	build_cli windows amd64 "$stage/bin/unbindctl.exe"
	windows_tree "$stage/windows" "$stage/bin/$NAME.exe" "$stage/bin/unbindctl.exe"
	make_msi "$stage/windows" "$dist/unbind-$VERSION-windows-amd64.msi"
	make_zip "$stage/windows" "$dist/unbind-$VERSION-windows-amd64-portable.zip"
	echo "$dist/unbind-$VERSION-windows-amd64.msi"
	echo "$dist/unbind-$VERSION-windows-amd64-portable.zip"
fi
