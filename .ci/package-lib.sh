# Sourced by the packaging scripts (.ci/package*.sh, .ci/check-packages.sh):
# FyneApp.toml's fields, the version line both binaries print, and the
# builds of both binaries for Linux, Windows and macOS.
# shellcheck shell=bash
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT=$PWD

die() { echo "package: $*" >&2; exit 1; }

field() { sed -n "s/^ *$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml | sed -n 1p; }
NAME=$(field Name)
APP_ID=$(field ID)
VERSION=$(field Version)
BUILD=$(field Build)
[ -n "$NAME" ] && [ -n "$APP_ID" ] && [ -n "$VERSION" ] && [ -n "$BUILD" ] ||
	die "FyneApp.toml needs Name, ID, Version and Build"

# The commit (12 digits, -dirty with uncommitted changes to tracked files)
# and the date of the version: when FyneApp.toml last changed. Outside git
# the commit is left to Go's own stamp and the date is today.
COMMIT=
EPOCH=$(date +%s)
if git rev-parse --git-dir >/dev/null 2>&1; then
	COMMIT=$(git rev-parse --short=12 HEAD)
	git diff --quiet HEAD -- 2>/dev/null || COMMIT+=-dirty
	EPOCH=$(git log -1 --format=%ct -- FyneApp.toml)
	[ -n "$EPOCH" ] || EPOCH=$(git log -1 --format=%ct)
fi
# utc_date EPOCH FORMAT, with GNU date or BSD date (macOS).
utc_date() { LC_ALL=C date -u -d "@$1" "$2" 2>/dev/null || LC_ALL=C date -u -r "$1" "$2"; }
DATE=$(utc_date "$EPOCH" +%F)
BUILDINFO=github.com/unbindapp/unbind/cmd/internal/buildinfo
XFLAGS="-X $BUILDINFO.version=$VERSION"
[ -z "$COMMIT" ] || XFLAGS+=" -X $BUILDINFO.commit=$COMMIT"
# What 'unbind --version' and 'unbindctl version' must print.
VERSION_LINE="Unbind $VERSION${COMMIT:+ (commit $COMMIT)}"
DEB_ARCH=$(go env GOARCH)

FYNE_VERSION=v1.7.4
need_fyne() {
	command -v fyne >/dev/null || die "fyne not found; run: go install fyne.io/tools/cmd/fyne@$FYNE_VERSION"
	[[ $(fyne version 2>/dev/null) == *"cli version: $FYNE_VERSION"* ]] ||
		die "$(command -v fyne) is not $FYNE_VERSION; run: go install fyne.io/tools/cmd/fyne@$FYNE_VERSION"
}

# stage_source DIR copies the module (without docs/) to DIR, with
# FyneApp.toml beside cmd/unbind where fyne looks for it. fyne writes into
# the folder it builds (fyne_metadata_init.go, fyne.syso, and 'fyne package'
# bumps Build in FyneApp.toml), so it works on this copy, never on the tree.
stage_source() {
	local dir=$1
	mkdir -p "$dir"
	if git rev-parse --git-dir >/dev/null 2>&1; then
		git ls-files -z --cached --others --exclude-standard -- . ':!docs' |
			while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
			tar --null -T - -cf - | tar -C "$dir" -xf -
	else
		tar --exclude=./docs --exclude=./dist --exclude=./bin --exclude=./.cache -cf - . | tar -C "$dir" -xf -
	fi
	sed 's#^\( *Icon *= *"\)\(.*\)"#\1../../\2"#' FyneApp.toml >"$dir/cmd/unbind/FyneApp.toml"
}

# fyne runs "$GO" for its builds: .ci/fyne-go.sh adds $XFLAGS to them.
fyne_env() { env GO="$ROOT/.ci/fyne-go.sh" UNBIND_XFLAGS="$XFLAGS" "$@"; }

# build_gui_linux SRC OUT: the GUI as 'fyne build --release' makes it
# (FyneApp.toml's metadata and icon injected, release tags, stripped), as
# a position-independent executable, as Debian wants (ASLR).
# 'fyne package -os linux' would build the same binary, then spend 20 s
# on an .tar.xz with a /usr/local Makefile that the .deb and the tarball
# replace.
build_gui_linux() {
	(cd "$1/cmd/unbind" && fyne_env CGO_ENABLED=1 GOFLAGS=-buildmode=pie fyne build --release -o "$2") ||
		die "fyne build of the Linux GUI failed"
}

# build_gui_windows SRC OUTDIR: Unbind.exe from 'fyne package -os windows
# --release', with the icon, version resource and manifest in fyne.syso.
build_gui_windows() {
	command -v x86_64-w64-mingw32-gcc >/dev/null || die "x86_64-w64-mingw32-gcc not found (Debian: gcc-mingw-w64-x86-64)"
	(cd "$1/cmd/unbind" && fyne_env GOARCH=amd64 CC=x86_64-w64-mingw32-gcc fyne package -os windows --release) ||
		die "fyne package -os windows failed"
	mv "$1/cmd/unbind/$NAME.exe" "$2/$NAME.exe"
}

# build_cli GOOS GOARCH OUT: unbindctl without cgo.
build_cli() {
	CGO_ENABLED=0 GOOS=$1 GOARCH=$2 go build -trimpath -ldflags "-s -w $XFLAGS" -o "$3" ./cmd/unbindctl ||
		die "build of unbindctl for $1/$2 failed"
}

# subst FILE: a template with @NAME@, @ID@, @VERSION@, @DATE@ filled in.
subst() {
	sed -e "s|@NAME@|$NAME|g" -e "s|@ID@|$APP_ID|g" -e "s|@VERSION@|$VERSION|g" -e "s|@DATE@|$DATE|g" "$1"
}
