#!/usr/bin/env bash
# govulncheck over the whole module, offline: the vulnerability database
# comes from the Go module proxy (golang.org/x/vulndb, pinned below), is
# indexed locally with its own indexdb tool, and govulncheck reads it as a
# file:// database. vuln.go.dev itself cannot be reached from here.
#
# Fails when code that Unbind calls is affected through a module (the fix
# is a `go get`); vulnerabilities in the Go standard library are printed as
# warnings with the Go release that fixes them, because that fix is a
# toolchain change (see the README's notes on GOTOOLCHAIN). Skips with a
# message when the tool or the database cannot be fetched.
# Refresh the database: set VULNDB to the newest golang.org/x/vulndb version.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"
GOVULNCHECK=golang.org/x/vuln/cmd/govulncheck@v1.9.0
VULNDB=v0.0.0-20261105234957-e22db6528018
cache=${XDG_CACHE_HOME:-$HOME/.cache}/unbind-vulndb/$VULNDB

skip() { echo "vulncheck: SKIPPED — $1" >&2; exit 0; }

command -v govulncheck >/dev/null || go install "$GOVULNCHECK" 2>/dev/null ||
	skip "govulncheck could not be installed through the module proxy"
if [ ! -f "$cache/index/db.json" ]; then
	src=$(go mod download -json "golang.org/x/vulndb@$VULNDB" 2>/dev/null | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
	[ -d "$src/data/osv" ] || skip "golang.org/x/vulndb@$VULNDB could not be fetched"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	go run "golang.org/x/vulndb/cmd/indexdb@$VULNDB" -vulns "$src/data/osv" -out "$tmp/db" >/dev/null 2>&1 ||
		skip "the vulnerability database could not be indexed"
	mkdir -p "$(dirname "$cache")"
	rm -rf "$cache"
	mv "$tmp/db" "$cache"
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
set +e
govulncheck -db "file://$cache" -format json ./... >"$out" 2>&1
status=$?
set -e
/usr/bin/python3 - "$out" "$status" <<'PY'
import json, sys
path, status = sys.argv[1], int(sys.argv[2])
text = open(path).read()
dec, i, called = json.JSONDecoder(), 0, {}
try:
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = dec.raw_decode(text, i)
        f = obj.get("finding")
        # A finding whose trace names a function is code Unbind calls.
        if f and f.get("trace") and f["trace"][0].get("function"):
            mod = f["trace"][0].get("module", "?")  # the vulnerable symbol comes first
            called[(f["osv"], mod)] = f.get("fixed_version", "none")
except ValueError:
    sys.exit("vulncheck: govulncheck did not answer in JSON (exit %d):\n%s" % (status, text[:2000]))
stdlib = sorted(k for k in called if k[1] == "stdlib")
modules = sorted(k for k in called if k[1] != "stdlib")
for osv, _ in stdlib:
    print("vulncheck: WARNING %s in the Go standard library, fixed in Go %s (needs a newer toolchain)" % (osv, called[(osv, "stdlib")].lstrip("v")))
for osv, mod in modules:
    print("vulncheck: FAIL %s in %s, fixed in %s: go get %s@%s" % (osv, mod, called[(osv, mod)], mod, called[(osv, mod)]))
if modules:
    sys.exit(1)
print("vulncheck: no called vulnerability in any module (%d in the standard library, warned above)" % len(stdlib))
PY
