#!/usr/bin/env bash
# make release, after .ci/package.sh and .ci/check-packages.sh wrote and
# checked dist/: SHA256SUMS over every package, checked back with
# sha256sum -c, and RELEASE.md (what each file is, how to verify and
# install it).
set -euo pipefail
. "$(dirname "$0")/package-lib.sh"
files=("unbind_${VERSION}_$DEB_ARCH.deb" "unbind-$VERSION-linux-$DEB_ARCH.tar.gz"
	"unbind-$VERSION-windows-amd64.msi" "unbind-$VERSION-windows-amd64-portable.zip")
cd dist
for f in "${files[@]}"; do [ -f "$f" ] || die "dist/$f is missing; run make release"; done
# A macOS zip from make package-darwin (on a Mac) joins the release if it is here.
for f in unbind-"$VERSION"-macos-*.zip; do [ -f "$f" ] && files+=("$f"); done
sha256sum "${files[@]}" >SHA256SUMS
sha256sum --quiet -c SHA256SUMS || die "sha256sum -c SHA256SUMS failed right after writing it"
size() { du -h --apparent-size "$1" | cut -f1; }
{
	echo "# Unbind $VERSION"
	echo
	echo "Built from commit ${COMMIT:-unknown} on $(utc_date "$(date +%s)" +%F). Every binary prints"
	echo "\`$VERSION_LINE\` (\`unbind --version\`, \`unbindctl version\`)."
	echo
	echo "| file | size | for |"
	echo "| --- | --- | --- |"
	for f in "${files[@]}"; do
		case $f in
		*.deb) what="Debian 12, Ubuntu 22.04 and newer: \`sudo apt install ./$f\`" ;;
		*linux*.tar.gz) what="other Linux distributions: unpack, run \`./install.sh\` (into ~/.local)" ;;
		*.msi) what="Windows 10/11, per user, no administrator rights: double-click; Start menu → Unbind" ;;
		*portable.zip) what="Windows without installing: unpack anywhere, run Unbind.exe" ;;
		*macos*) what="macOS: unpack, move Unbind.app to Applications (not notarised: right-click → Open the first time)" ;;
		esac
		echo "| \`$f\` | $(size "$f") | $what |"
	done
	echo
	echo "Check the downloads before installing them: in the folder that holds them and"
	echo "\`SHA256SUMS\`, run"
	echo
	echo '```sh'
	echo "sha256sum -c SHA256SUMS --ignore-missing"
	echo '```'
	echo
	echo "Each file you downloaded must say \`OK\`. On Windows, compare"
	echo "\`Get-FileHash FILE\` (PowerShell) with its line in \`SHA256SUMS\`; on macOS"
	echo "use \`shasum -a 256 -c SHA256SUMS\`."
	echo
	echo "Your data folder (\`~/.config/Unbind\`, \`%AppData%\\Unbind\`,"
	echo "\`~/Library/Application Support/Unbind\`) is never part of a package: installing"
	echo "a newer version or uninstalling leaves it alone."
	echo
	echo "Unbind's own code has no licence chosen yet; the bundled font is Apache-2.0"
	echo "and the holiday data MIT (see each package's licence files)."
} >RELEASE.md
echo "dist/SHA256SUMS ($(wc -l <SHA256SUMS) files) and dist/RELEASE.md"
