#!/usr/bin/env bash
# Builds a Linux tarball: both binaries, a .desktop file, the icon and the
# licences of what Unbind bundles. FyneApp.toml (at the root) supplies the
# name, ID and version.
set -euo pipefail
cd "$(dirname "$0")/.."
field() { sed -n "s/^ *$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml | head -n1; }
name=$(field Name); id=$(field ID); version=$(field Version)
[ -n "$id" ] && [ -n "$version" ] || { echo "package: FyneApp.toml needs ID and Version" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/unbind-$version"
mkdir -p "$root/bin" "$root/share/applications" "$root/share/icons/hicolor/512x512/apps" "$root/share/doc/unbind"
go build -trimpath -ldflags "-s -w" -o "$root/bin/unbind" ./cmd/unbind
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$root/bin/unbindctl" ./cmd/unbindctl
cp assets/icon.png "$root/share/icons/hicolor/512x512/apps/$id.png"
cat > "$root/share/applications/$id.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=$name
Name[zh_CN]=解绑助手
GenericName=Account deactivation assistant
Comment=Track and close your shopping-platform accounts, privately
Comment[zh_CN]=管理并注销购物平台账号，本地运行，不联网
Exec=unbind
Icon=$id
Categories=Utility;Security;
Keywords=privacy;account;unbind;deactivate;注销;解绑;
StartupWMClass=$name
DESKTOP
cp README.md "$root/share/doc/unbind/"
cp assets/fonts/README.md "$root/share/doc/unbind/FONT-NOTICE.md"
cp assets/fonts/LICENSE-Apache-2.0 "$root/share/doc/unbind/"
[ -f assets/holidays/LICENSE ] && cp assets/holidays/LICENSE "$root/share/doc/unbind/HOLIDAY-DATA-LICENSE"
cat > "$root/install.sh" <<'INSTALL'
#!/bin/sh
# Installs into PREFIX (default ~/.local): binaries, menu entry and icon.
set -e
PREFIX=${PREFIX:-$HOME/.local}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$PREFIX/bin" "$PREFIX/share"
cp "$here/bin/unbind" "$here/bin/unbindctl" "$PREFIX/bin/"
cp -r "$here/share/." "$PREFIX/share/"
echo "Unbind installed in $PREFIX"
INSTALL
chmod +x "$root/install.sh"
mkdir -p dist
out="dist/unbind-$version-linux-$(go env GOARCH).tar.gz"
tar -C "$stage" -czf "$out" "unbind-$version"
echo "$out"
