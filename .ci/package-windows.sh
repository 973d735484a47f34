# Sourced by .ci/package.sh: the Windows installer (MSI, wixl) and the
# portable zip, from Unbind.exe (fyne package) and unbindctl.exe.
# shellcheck shell=bash

# windows_tree DIR GUI CLI: DIR/{Unbind.exe,unbindctl.exe,doc/…}.
windows_tree() {
	local dir=$1
	install -d -m 0755 "$dir/doc"
	install -m 0755 "$2" "$dir/$NAME.exe"
	install -m 0755 "$3" "$dir/unbindctl.exe"
	# Windows text files: CRLF, so Notepad of any age shows lines.
	subst packaging/windows/README.txt | sed 's/$/\r/' >"$dir/doc/README.txt"
	cp assets/fonts/README.md "$dir/doc/FONT-NOTICE.md"
	cp assets/fonts/LICENSE-Apache-2.0 "$dir/doc/LICENSE-Apache-2.0"
	cp assets/holidays/LICENSE "$dir/doc/HOLIDAY-DATA-LICENSE"
}

# make_msi TREE OUT [VERSION]: the per-user MSI (packaging/windows/
# unbind.wxs); VERSION overrides FyneApp.toml's, for the upgrade test.
make_msi() {
	local tree=$1 out version=${3:-$VERSION} tmp
	out=$(realpath -m "$2")
	command -v wixl >/dev/null || die "wixl not found (Debian: wixl)"
	tmp=$(mktemp -d)
	cp -a "$tree/." "$tmp/"
	# The Add/Remove Programs and shortcut icon: an .ico, not the 30 MB
	# exe, which the MSI's Icon table would hold a second time.
	convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$tmp/unbind.ico" ||
		die "convert could not make unbind.ico"
	# wixl takes Source paths relative to its working folder.
	(cd "$tmp" && wixl -a x64 -D "Version=$version" -D "Name=$NAME" -o "$out" "$ROOT/packaging/windows/unbind.wxs") ||
		die "wixl failed"
	rm -rf "$tmp"
}

# make_zip TREE OUT: the portable zip, one folder Unbind-VERSION inside.
make_zip() {
	local tmp out
	out=$(realpath -m "$2")
	tmp=$(mktemp -d)
	cp -a "$1" "$tmp/$NAME-$VERSION"
	find "$tmp" -exec touch -d "@$EPOCH" {} +
	rm -f "$out"
	(cd "$tmp" && zip -q -X -r -9 "$out" "$NAME-$VERSION") || die "zip failed (Debian: zip)"
	rm -rf "$tmp"
}
