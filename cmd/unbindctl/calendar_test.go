package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCalendarAddWorkdays(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		date, n, want string
		warn          bool
	}{
		{"2026-04-30", "1", "2026-05-06", false}, // May Day 05-01 … 05-05
		{"2026-05-08", "1", "2026-05-09", false}, // make-up Saturday
		{"2026-02-13", "2", "2026-02-24", false}, // Spring Festival
		{"2026-05-06", "-1", "2026-04-30", false},
		{"2026-05-02", "0", "2026-05-06", false},
		{"2027-01-29", "1", "2027-02-01", true}, // no 2027 data
		{"2026-12-31", "1", "2027-01-01", true},
	} {
		out, errs, code := cli(t, dir, "", "calendar", "add-workdays", tc.date, tc.n)
		if code != 0 || out != tc.want+"\n" {
			t.Errorf("add-workdays %s %s: exit %d, stdout %q, want %q (stderr %q)", tc.date, tc.n, code, out, tc.want, errs)
		}
		if got := strings.Contains(errs, "warning: holiday data for 2027 is missing"); got != tc.warn {
			t.Errorf("add-workdays %s %s: warning %t, want %t: %q", tc.date, tc.n, got, tc.warn, errs)
		}
		if tc.warn && !strings.Contains(errs, filepath.Join(dir, "holidays")) {
			t.Errorf("the warning should name the data folder's holidays folder: %q", errs)
		}
	}
	for _, args := range [][]string{
		{"add-workdays", "2026-4-30", "1"},
		{"add-workdays", "2026-04-30", "one"},
		{"add-workdays", "2026-04-30", "99999999"},
		{"add-workdays", "2026-04-30"},
		{"is-workday"},
		{"frobnicate"},
		{},
	} {
		_, errs, code := cli(t, dir, "", append([]string{"calendar"}, args...)...)
		if code != exitUsage || !strings.HasPrefix(errs, "unbindctl: ") {
			t.Errorf("calendar %v: exit %d, stderr %q; want a usage error", args, code, errs)
		}
	}
}

func TestCalendarIsWorkday(t *testing.T) {
	dir := t.TempDir()
	for date, want := range map[string]string{
		"2026-05-09": "2026-05-09 workday (Saturday, 调休 make-up working day for 劳动节)\n",
		"2026-05-05": "2026-05-05 off (Tuesday, public holiday 劳动节)\n",
		"2026-05-10": "2026-05-10 off (Sunday, weekend)\n",
		"2026-05-11": "2026-05-11 workday (Monday)\n",
	} {
		out, errs, code := cli(t, dir, "", "calendar", "is-workday", date)
		if code != 0 || out != want || errs != "" {
			t.Errorf("is-workday %s: exit %d, %q, stderr %q; want %q", date, code, out, errs, want)
		}
	}
	if _, errs, _ := cli(t, dir, "", "calendar", "is-workday", "2027-02-08"); !strings.Contains(errs, "2027") {
		t.Errorf("is-workday in 2027 should warn about missing data: %q", errs)
	}
}

func TestCalendarImport(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "accounts", "workdays", "testdata", "holidays", "2027.json")
	out, errs, code := cli(t, dir, "", "calendar", "import", src)
	target := filepath.Join(dir, "holidays", "2027.json")
	if code != 0 || !strings.Contains(out, "2027") || !strings.Contains(out, target) {
		t.Fatalf("import: exit %d, %q, %q", code, out, errs)
	}
	want, _ := os.ReadFile(src)
	if got, err := os.ReadFile(target); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("imported file: %v", err)
	}
	// The (fake) 2027 data is used now, without a warning.
	out, errs, _ = cli(t, dir, "", "calendar", "add-workdays", "2027-02-05", "2")
	if out != "2027-02-15\n" || errs != "" {
		t.Errorf("after import: %q, stderr %q", out, errs)
	}
	out, _, _ = cli(t, dir, "", "calendar", "years")
	if !strings.Contains(out, "2023") || !strings.Contains(out, "2027  "+target) {
		t.Errorf("years:\n%s", out)
	}

	bad := filepath.Join(t.TempDir(), "2028.json")
	if err := os.WriteFile(bad, []byte(`{"year":2028,"papers":[],"days":[{"name":"x","date":"2028-02-30","isOffDay":true}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs, code = cli(t, dir, "", "calendar", "import", bad)
	if code != exitFailure || !strings.Contains(errs, bad) || !strings.Contains(errs, "days[0] (2028-02-30)") {
		t.Errorf("import of a broken file: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "holidays", "2028.json")); !os.IsNotExist(err) {
		t.Error("a broken file was copied")
	}

	// A broken file put into the folder by hand is named in a warning, and
	// the command goes on with the built-in years, as the GUI does (one
	// rule: cmd/internal/opener.Calendar).
	if err := os.WriteFile(filepath.Join(dir, "holidays", "2029.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code = cli(t, dir, "", "calendar", "add-workdays", "2026-04-30", "1")
	if code != 0 || !strings.Contains(errs, "2029.json") || strings.Count(errs, "warning") != 1 || !strings.HasPrefix(out, "2026-05-06") {
		t.Errorf("with a broken user file: exit %d, %q, %q", code, out, errs)
	}
}
