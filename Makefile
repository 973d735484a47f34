# Unbind — make run opens the app, make test runs everything (both install
# the Debian/Ubuntu packages they need first). See README.md.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
export LANG ?= C.UTF-8

BUILD_PKGS := gcc libgl1-mesa-dev xorg-dev
TEST_PKGS  := $(BUILD_PKGS) dbus dbus-x11 gnome-keyring xvfb dunst xdotool imagemagick \
              gcc-mingw-w64-x86-64 poppler-utils procps python3
# What .ci/package.sh and .ci/check-packages.sh use: the .deb and its
# checks, the icons, the MSI (wixl) and its checks, the zip, and Wine to run
# the Windows binaries and installer.
PACKAGE_PKGS := gcc-mingw-w64-x86-64 imagemagick dpkg-dev lintian desktop-file-utils appstream man-db \
              wixl msitools icoutils zip unzip wine64
FYNE_TOOL  := fyne.io/tools/cmd/fyne@v1.7.4
# Packages without Fyne: raced and cross-built with CGO_ENABLED=0.
PURE_PKGS  := ./accounts/... ./reminders/... ./cmd/unbindctl/... ./cmd/internal/...
GOFLAGS_CI := -tags ci
BIN := bin

.PHONY: run build test test-vuln test-unit test-keyring test-notify test-builds test-fuzz test-stress test-package bench stress fuzz \
	package package-darwin release screenshots font deps-build deps-test deps-package lint

run: deps-build
	go build -o $(BIN)/unbind ./cmd/unbind
	./$(BIN)/unbind

build: deps-build
	go build -o $(BIN)/unbind ./cmd/unbind
	CGO_ENABLED=0 go build -o $(BIN)/unbindctl ./cmd/unbindctl

deps-build:
	@.ci/ensure-packages.sh $(BUILD_PKGS)

deps-test:
	@.ci/ensure-packages.sh $(TEST_PKGS)

# fyne (Fyne's packager), pinned like staticcheck, into ~/go/bin.
deps-package:
	@.ci/ensure-packages.sh $(BUILD_PKGS) $(PACKAGE_PKGS)
	@command -v fyne >/dev/null || go install $(FYNE_TOOL)

test: deps-test lint test-vuln test-unit test-keyring test-notify test-fuzz test-stress test-builds test-package
	@echo "make test: all passed"

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet $(GOFLAGS_CI) ./...
	@command -v staticcheck >/dev/null || go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
	staticcheck $(GOFLAGS_CI) ./...
	@if git grep -l '"fyne.io/' -- 'accounts/*.go' 'reminders/*.go' 'cmd/unbindctl/*.go' 'cmd/internal/*.go' | grep .; then \
	  echo "Fyne imported outside ui/ and cmd/unbind"; exit 1; fi
	@if go list -deps ./accounts/... | grep -E 'unbindapp/unbind/(reminders|ui|cmd)'; then \
	  echo "a package under accounts/ imports one above it (see README, Layout)"; exit 1; fi
	@if git ls-files '*.go' ':!:*_test.go' | xargs grep -nP '"[^"]*\p{Han}[^"]*Unbind|Unbind[^"]*\p{Han}[^"]*"' | \
	  grep -v 'Unbind 解绑助手\|MeasureText' | grep -vP '^\S+:\d+:\s*//'; then \
	  echo "a Chinese text says Unbind: in Chinese the app is 解绑助手"; exit 1; fi
	@if git ls-files 'ui/*.go' ':!:*_test.go' ':!:ui/kit/border.go' | xargs grep -n 'container.NewBorder('; then \
	  echo "use kit.NewBorder: Tab follows its objects' order, which Fyne's NewBorder puts centre first"; exit 1; fi

# govulncheck against the vulnerability database the module proxy serves
# (golang.org/x/vulndb, indexed here); skips with a message when it cannot
# be fetched. Standard-library findings are warnings (a toolchain change).
test-vuln:
	.ci/vulncheck.sh

test-unit:
	CGO_ENABLED=1 go test -race -count=1 $(PURE_PKGS)
	CGO_ENABLED=1 go test -race $(GOFLAGS_CI) -count=1 ./ui/...
	go test $(GOFLAGS_CI) -count=1 ./...

# The keyring against real D-Bus sessions: unlocked gnome-keyring, none, and
# a Secret Service that never answers.
test-keyring:
	.ci/with-keyring.sh secret-service go test -count=1 ./accounts/vault/ ./cmd/unbindctl/
	.ci/with-keyring.sh none go test -count=1 -run 'Real|Keyring' ./accounts/vault/ ./cmd/unbindctl/
	.ci/with-keyring.sh hanging go test -count=1 -run 'RealHanging' ./accounts/vault/

test-notify:
	.ci/notify-test.sh

test-stress:
	.ci/stress.sh short

# A count, not a duration: duration runs can end in Go's fuzz-deadline race
# (golang/go#75804); a count stops without a deadline.
test-fuzz:
	.ci/fuzz.sh 30000x

# The GUI with cgo for this machine, the CLI for Windows with cgo
# (mingw-w64), and the CLI for macOS without cgo, so the keyring code of
# every platform compiles. The Windows GUI (mingw-w64, with fyne) and the
# Windows CLI without cgo are built by test-package, for the MSI and zip.
test-builds:
	go build -o /dev/null ./cmd/unbind
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc go build -o /dev/null ./cmd/unbindctl
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 go build -o /dev/null ./cmd/unbindctl
	CGO_ENABLED=0 GOOS=linux go build -o /dev/null ./cmd/unbindctl

bench: deps-test
	@if [ -x .ci/bench.sh ]; then .ci/bench.sh; else go test $(GOFLAGS_CI) -run '^$$' -bench . -benchmem ./...; fi

stress: deps-test
	@if [ -x .ci/stress.sh ]; then .ci/stress.sh full; else echo "stress: not written yet"; exit 1; fi

fuzz:
	.ci/fuzz.sh 60s

screenshots: deps-test
	.ci/screenshots.sh

font:
	@.ci/ensure-packages.sh fonts-wqy-microhei fonts-dejavu-core python3-fonttools
	/usr/bin/python3 assets/fonts/make-subset.py

# Every package for Linux and Windows, built and checked (.deb, tarball,
# MSI, portable zip), in bin/package-test so dist/ keeps the release.
test-package: deps-package
	rm -rf $(BIN)/package-test
	DIST=$(BIN)/package-test .ci/package.sh
	.ci/check-packages.sh $(BIN)/package-test

# The same packages in dist/, unchecked.
package: deps-package
	.ci/package.sh

# dist/: every package, checked, with SHA256SUMS and RELEASE.md.
release: deps-package
	rm -rf dist
	.ci/package.sh
	.ci/check-packages.sh dist
	.ci/release.sh

# The macOS app (fyne package -os darwin) and unbindctl, zipped into dist/.
# Needs a Mac (cgo against Apple's SDK); .github/workflows/macos.yml runs it.
package-darwin:
	@command -v fyne >/dev/null || go install $(FYNE_TOOL)
	.ci/package-darwin.sh
