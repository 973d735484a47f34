package workdays_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/assets"
)

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestParseEmbeddedFiles(t *testing.T) {
	fsys := assets.Holidays()
	for _, y := range []string{"2023", "2024", "2025", "2026"} {
		b, err := fs.ReadFile(fsys, y+".json")
		if err != nil {
			t.Fatal(err)
		}
		hf, err := workdays.ParseHolidayFile(y+".json", b)
		if err != nil {
			t.Fatal(err)
		}
		if len(hf.Days) < 20 || len(hf.Papers) == 0 {
			t.Errorf("%s: %d days, %d papers", y, len(hf.Days), len(hf.Papers))
		}
	}
	hf, _ := workdays.ParseHolidayFile("2023.json", mustRead(t, fsys, "2023.json"))
	if d := hf.Days[0]; d.Date.Format(workdays.DateLayout) != "2022-12-31" || !d.IsOffDay || d.Name != "元旦" {
		t.Errorf("2023.json first day = %+v, want 2022-12-31 元旦 off", d)
	}
	if !strings.Contains(assets.HolidaysLicense(), "MIT License") || !strings.Contains(assets.HolidaysLicense(), "NateScarlet") {
		t.Error("the holiday-cn licence notice must be embedded")
	}
}

func mustRead(t testing.TB, fsys fs.FS, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const okDay = `{"name":"元旦","date":"2027-01-01","isOffDay":true}`

// Broken files give an error naming the file, the entry and the problem.
func TestBrokenHolidayFiles(t *testing.T) {
	for _, tc := range []struct {
		name, file, content string
		want                []string
	}{
		{"syntax", "2027.json", "{\n  \"year\": 2027,\n  \"days\": [,]\n}", []string{"2027.json", "not valid JSON", "line 3"}},
		{"not an object", "2027.json", `[1,2]`, []string{"2027.json", "the file is a JSON array, want an object"}},
		{"year as string", "2027.json", `{"year":"2027","papers":[],"days":[` + okDay + `]}`, []string{`"year" is a JSON string, want an integer`}},
		{"missing year", "2027.json", `{"papers":[],"days":[` + okDay + `]}`, []string{`missing "year"`}},
		{"missing papers", "2027.json", `{"year":2027,"days":[` + okDay + `]}`, []string{`missing "papers"`}},
		{"no days", "2027.json", `{"year":2027,"papers":[],"days":[]}`, []string{`"days" is empty`}},
		{"bad date format", "2027.json", `{"year":2027,"papers":[],"days":[` + okDay + `,{"name":"春节","date":"2027-2-8","isOffDay":true}]}`,
			[]string{"2027.json", "days[1] (2027-2-8)", "invalid date"}},
		{"impossible date", "2027.json", `{"year":2027,"papers":[],"days":[{"name":"春节","date":"2027-02-30","isOffDay":true}]}`,
			[]string{"days[0] (2027-02-30)", "invalid date"}},
		{"date in another year", "2027.json", `{"year":2027,"papers":[],"days":[` + okDay + `,{"name":"劳动节","date":"2026-05-01","isOffDay":true}]}`,
			[]string{"days[1] (2026-05-01)", "outside 2027"}},
		{"conflicting duplicate", "2027.json", `{"year":2027,"papers":[],"days":[` + okDay + `,{"name":"x","date":"2027-01-04","isOffDay":true},{"name":"x","date":"2027-01-04","isOffDay":false}]}`,
			[]string{"days[2] (2027-01-04)", "conflicts with days[1]"}},
		{"missing isOffDay", "2027.json", `{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01"}]}`,
			[]string{"days[0] (2027-01-01)", `missing "isOffDay"`}},
		{"invalid UTF-8", "2027.json", `{"year":2027,"papers":[],"days":[{"name":"` + "\xff" + `","date":"2027-01-01","isOffDay":true}]}`,
			[]string{"not valid UTF-8"}},
		{"too large", "2027.json", `{"year":2027,"papers":[],"days":[` + okDay + `]}` + strings.Repeat(" ", workdays.MaxHolidayFileSize),
			[]string{"larger than"}},
		{"null entry", "2027.json", `{"year":2027,"papers":[],"days":[null]}`, []string{"days[0]", "null"}},
		{"isOffDay as string", "2027.json", `{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":"true"}]}`,
			[]string{`"days.isOffDay" is a JSON string, want true or false`}},
		{"name does not match year", "2028.json", `{"year":2027,"papers":[],"days":[` + okDay + `]}`,
			[]string{"2028.json", "must be named 2027.json"}},
		// 2023.json (embedded) lists 2022-12-31 as a holiday.
		{"conflict across files", "2022.json", `{"year":2022,"papers":[],"days":[{"name":"元旦","date":"2022-12-31","isOffDay":false}]}`,
			[]string{"2022.json: 2022-12-31 is a make-up working day here but a holiday in 2023.json (embedded)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, tc.file), tc.content)
			_, err := workdays.LoadCalendar(assets.Holidays(), dir)
			if err == nil {
				t.Fatal("LoadCalendar accepted a broken file")
			}
			if !errors.Is(err, workdays.ErrInvalidHolidayFile) {
				t.Errorf("error %v does not match ErrInvalidHolidayFile", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "holidays: load ") {
				t.Errorf("error %q does not start with the operation", msg)
			}
			for _, w := range append(tc.want, tc.file) {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}

func TestByteOrderMarkAccepted(t *testing.T) {
	hf, err := workdays.ParseHolidayFile("2027.json", []byte("\xef\xbb\xbf"+`{"year":2027,"papers":[],"days":[`+okDay+`]}`))
	if err != nil || hf.Year != 2027 || len(hf.Days) != 1 {
		t.Fatalf("a file with a BOM: %+v, %v", hf, err)
	}
}

func TestLoadIgnoresOtherFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "README.txt"), "notes")
	writeFile(t, filepath.Join(dir, ".import-123.tmp"), "{")
	writeFile(t, filepath.Join(dir, ".2027.json"), "{")
	c, err := workdays.LoadCalendar(assets.Holidays(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.HasYear(2027) {
		t.Error("hidden files must be ignored")
	}
	if _, err := workdays.LoadCalendar(assets.Holidays(), filepath.Join(dir, "missing")); err != nil {
		t.Errorf("a missing user folder is no error: %v", err)
	}
}

func TestImportHolidayFile(t *testing.T) {
	dataDir := t.TempDir()
	src := filepath.Join(t.TempDir(), "holiday-2027 (1).json")
	copyFile(t, "testdata/holidays/2027.json", src)

	year, err := workdays.ImportHolidayFile(src, dataDir)
	if err != nil || year != 2027 {
		t.Fatalf("ImportHolidayFile = %d, %v", year, err)
	}
	got, err := os.ReadFile(filepath.Join(dataDir, "holidays", "2027.json"))
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := os.ReadFile(src); !bytes.Equal(got, want) {
		t.Error("the imported file is not an exact copy")
	}
	assertOnlyFiles(t, filepath.Join(dataDir, "holidays"), "2027.json")

	c, err := workdays.LoadDefaultCalendar(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, cov := c.AddWorkdays(date(t, "2027-03-01"), 3); !cov.Complete() {
		t.Errorf("after import 2027 is still missing: %v", cov.Missing)
	}

	// Broken or inconsistent files are refused and change nothing.
	for name, content := range map[string]string{
		"bad.json":      `{"year":2028,"papers":[],"days":[{"name":"x","date":"2028-13-01","isOffDay":true}]}`,
		"conflict.json": `{"year":2022,"papers":[],"days":[{"name":"元旦","date":"2022-12-31","isOffDay":false}]}`,
		"2027.json":     `{"year":2027,"papers":[],"days":[]}`,
	} {
		p := filepath.Join(t.TempDir(), name)
		writeFile(t, p, content)
		_, err := workdays.ImportHolidayFile(p, dataDir)
		if err == nil || !errors.Is(err, workdays.ErrInvalidHolidayFile) {
			t.Errorf("import %s: err = %v, want an invalid-file error", name, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), "holidays: import ") || !strings.Contains(err.Error(), p) {
			t.Errorf("import %s: error %q should name the operation and the file", name, err)
		}
	}
	assertOnlyFiles(t, filepath.Join(dataDir, "holidays"), "2027.json")
	if b, _ := os.ReadFile(filepath.Join(dataDir, "holidays", "2027.json")); !bytes.Equal(b, got) {
		t.Error("a refused import changed the existing file")
	}

	// A broken file already in the folder can be replaced by importing a good one.
	writeFile(t, filepath.Join(dataDir, "holidays", "2027.json"), "{broken")
	if _, err := workdays.LoadDefaultCalendar(dataDir); err == nil {
		t.Fatal("a broken user file must fail loading")
	}
	if _, err := workdays.ImportHolidayFile(src, dataDir); err != nil {
		t.Fatalf("re-import over a broken file: %v", err)
	}
	if _, err := workdays.LoadDefaultCalendar(dataDir); err != nil {
		t.Fatal(err)
	}

	if _, err := workdays.ImportHolidayFile(filepath.Join(dataDir, "nope.json"), dataDir); err == nil ||
		!errors.Is(err, fs.ErrNotExist) || errors.Is(err, workdays.ErrInvalidHolidayFile) {
		t.Errorf("import of a missing file: %v", err)
	}
}

func assertOnlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}
