package kit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/backup"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/evidence"
	"github.com/unbindapp/unbind/accounts/importer"
	"github.com/unbindapp/unbind/accounts/report"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// sentinels are every error variable of the packages below the GUI, by
// name; TestEverySentinelIsListed keeps the list complete.
var sentinels = map[string]error{
	"accounts.ErrNotFound": accounts.ErrNotFound, "accounts.ErrIllegalTransition": accounts.ErrIllegalTransition,
	"accounts.ErrInvalid": accounts.ErrInvalid, "accounts.ErrConflict": accounts.ErrConflict,
	"accounts.ErrBlocked": accounts.ErrBlocked, "accounts.ErrNoKeyring": accounts.ErrNoKeyring,
	"vault.ErrNotFound": vault.ErrNotFound, "vault.ErrUnavailable": vault.ErrUnavailable, "vault.ErrTimeout": vault.ErrTimeout,
	"vault.ErrTooLong": vault.ErrTooLong, "vault.ErrDamaged": vault.ErrDamaged,
	"store.ErrNewerSchema": store.ErrNewerSchema, "store.ErrCorrupt": store.ErrCorrupt,
	"store.ErrReadOnly": store.ErrReadOnly, "store.ErrForeign": store.ErrForeign,
	"backup.ErrNotBackup": backup.ErrNotBackup, "backup.ErrVersion": backup.ErrVersion, "backup.ErrInvalid": backup.ErrInvalid,
	"backup.ErrTooLarge": backup.ErrTooLarge, "backup.ErrEncrypted": backup.ErrEncrypted,
	"backup.ErrPassphrase": backup.ErrPassphrase, "backup.ErrWeakPassphrase": backup.ErrWeakPassphrase,
	"importer.ErrNothingChosen": importer.ErrNothingChosen, "importer.ErrUnknownFormat": importer.ErrUnknownFormat,
	"importer.ErrMissingColumn": importer.ErrMissingColumn, "importer.ErrSyntax": importer.ErrSyntax,
	"importer.ErrEncoding": importer.ErrEncoding, "importer.ErrEncrypted": importer.ErrEncrypted,
	"importer.ErrTooLarge": importer.ErrTooLarge, "workdays.ErrInvalidHolidayFile": workdays.ErrInvalidHolidayFile,
	// The report's verify errors reach only the command line.
	"evidence.ErrTooLarge": evidence.ErrTooLarge, "evidence.ErrNotRegular": evidence.ErrNotRegular,
	"evidence.ErrType": evidence.ErrType, "evidence.ErrEmpty": evidence.ErrEmpty,
	"evidence.ErrMissing": evidence.ErrMissing, "evidence.ErrBadHash": evidence.ErrBadHash,
	"accounts.ErrNoEvidenceFolder": accounts.ErrNoEvidenceFolder, "accounts.ErrTooManyFiles": accounts.ErrTooManyFiles,
	"store.ErrEvidenceTooLarge": store.ErrEvidenceTooLarge, "evidence.ErrTooManyPixels": evidence.ErrTooManyPixels,
	"report.ErrNoFooter": report.ErrNoFooter, "report.ErrMismatch": report.ErrMismatch, "report.ErrUnverifiable": report.ErrUnverifiable,
}

// cliOnly are sentinels no GUI path returns.
// (ErrTooManyPixels only ever means "show an icon instead of a thumbnail".)
var cliOnly = map[string]bool{"report.ErrNoFooter": true, "report.ErrMismatch": true, "report.ErrUnverifiable": true,
	"evidence.ErrTooManyPixels": true}

// A new sentinel in a lower package must be added above (and worded in
// problems.go), or this fails.
func TestEverySentinelIsListed(t *testing.T) {
	decl := regexp.MustCompile(`(?m)^\s*(?:var\s+)?(Err\w+)\s*=\s*errors\.New\(`)
	root := filepath.Join("..", "..", "accounts")
	seen := 0
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, _ := os.ReadFile(path)
		pkg := filepath.Base(filepath.Dir(path))
		for _, m := range decl.FindAllStringSubmatch(string(src), -1) {
			seen++
			if _, ok := sentinels[pkg+"."+m[1]]; !ok {
				t.Errorf("%s: %s.%s is not in the sentinels list of problems_test.go", path, pkg, m[1])
			}
		}
		return nil
	})
	if seen < len(sentinels) {
		t.Errorf("found %d sentinel declarations, the list has %d: the scan is broken", seen, len(sentinels))
	}
}

// english finds words of ASCII letters that are not names a Chinese
// sentence keeps as they are.
var english = regexp.MustCompile(`[A-Za-z]{3,}`)

var keepAsIs = map[string]bool{"gnome": true, "keyring": true, "KeePassXC": true, "Secret": true, "Service": true,
	"CSV": true, "JSON": true, "Bitwarden": true, "UTF": true,
	// A file name and the command-line tool are data, not prose.
	"json": true, "unbindctl": true,
	// File types, the hash and the evidence folder's name.
	"PNG": true, "JPEG": true, "GIF": true, "WebP": true, "PDF": true, "SHA": true, "MiB": true, "evidence": true}

// Every error a person can see, in Chinese, has no untranslated English
// in its message (the English chain goes to Detail), and says something.
func TestEveryErrorReadsInChinese(t *testing.T) {
	defer SetupLanguage(LangEn)
	SetupLanguage(LangZh)
	cases := map[string]error{}
	for name, s := range sentinels {
		if !cliOnly[name] {
			cases[name] = fmt.Errorf("store: load account 7f: %w", s)
		}
	}
	cases["disk full"] = fmt.Errorf("store: save: %w", syscall.ENOSPC)
	cases["sqlite full"] = errors.New("database or disk is full (13)")
	cases["permission"] = &fs.PathError{Op: "open", Path: "/data/unbind.db", Err: fs.ErrPermission}
	cases["missing file"] = &fs.PathError{Op: "open", Path: "/tmp/x.json", Err: fs.ErrNotExist}
	cases["import line"] = &importer.Error{Line: 3, Msg: `missing column "url"`, Kind: importer.ErrMissingColumn}
	cases["backup line"] = &backup.Error{Line: 9, Msg: "broken JSON", Kind: backup.ErrInvalid}
	cases["catalog"] = &catalog.LoadError{File: "/data/catalog/小店.json", Entry: "xd", Field: "tracks",
		Err: &accounts.ValidationError{Field: "tracks", Problem: "needs at least one step"}}
	cases["field"] = &accounts.ValidationError{Field: "phone", Problem: "must be digits, optionally with + and spaces, e.g. 13812345678"}
	cases["odd field"] = &accounts.ValidationError{Field: "track", Problem: "unknown track teleport"}
	cases["cooling"] = &accounts.ValidationError{Field: "until", Problem: "the cooling-off cannot end before it starts"}
	cases["transition"] = &accounts.TransitionError{From: accounts.StatusDeactivated, To: accounts.StatusSubmitted}
	cases["blocked"] = &accounts.BlockedError{Track: accounts.TrackAccountDelete, Zh: "有未完成的订单", En: "an order is open"}
	cases["unknown"] = errors.New("sql: connection is already closed")
	names := make([]string, 0, len(cases))
	for n := range cases {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		p := Explain(cases[name])
		if p.Message == "" {
			t.Errorf("%s: no message", name)
		}
		for _, w := range english.FindAllString(p.Message, -1) {
			if !keepAsIs[w] {
				t.Errorf("%s: English %q in the Chinese message %q", name, w, p.Message)
			}
		}
	}
}

// Chinese sentences call the app 解绑助手, never "Unbind".
func TestChineseSaysTheChineseName(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "assets", "i18n", "zh.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`": "([^"\n]*Unbind[^"\n]*)"`).FindAllStringSubmatch(string(data), -1) {
		t.Errorf("zh.json says Unbind: %s", m[1])
	}
}
