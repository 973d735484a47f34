# Sourced by .ci/check-packages.sh: the Windows MSI and portable zip. The
# MSI's tables (per user, the fixed UpgradeCode, the Start menu, no row for
# the data folder), the files msiextract lists, the exe's icon, version
# resource and manifest, and, under Wine, both exes and an install, an
# upgrade that keeps the data folder, a refused downgrade and an uninstall.
# shellcheck shell=bash

msi=$dist/unbind-$VERSION-windows-amd64.msi
zip=$dist/unbind-$VERSION-windows-amd64-portable.zip
[ -f "$msi" ] || fail "$msi is missing; run .ci/package.sh"
[ -f "$zip" ] || fail "$zip is missing; run .ci/package.sh"
wxs=packaging/windows/unbind.wxs
upgrade_code=$(sed -n 's/.*UpgradeCode="\([0-9A-F-]*\)".*/\1/p' "$wxs")

tables=$(msiinfo tables "$msi") || fail "msiinfo tables: $msi is not an MSI"
for t in File Component Directory Shortcut Upgrade Property Registry; do
	grep -qx "$t" <<<"$tables" || fail "msiinfo tables: no $t table"
done
# Word Count bit 8: the package needs no elevation (a per-user install).
source_bits=$(msiinfo suminfo "$msi" | sed -n 's/^Source: \([0-9]*\).*/\1/p')
[ -n "$source_bits" ] && [ $((source_bits & 8)) -ne 0 ] || fail "suminfo: Source '$source_bits' lacks the no-elevation bit (8)"
props=$(msiinfo export "$msi" Property)
for p in "UpgradeCode	{$upgrade_code}" "ProductVersion	$VERSION" "ProductName	$NAME"; do
	grep -qF "$p" <<<"$props" || fail "Property table: no '$p'"
done
grep -q "^{$upgrade_code}	" <<<"$(msiinfo export "$msi" Upgrade)" || fail "Upgrade table: no row for $upgrade_code (MajorUpgrade)"
dirs=$(msiinfo export "$msi" Directory | tail -n +4 | cut -f1)
grep -qx LocalAppDataFolder <<<"$dirs" || fail "Directory table: not installed under LocalAppDataFolder"
for d in AppDataFolder ProgramFilesFolder ProgramFiles64Folder CommonAppDataFolder PersonalFolder; do
	! grep -qx "$d" <<<"$dirs" || fail "Directory table: names $d (the data folder is %AppData%\\Unbind, never the installer's)"
done
removes=$(msiinfo export "$msi" RemoveFile | tail -n +4 | cut -f4 | sort -u | tr '\n' ' ' | sed 's/ $//')
for d in $removes; do
	case $d in INSTALLDIR | DocDir) ;; *) fail "RemoveFile table: removes in $d" ;; esac
done
shortcuts=$(msiinfo export "$msi" Shortcut)
grep -q "	\[INSTALLDIR\]$NAME.exe	" <<<"$shortcuts" || grep -q "UnbindExe" <<<"$shortcuts" || fail "Shortcut table: no shortcut to $NAME.exe"
grep -q "/x \[ProductCode\]" <<<"$shortcuts" || fail "Shortcut table: no uninstall shortcut"
ok "msiinfo: per-user (Source $source_bits), UpgradeCode {$upgrade_code} with MajorUpgrade, ProductVersion $VERSION, Start-menu and uninstall shortcuts, no row for the data folder (RemoveFile only in: $removes)"

mlist=$(msiextract -l "$msi") || fail "msiextract -l cannot read $msi"
for f in "$NAME.exe" unbindctl.exe doc/README.txt doc/FONT-NOTICE.md doc/LICENSE-Apache-2.0 doc/HOLIDAY-DATA-LICENSE; do
	grep -qx "Programs/Unbind/$f" <<<"$mlist" || fail "msiextract -l: Programs/Unbind/$f is missing"
done
msiextract -C "$tmp/msi" "$msi" >/dev/null || fail "msiextract cannot extract $msi"
unzip -q "$zip" -d "$tmp/zip" || fail "unzip cannot read $zip"
portable=$tmp/zip/$NAME-$VERSION
for f in "$NAME.exe" unbindctl.exe doc/README.txt; do
	cmp -s "$tmp/msi/Programs/Unbind/$f" "$portable/$f" || fail "$f differs between the MSI and the zip"
done
no_build_paths "$portable" "the Windows zip"
ok "msiextract -l: $(wc -l <<<"$mlist") files; the zip holds the same exes"

exe=$portable/$NAME.exe
res=$(wrestool -l "$exe") || fail "wrestool -l: cannot read $NAME.exe"
for t in "type=icon" "type=group_icon" "type=version" "--type=24"; do
	grep -qF -- "$t" <<<"$res" || fail "$NAME.exe has no ${t#*=} resource (wrestool -l)"
done
wrestool -x --type=14 "$exe" >"$tmp/icon.ico" 2>/dev/null || fail "wrestool: cannot extract the icon"
sizes=$(icotool -l "$tmp/icon.ico" | sed -n 's/.*--width=\([0-9]*\).*/\1/p' | sort -un | tr '\n' ' ' | sed 's/ $//')
largest=$(tr ' ' '\n' <<<"$sizes" | sort -n | tail -n1)
[ "${largest:-0}" -ge 256 ] || fail "$NAME.exe's icon has no image of 256 px or more (sizes: $sizes)"
combined=$VERSION.$BUILD
# The resource's strings are UTF-16; without the NULs they read "ProductName…".
vres=$(wrestool -x --raw --type=16 "$exe" | iconv -f UTF-16LE -t UTF-8 2>/dev/null | tr -d '\000' || true)
grep -qaF "ProductVersion$combined" <<<"$vres" && grep -qaF "ProductName$NAME" <<<"$vres" ||
	fail "$NAME.exe's version resource lacks ProductName $NAME or ProductVersion $combined"
manifest=$(wrestool -x --raw --type=24 "$exe")
grep -qF "version=\"$combined\"" <<<"$manifest" || fail "$NAME.exe's manifest has no version $combined"
sub=$(x86_64-w64-mingw32-objdump -p "$exe" | awk '$1 == "Subsystem" {print $2}')
[ "$sub" = 00000002 ] || fail "$NAME.exe is not a Windows GUI program (subsystem $sub)"
sub=$(x86_64-w64-mingw32-objdump -p "$portable/unbindctl.exe" | awk '$1 == "Subsystem" {print $2}')
[ "$sub" = 00000003 ] || fail "unbindctl.exe is not a console program (subsystem $sub)"
ok "$NAME.exe: icon ($sizes px), version resource $combined, manifest, GUI subsystem; unbindctl.exe: console"

# --- under Wine ---------------------------------------------------------
wine=$(command -v wine64 || command -v wine || { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; } || true)
if [ -z "$wine" ]; then
	skip "Wine: not installed (Debian: wine64); the Windows binaries were not run"
	return 0
fi
wineserver=$(command -v wineserver || echo "${wine%/*}/wineserver")
[ -x "$wineserver" ] || fail "Wine: no wineserver beside $wine"
export WINEPREFIX=$tmp/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
w() { env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 "$wine" "$@" 2>/dev/null; }
w wineboot --init >/dev/null || true
sys32=$WINEPREFIX/drive_c/windows/system32
[ -d "$sys32" ] || fail "Wine: wineboot made no prefix in $WINEPREFIX"
shim=
if [ ! -e "$sys32/bcryptprimitives.dll" ]; then
	x86_64-w64-mingw32-gcc -O2 -shared -o "$sys32/bcryptprimitives.dll" .ci/wine/bcryptprimitives.c \
		.ci/wine/bcryptprimitives.def -ladvapi32 || fail "Wine: cannot build the bcryptprimitives.dll stand-in"
	shim=" (with .ci/wine's bcryptprimitives.dll for this Wine $("$wine" --version 2>/dev/null))"
fi
gui=$(w "$exe" --version | tr -d '\r') || true
cli=$(w "$portable/unbindctl.exe" version | tr -d '\r') || true
[ "$cli" = "$VERSION_LINE" ] || fail "Wine: unbindctl.exe version printed '$cli', want '$VERSION_LINE'"
[ "$gui" = "$VERSION_LINE" ] || fail "Wine: $NAME.exe --version printed '$gui', want '$VERSION_LINE'"
ok "Wine$shim: unbindctl.exe version and $NAME.exe --version: '$cli'"

# An older MSI (0.0.1, its README marked) to upgrade from.
. .ci/package-windows.sh
old_tree=$tmp/old-tree
cp -a "$portable" "$old_tree"
echo "old README" >"$old_tree/doc/README.txt"
make_msi "$old_tree" "$tmp/old.msi" 0.0.1
home=
for d in "$WINEPREFIX"/drive_c/users/*; do [ "${d##*/}" = Public ] || home=$d; done
[ -n "$home" ] || fail "Wine: the prefix has no user folder"
prog=$home/AppData/Local/Programs/Unbind
menu="$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
data=$home/AppData/Roaming/Unbind
# The versions of Unbind that Add/Remove Programs lists, e.g. "0.1.0 ".
installed() {
	w reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s | tr -d '\r' |
		awk -v name="$NAME" '$1 == "DisplayName" {n = ($3 == name)} $1 == "DisplayVersion" && n {print $3}' |
		sort -u | tr '\n' ' ' || true
}

w msiexec /i "$tmp/old.msi" /qn || fail "Wine: msiexec /i of the 0.0.1 MSI failed"
[ -x "$prog/$NAME.exe" ] && [ -e "$menu/$NAME.lnk" ] && [ -e "$menu/Uninstall $NAME.lnk" ] ||
	fail "Wine: the 0.0.1 MSI installed no $NAME.exe or Start-menu entries"
id=$(w "$prog/unbindctl.exe" account add --platform taobao --name "升级检查" | tr -d '\r')
[ -f "$data/unbind.db" ] && [ -n "$id" ] || fail "Wine: unbindctl.exe made no account in %AppData%\\Unbind"
w msiexec /i "$msi" /qn || fail "Wine: msiexec /i of the $VERSION MSI over 0.0.1 failed"
[ "$(installed)" = "$VERSION " ] || fail "Wine: after the upgrade the installed versions are '$(installed)'"
cmp -s "$prog/doc/README.txt" "$portable/doc/README.txt" || fail "Wine: the upgrade left the 0.0.1 README"
list=$(w "$prog/unbindctl.exe" account list) || true
[[ $list == *"$id"* ]] || fail "Wine: the account made before the upgrade is gone"
if w msiexec /i "$tmp/old.msi" /qn; then fail "Wine: the 0.0.1 MSI installed over $VERSION (no downgrade check)"; fi
[ "$(installed)" = "$VERSION " ] || fail "Wine: the refused downgrade left '$(installed)'"
w msiexec /x "$msi" /qn || fail "Wine: msiexec /x failed"
[ ! -e "$prog" ] && [ ! -e "$menu/$NAME.lnk" ] && [ ! -e "$menu/Uninstall $NAME.lnk" ] ||
	fail "Wine: the uninstall left $(ls -d "$prog" "$menu/$NAME.lnk" 2>/dev/null | tr '\n' ' ')"
[ -z "$(installed)" ] || fail "Wine: after the uninstall Unbind is still registered ($(installed))"
[ -f "$data/unbind.db" ] || fail "Wine: the uninstall removed the data folder %AppData%\\Unbind"
ok "Wine msiexec: 0.0.1 installed per user with Start-menu entries; upgrade to $VERSION kept the account in %AppData%\\Unbind; downgrade refused; uninstall removed the program and shortcuts, kept the data folder"
