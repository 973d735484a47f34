# Sourced by .ci/package.sh: the Linux tree (binaries, .desktop, AppStream
# metainfo, hicolor icons, man pages, licences), and from it the .deb and
# the tarball for other distributions.
# shellcheck shell=bash

ICON_SIZES="16 22 24 32 48 64 128 256 512"

# linux_tree DIR GUI CLI: DIR/usr/… as the .deb installs it.
linux_tree() {
	local root=$1 usr=$1/usr
	install -d -m 0755 "$usr/bin" "$usr/share/applications" "$usr/share/metainfo" \
		"$usr/share/man/man1" "$usr/share/doc/unbind"
	install -m 0755 "$2" "$usr/bin/unbind"
	install -m 0755 "$3" "$usr/bin/unbindctl"
	subst packaging/linux/unbind.desktop.in >"$usr/share/applications/$APP_ID.desktop"
	subst packaging/linux/unbind.metainfo.xml.in >"$usr/share/metainfo/$APP_ID.metainfo.xml"
	command -v convert >/dev/null || die "convert not found (Debian: imagemagick)"
	local s dir
	for s in $ICON_SIZES; do
		dir=$usr/share/icons/hicolor/${s}x${s}/apps
		install -d -m 0755 "$dir"
		# -strip: no timestamps or tool names in the PNGs.
		convert assets/icon.png -resize "${s}x${s}" -strip "PNG32:$dir/$APP_ID.png" ||
			die "convert could not make the ${s}x${s} icon"
	done
	local page
	for page in unbind unbindctl; do
		sed "s/^\.TH \([A-Z]*\) 1 \"\"/.TH \1 1 \"$DATE\" \"Unbind $VERSION\"/" "packaging/linux/$page.1" |
			gzip -9n >"$usr/share/man/man1/$page.1.gz"
	done
	cp assets/fonts/README.md "$usr/share/doc/unbind/FONT-NOTICE.md"
	cp packaging/debian/copyright "$usr/share/doc/unbind/copyright"
	install -d -m 0755 "$usr/share/lintian/overrides"
	cp packaging/debian/lintian-overrides "$usr/share/lintian/overrides/unbind"
	find "$root" -type d -exec chmod 0755 {} + -o -type f ! -perm -u+x -exec chmod 0644 {} +
}

# make_deb TREE OUT: the .deb. Depends is what dpkg-shlibdeps finds, plus
# the libraries GLFW opens with dlopen (listed in packaging/debian/control.in;
# .ci/check-packages.sh checks both against the binary).
make_deb() {
	local root=$1 out=$2 tmp shlibs size
	tmp=$(mktemp -d)
	mkdir -p "$tmp/debian"
	printf 'Source: unbind\n\nPackage: unbind\nArchitecture: any\n' >"$tmp/debian/control"
	shlibs=$(cd "$tmp" && dpkg-shlibdeps -O -e"$root/usr/bin/unbind" 2>/dev/null) ||
		die "dpkg-shlibdeps failed on usr/bin/unbind (Debian: dpkg-dev)"
	rm -rf "$tmp"
	shlibs=${shlibs#shlibs:Depends=}
	[ -n "$shlibs" ] || die "dpkg-shlibdeps found no libraries for usr/bin/unbind"
	subst packaging/debian/changelog.in | sed -e "s|@COMMIT@|${COMMIT:-unknown}|" \
		-e "s|@RFC2822@|$(utc_date "$EPOCH" -R)|" |
		gzip -9n >"$root/usr/share/doc/unbind/changelog.gz"
	chmod 0644 "$root/usr/share/doc/unbind/changelog.gz"
	install -d -m 0755 "$root/DEBIAN"
	size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
	subst packaging/debian/control.in | sed -e "s|@ARCH@|$DEB_ARCH|" -e "s|@SIZE@|$size|" \
		-e "s|@SHLIBS@|$shlibs|" >"$root/DEBIAN/control"
	(cd "$root" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
	chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
	# xz at level 2: 1.5 MB more than the default 6, in a third of its 33 s.
	SOURCE_DATE_EPOCH=$EPOCH dpkg-deb --build --root-owner-group -Zxz -z2 "$root" "$out" >/dev/null ||
		die "dpkg-deb --build failed"
}

# make_tarball TREE OUT: unbind-VERSION/{bin,share,install.sh}, for
# distributions without dpkg; install.sh copies it into ~/.local.
make_tarball() {
	local tmp top
	tmp=$(mktemp -d)
	top=$tmp/unbind-$VERSION
	mkdir -p "$top"
	cp -a "$1/usr/bin" "$1/usr/share" "$top/"
	rm -rf "$top/share/lintian" # the .deb's lintian override
	cp README.md "$top/share/doc/unbind/"
	cp assets/fonts/LICENSE-Apache-2.0 "$top/share/doc/unbind/"
	cp assets/holidays/LICENSE "$top/share/doc/unbind/HOLIDAY-DATA-LICENSE"
	cat >"$top/install.sh" <<'INSTALL'
#!/bin/sh
# Installs Unbind into PREFIX (default ~/.local): both binaries, the menu
# entry, the icons, the AppStream metadata and the man pages. Your data
# folder (~/.config/Unbind) is not part of it and is never touched.
set -e
PREFIX=${PREFIX:-$HOME/.local}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$PREFIX/bin" "$PREFIX/share"
cp "$here/bin/unbind" "$here/bin/unbindctl" "$PREFIX/bin/"
cp -r "$here/share/." "$PREFIX/share/"
# The menu entry starts this copy even when PREFIX/bin is not on PATH.
for f in "$PREFIX"/share/applications/*.desktop; do
	sed -i "s|^Exec=unbind|Exec=$PREFIX/bin/unbind|" "$f"
done
echo "Unbind installed in $PREFIX"
INSTALL
	chmod 0755 "$top/install.sh"
	find "$top" -type d -exec chmod 0755 {} +
	tar -C "$tmp" --owner=0 --group=0 --numeric-owner --sort=name --mtime="@$EPOCH" \
		-czf "$2" "unbind-$VERSION" || die "tar failed"
	rm -rf "$tmp"
}
