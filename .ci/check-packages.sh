#!/usr/bin/env bash
# Checks the packages .ci/package.sh wrote (make test-package): the .deb
# (contents, Depends against the binary, lintian, the .desktop file, the
# AppStream metainfo, the icons, install, run and purge), the tarball
# (install.sh into a scratch PREFIX) and the Windows MSI and zip
# (.ci/check-windows.sh). Each check prints "ok: …" or stops with
# "check-packages: …" and exit 1. Usage: .ci/check-packages.sh [DIST]
set -euo pipefail
. "$(dirname "$0")/package-lib.sh"
dist=$(realpath "${1:-dist}")
fail() { echo "check-packages: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
skip() { echo "skip: $*"; }
tmp=$(mktemp -d)
# The Wine checks leave a wineserver for their prefix in $tmp: end it (only
# that prefix's) before removing the folder.
wineserver=
cleanup() {
	if [ -n "$wineserver" ]; then "$wineserver" -k 2>/dev/null || true; "$wineserver" -w 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# no_build_paths DIR: no file holds this checkout's path, the Go module
# cache's, or the git author's address (-trimpath, and nothing personal).
no_build_paths() {
	local needle email
	email=$(git config user.email 2>/dev/null || true)
	for needle in "$ROOT/" "$(go env GOMODCACHE)/" ${email:+"$email"}; do
		if grep -rlaF -- "$needle" "$1" | grep .; then fail "$2 holds '$needle'"; fi
	done
}

# --- the .deb ---------------------------------------------------------
deb=$dist/unbind_${VERSION}_$DEB_ARCH.deb
[ -f "$deb" ] || fail "$deb is missing; run .ci/package.sh"
contents=$(dpkg-deb -c "$deb") || fail "dpkg-deb -c cannot read $deb"
want_files=(usr/bin/unbind usr/bin/unbindctl "usr/share/applications/$APP_ID.desktop"
	"usr/share/metainfo/$APP_ID.metainfo.xml" usr/share/man/man1/unbind.1.gz usr/share/man/man1/unbindctl.1.gz
	usr/share/doc/unbind/copyright usr/share/doc/unbind/changelog.gz usr/share/lintian/overrides/unbind)
. .ci/package-linux.sh # ICON_SIZES
for s in $ICON_SIZES; do want_files+=("usr/share/icons/hicolor/${s}x$s/apps/$APP_ID.png"); done
for f in "${want_files[@]}"; do
	grep -q " \./$f\$" <<<"$contents" || fail "dpkg-deb -c: $f is not in the package"
done
bad=$(awk '$2 != "root/root" {print $6}' <<<"$contents")
[ -z "$bad" ] || fail "dpkg-deb -c: not owned by root/root: $bad"
bad=$(awk '$6 !~ /^\.\/(usr\/.*)?$/ {print $6}' <<<"$contents")
[ -z "$bad" ] || fail "dpkg-deb -c: outside /usr: $bad"
ok "dpkg-deb -c: $(grep -c '^-' <<<"$contents") files, ${#want_files[@]} expected ones present, all root/root under /usr"

for f in Package:unbind "Version:$VERSION" "Architecture:$DEB_ARCH" "Suggests:gnome-keyring | keepassxc"; do
	[ "$(dpkg-deb -f "$deb" "${f%%:*}")" = "${f#*:}" ] || fail "control: ${f%%:*} is not '${f#*:}'"
done
depends=$(dpkg-deb -f "$deb" Depends)
ok "control: Depends: $depends"

x=$tmp/deb
dpkg-deb -x "$deb" "$x"
no_build_paths "$x" "the .deb"

# Every library the GUI needs must come from a package in Depends: the
# ELF NEEDED entries, and the sonames GLFW opens with dlopen (strings in
# the binary), but for those it only tries or that come with others.
# (GL alternatives to the libGL.so.1 it links; Vulkan, unused by Fyne;
#  X11-xcb only for Vulkan surfaces; Xrender comes with libxcursor1.)
optional=(libEGL.so.1 libGL.so libGLES_CM.so.1 libGLESv1_CM.so.1 libGLESv2.so.2 libGLX.so.0 libOSMesa.so.6
	libOSMesa.so.8 libOpenGL.so.0 libvulkan.so.1 libX11-xcb.so.1 libXrender.so.1)
optional_dlopen=" ${optional[*]} "
needed=$(objdump -p "$x/usr/bin/unbind" | awk '$1 == "NEEDED" {print $2}')
dlopen=$(strings "$x/usr/bin/unbind" | grep -E '^lib[A-Za-z0-9_-]+\.so(\.[0-9]+)*$' | sort -u)
[ -n "$needed" ] || fail "objdump -p shows no NEEDED library in usr/bin/unbind"
dep_names=" $(sed -E 's/ *\([^)]*\)//g; s/ *\| */ /g; s/, */ /g' <<<"$depends") "
libs=$(ldconfig -p)
n=0
for so in $(printf '%s\n' $needed $dlopen | sort -u); do
	[[ $optional_dlopen == *" $so "* ]] && continue
	path=$(awk -v so="$so" '$1 == so && $0 ~ /x86-64|64bit|AArch64/ {print $NF}' <<<"$libs" | sed -n 1p)
	[ -n "$path" ] || fail "$so (needed by usr/bin/unbind) is not installed here, so its package is unknown"
	pkg=$(dpkg -S "$(realpath "$path")" 2>/dev/null | sed -n '1s/:.*//p') || true
	[ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | sed -n '1s/:.*//p') || true
	[ -n "$pkg" ] || fail "no package owns $path ($so)"
	[[ $dep_names == *" $pkg "* ]] || fail "usr/bin/unbind needs $so from $pkg, which Depends does not name"
	n=$((n + 1))
done
ok "Depends covers the $n libraries usr/bin/unbind links or opens ($(echo $needed | tr ' ' ','); dlopen: $(comm -23 <(echo "$dlopen") <(tr ' ' '\n' <<<"$optional_dlopen" | sort) | grep -vxF -f <(echo "$needed") | tr '\n' ',' | sed 's/,$//'))"

# lintian: no error and no warning. The package's one override (a static
# unbindctl, on purpose) is in packaging/debian/lintian-overrides.
# The info notes left: a .comment section (from GCC, in the cgo objects)
# and "spelling errors" in strings of Go's and Fyne's libraries.
lint=$(lintian --fail-on error,warning --display-info --pedantic "$deb" 2>&1) ||
	fail "lintian: $(grep -E '^[EW]:' <<<"$lint" | head -n3 | tr '\n' ' ')"
ok "lintian --fail-on error,warning --display-info --pedantic: no error, no warning, $(grep -cE '^[IP]:' <<<"$lint" || true) info notes"

desktop=$x/usr/share/applications/$APP_ID.desktop
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate: $out"
grep -qx "Icon=$APP_ID" "$desktop" && grep -qx "Exec=unbind" "$desktop" || fail "$APP_ID.desktop: Exec or Icon is wrong"
ok "desktop-file-validate $APP_ID.desktop: no error, no warning"

meta=$x/usr/share/metainfo/$APP_ID.metainfo.xml
out=$(appstreamcli validate --no-net --pedantic "$meta" 2>&1) || fail "appstreamcli validate: $(tr '\n' ' ' <<<"$out")"
grep -q "<release version=\"$VERSION\" date=\"$DATE\"" "$meta" || fail "metainfo: no release $VERSION ($DATE)"
grep -q "<launchable type=\"desktop-id\">$APP_ID.desktop</launchable>" "$meta" || fail "metainfo: launchable is not $APP_ID.desktop"
shots=$(grep -o 'https://github.com/unbindapp/unbind/raw/main/docs/screenshots/[^<]*' "$meta")
[ -n "$shots" ] || fail "metainfo: no screenshot"
for u in $shots; do [ -f "docs/screenshots/${u##*/}" ] || fail "metainfo: screenshot ${u##*/} is not in docs/screenshots/"; done
ok "appstreamcli validate --no-net: $(tail -n1 <<<"$out" | sed 's/^[^A-Za-z]*//'); $(wc -w <<<"$shots") screenshots in docs/screenshots/"

for s in $ICON_SIZES; do
	got=$(identify -format '%m %wx%h' "$x/usr/share/icons/hicolor/${s}x$s/apps/$APP_ID.png") || fail "identify: ${s}x$s icon unreadable"
	[ "$got" = "PNG ${s}x$s" ] || fail "hicolor ${s}x$s icon is '$got'"
done
ok "hicolor icons: $(echo $ICON_SIZES | sed 's/\([0-9]*\)/\1x\1/g') PNG"

for page in unbind unbindctl; do
	out=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$x/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null) || true
	[ -z "$out" ] || fail "man page $page.1: $out"
done
ok "man pages: unbind.1 and unbindctl.1 without groff warnings"

# Install, run from /usr/bin, purge: CI runs as root on a scratch machine.
# A real installation of unbind (one not made by this check) is left alone.
if [ "$(id -u)" -ne 0 ]; then
	skip "dpkg -i: not root"
elif [ "$(dpkg-query -W -f='${Status}' unbind 2>/dev/null)" = "install ok installed" ]; then
	skip "dpkg -i: a package 'unbind' is installed already here, and this check will not replace it"
else
	dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1 || { dpkg -P unbind >/dev/null 2>&1 || true; fail "dpkg -i: $(tail -n2 "$tmp/dpkg.log" | tr '\n' ' ')"; }
	gui=$(env -u DISPLAY -u WAYLAND_DISPLAY HOME="$tmp/home" /usr/bin/unbind --version 2>/dev/null) || true
	cli=$(HOME="$tmp/home" /usr/bin/unbindctl version 2>/dev/null) || true
	dpkg -P unbind >"$tmp/dpkg.log" 2>&1 || fail "dpkg -P unbind: $(tail -n2 "$tmp/dpkg.log" | tr '\n' ' ')"
	[ "$gui" = "$VERSION_LINE" ] || fail "/usr/bin/unbind --version printed '$gui', want '$VERSION_LINE'"
	[ "$cli" = "$VERSION_LINE" ] || fail "/usr/bin/unbindctl version printed '$cli', want '$VERSION_LINE'"
	[ ! -e /usr/bin/unbind ] && [ ! -e "/usr/share/applications/$APP_ID.desktop" ] || fail "dpkg -P left files behind"
	[ ! -e "$tmp/home/.config/Unbind" ] || fail "printing the version created a data folder"
	ok "dpkg -i, then /usr/bin/unbind --version and /usr/bin/unbindctl version: '$VERSION_LINE'; dpkg -P removed it"
fi

# --- the tarball --------------------------------------------------------
tarball=$dist/unbind-$VERSION-linux-$DEB_ARCH.tar.gz
[ -f "$tarball" ] || fail "$tarball is missing; run .ci/package.sh"
list=$(tar -tzf "$tarball") || fail "tar cannot read $tarball"
for f in install.sh bin/unbind bin/unbindctl "share/applications/$APP_ID.desktop" "share/metainfo/$APP_ID.metainfo.xml" \
	"share/icons/hicolor/512x512/apps/$APP_ID.png" share/doc/unbind/README.md share/doc/unbind/LICENSE-Apache-2.0 \
	share/doc/unbind/HOLIDAY-DATA-LICENSE share/doc/unbind/FONT-NOTICE.md; do
	grep -qx "unbind-$VERSION/$f" <<<"$list" || fail "tarball: unbind-$VERSION/$f is missing"
done
tar -C "$tmp" -xzf "$tarball"
no_build_paths "$tmp/unbind-$VERSION" "the tarball"
PREFIX=$tmp/prefix "$tmp/unbind-$VERSION/install.sh" >/dev/null || fail "tarball: install.sh failed"
cli=$("$tmp/prefix/bin/unbindctl" version) || fail "tarball: installed unbindctl version failed"
[ "$cli" = "$VERSION_LINE" ] || fail "tarball: unbindctl version printed '$cli'"
grep -qx "Exec=$tmp/prefix/bin/unbind" "$tmp/prefix/share/applications/$APP_ID.desktop" || fail "tarball: install.sh did not point Exec= at PREFIX/bin"
ok "tarball: $(wc -l <<<"$list") entries; install.sh into a scratch PREFIX; its unbindctl version: '$cli'"

# --- Windows ------------------------------------------------------------
. .ci/check-windows.sh
echo "check-packages: all passed"
