#!/usr/bin/env bash
# make package-darwin, on a Mac: Unbind.app from 'fyne package -os darwin
# --release' (FyneApp.toml's name, ID, version and icon) and unbindctl,
# zipped into dist/unbind-VERSION-macos-ARCH.zip, after checking that the
# app's Info.plist is valid and both binaries print the version line.
# .github/workflows/macos.yml runs it on a macOS runner. The app is not
# signed with a Developer ID nor notarised: Gatekeeper asks once (README).
set -euo pipefail
[ "$(uname -s)" = Darwin ] || {
	echo "package-darwin: needs macOS (fyne package -os darwin links against Apple's SDK with cgo); this is $(uname -s). Run it on a Mac or let .github/workflows/macos.yml build it." >&2
	exit 1
}
. "$(dirname "$0")/package-lib.sh"
need_fyne
arch=$(go env GOARCH)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
stage_source "$stage/src"
(cd "$stage/src/cmd/unbind" && fyne_env fyne package -os darwin --release) || die "fyne package -os darwin failed"
app=$stage/src/cmd/unbind/$NAME.app
[ -d "$app" ] || die "fyne package made no $NAME.app"
plutil -lint "$app/Contents/Info.plist" >/dev/null || die "$NAME.app: Info.plist is not valid"
short=$(plutil -extract CFBundleShortVersionString raw "$app/Contents/Info.plist")
[ "$short" = "$VERSION" ] || die "$NAME.app: CFBundleShortVersionString is '$short', want $VERSION"
gui=$("$app/Contents/MacOS/unbind" --version 2>/dev/null) || true
[ "$gui" = "$VERSION_LINE" ] || die "$NAME.app --version printed '$gui', want '$VERSION_LINE'"
mkdir -p "$stage/out/$NAME-$VERSION" dist
mv "$app" "$stage/out/$NAME-$VERSION/"
build_cli darwin "$arch" "$stage/out/$NAME-$VERSION/unbindctl"
cli=$("$stage/out/$NAME-$VERSION/unbindctl" version)
[ "$cli" = "$VERSION_LINE" ] || die "unbindctl version printed '$cli', want '$VERSION_LINE'"
cp assets/fonts/README.md "$stage/out/$NAME-$VERSION/FONT-NOTICE.md"
cp assets/fonts/LICENSE-Apache-2.0 "$stage/out/$NAME-$VERSION/"
cp assets/holidays/LICENSE "$stage/out/$NAME-$VERSION/HOLIDAY-DATA-LICENSE"
out=dist/unbind-$VERSION-macos-$arch.zip
rm -f "$out"
(cd "$stage/out" && ditto -c -k --keepParent "$NAME-$VERSION" "$ROOT/$out") || die "ditto could not zip $NAME.app"
echo "ok: $NAME.app (Info.plist valid, version $VERSION) and unbindctl print '$VERSION_LINE'"
echo "$out"
