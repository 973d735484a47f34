package workdays_test

import (
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/assets"
)

func date(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := workdays.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// embedded loads the shipped 2023–2026 data only.
func embedded(t testing.TB) *workdays.Calendar {
	t.Helper()
	c, err := workdays.LoadCalendar(assets.Holidays(), "")
	if err != nil {
		t.Fatalf("LoadCalendar: %v", err)
	}
	return c
}

type addCase struct {
	from string
	n    int
	want string
}

func checkAdd(t *testing.T, c *workdays.Calendar, cases []addCase) {
	t.Helper()
	for _, tc := range cases {
		got, cov := c.AddWorkdays(date(t, tc.from), tc.n)
		if s := got.Format(workdays.DateLayout); s != tc.want {
			t.Errorf("%s %+d working days = %s (%s), want %s", tc.from, tc.n, s, got.Weekday(), tc.want)
		}
		if !cov.Complete() {
			t.Errorf("%s %+d: coverage missing %v, want complete", tc.from, tc.n, cov.Missing)
		}
		if got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("%s %+d: result %v is not a midnight-UTC date", tc.from, tc.n, got)
		}
	}
}

func TestEmbeddedYears(t *testing.T) {
	c := embedded(t)
	var years []int
	for _, y := range c.Years() {
		years = append(years, y.Year)
		if y.User || y.Source != "embedded" {
			t.Errorf("year %d: source %+v, want embedded", y.Year, y)
		}
	}
	if want := []int{2023, 2024, 2025, 2026}; !equalInts(years, want) {
		t.Fatalf("years = %v, want %v", years, want)
	}
}

// Spring Festival 2026 (2026.json): 02-15 … 02-23 off, Saturdays 02-14 and
// 02-28 are make-up working days.
func TestSpringFestival2026(t *testing.T) {
	c := embedded(t)
	checkAdd(t, c, []addCase{
		{"2026-02-13", 1, "2026-02-14"}, // Fri → make-up Saturday
		{"2026-02-12", 3, "2026-02-24"}, // Fri 13, Sat 14, then Tue 24
		{"2026-02-14", 1, "2026-02-24"}, // across the whole holiday
		{"2026-02-16", 1, "2026-02-24"}, // from a holiday: the first working day after it
		{"2026-02-16", 0, "2026-02-24"}, // 0: next working day
		{"2026-02-14", 0, "2026-02-14"}, // 0 on a make-up Saturday: itself
		{"2026-02-27", 1, "2026-02-28"}, // Fri → make-up Saturday
		{"2026-02-28", 1, "2026-03-02"},
		{"2026-02-24", -1, "2026-02-14"},
		{"2026-03-02", -2, "2026-02-27"},
		{"2026-02-09", 10, "2026-02-28"}, // 10 11 12 13 14 | 24 25 26 27 28
	})
	for s, want := range map[string]bool{
		"2026-02-14": true, "2026-02-15": false, "2026-02-16": false, "2026-02-20": false,
		"2026-02-22": false, "2026-02-23": false, "2026-02-24": true, "2026-02-28": true,
		"2026-03-01": false,
	} {
		if got := c.IsWorkday(date(t, s)); got != want {
			t.Errorf("IsWorkday(%s) = %t, want %t", s, got, want)
		}
	}
	n, cov := c.WorkdaysBetween(date(t, "2026-02-13"), date(t, "2026-02-24"))
	if n != 2 || !cov.Complete() {
		t.Errorf("WorkdaysBetween(02-13, 02-24) = %d %v, want 2 complete", n, cov.Missing)
	}
	info := c.Day(date(t, "2026-02-14"))
	if !info.Workday || !info.Weekend || !info.Listed || info.Name != "春节" || !info.Known {
		t.Errorf("Day(2026-02-14) = %+v", info)
	}
}

// The verified May Day case: 2026-04-30 (Thu) + 1 = 2026-05-06, and
// Saturday 2026-05-09 is a make-up working day.
func TestMayDay2026(t *testing.T) {
	c := embedded(t)
	checkAdd(t, c, []addCase{
		{"2026-04-30", 1, "2026-05-06"},
		{"2026-04-30", 0, "2026-04-30"},
		{"2026-05-01", 0, "2026-05-06"},
		{"2026-05-08", 1, "2026-05-09"},
		{"2026-05-09", 1, "2026-05-11"},
		{"2026-05-06", -1, "2026-04-30"},
		{"2026-05-11", -1, "2026-05-09"},
	})
	if !c.IsWorkday(date(t, "2026-05-09")) || c.IsWorkday(date(t, "2026-05-05")) {
		t.Error("2026-05-09 must be a working day and 2026-05-05 a holiday")
	}
}

// 元旦 2026: 01-01 … 01-03 off, Sunday 01-04 a make-up working day.
func TestYearBoundary2025To2026(t *testing.T) {
	c := embedded(t)
	checkAdd(t, c, []addCase{
		{"2025-12-31", 1, "2026-01-04"},
		{"2025-12-31", 2, "2026-01-05"},
		{"2025-12-24", 5, "2025-12-31"},
		{"2025-12-26", 3, "2025-12-31"},
		{"2025-12-26", 4, "2026-01-04"},
		{"2026-01-04", -1, "2025-12-31"},
		{"2026-01-05", -2, "2025-12-31"},
	})
	n, _ := c.WorkdaysBetween(date(t, "2025-12-30"), date(t, "2026-01-05"))
	if n != 3 { // 12-31, 01-04, 01-05
		t.Errorf("WorkdaysBetween(2025-12-30, 2026-01-05) = %d, want 3", n)
	}
	n, _ = c.WorkdaysBetween(date(t, "2026-01-05"), date(t, "2025-12-30"))
	if n != -3 {
		t.Errorf("WorkdaysBetween backwards = %d, want -3", n)
	}
}

// National Day and Mid-Autumn 2025: 10-01 … 10-08 off, Sunday 09-28 and
// Saturday 10-11 make-up working days.
func TestNationalDay2025(t *testing.T) {
	c := embedded(t)
	checkAdd(t, c, []addCase{
		{"2025-09-30", 1, "2025-10-09"},
		{"2025-09-26", 1, "2025-09-28"},
		{"2025-10-09", 2, "2025-10-11"},
		{"2025-10-03", 0, "2025-10-09"},
	})
	n, cov := c.WorkdaysBetween(date(t, "2025-09-30"), date(t, "2025-10-13"))
	if n != 4 || !cov.Complete() { // 10-09, 10-10, 10-11, 10-13
		t.Errorf("WorkdaysBetween(09-30, 10-13) = %d %v, want 4", n, cov.Missing)
	}
}

// 2027 has no data: plain weekends, and the coverage says so.
func TestYearWithoutData(t *testing.T) {
	c := embedded(t)
	got, cov := c.AddWorkdays(date(t, "2027-01-29"), 1) // Fri → Mon
	if got.Format(workdays.DateLayout) != "2027-02-01" {
		t.Errorf("2027-01-29 + 1 = %s, want 2027-02-01", got.Format(workdays.DateLayout))
	}
	if cov.Complete() || !equalInts(cov.Missing, []int{2027}) {
		t.Fatalf("coverage missing = %v, want [2027]", cov.Missing)
	}
	w := cov.Warning()
	for _, s := range []string{"holiday data for 2027 is missing", "plain weekends", "add 2027.json (holiday-cn format)",
		"<data dir>", "unbindctl calendar import FILE"} {
		if !strings.Contains(w, s) {
			t.Errorf("warning %q lacks %q", w, s)
		}
	}
	if !c.IsWorkday(date(t, "2027-02-08")) || c.IsWorkday(date(t, "2027-02-06")) {
		t.Error("without data, Monday 2027-02-08 must be a working day and Saturday 2027-02-06 not")
	}
	if info := c.Day(date(t, "2027-02-08")); info.Known || info.Listed {
		t.Errorf("Day(2027-02-08) = %+v, want unknown and unlisted", info)
	}

	// Crossing into 2027 and the last week of 2026 both depend on 2027.
	for _, tc := range []struct {
		from    string
		n       int
		missing []int
	}{
		{"2026-12-31", 1, []int{2027}},
		{"2026-12-28", 1, []int{2027}}, // 12-29 may still be moved by the 2027 notice
		{"2026-12-10", 1, nil},
	} {
		_, cov := c.AddWorkdays(date(t, tc.from), tc.n)
		if !equalInts(cov.Missing, tc.missing) {
			t.Errorf("%s + %d: missing %v, want %v", tc.from, tc.n, cov.Missing, tc.missing)
		}
	}
	if _, cov := c.AddWorkdays(date(t, "2026-12-18"), 4); !cov.Complete() { // → 12-24
		t.Errorf("2026-12-18 + 4 (12-24) should not need 2027: %v", cov.Missing)
	}
	if _, cov := c.AddWorkdays(date(t, "2026-12-18"), 5); cov.Complete() { // → 12-25
		t.Error("2026-12-18 + 5 (12-25) is in the last week and needs 2027")
	}
	// Several years missing.
	cov = c.Coverage(date(t, "2027-06-01"), date(t, "2029-03-01"))
	if !equalInts(cov.Missing, []int{2027, 2028, 2029}) || !strings.Contains(cov.Warning(), "2027, 2028, 2029") {
		t.Errorf("coverage 2027–2029 = %v, %q", cov.Missing, cov.Warning())
	}
	if got := c.MissingYears(date(t, "2022-06-01"), date(t, "2023-02-01")); !equalInts(got, []int{2022}) {
		t.Errorf("MissingYears(2022-06, 2023-02) = %v, want [2022]", got)
	}
}

// A user folder adds 2027 and overrides 2026.
func TestUserFolder(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/holidays/2027.json", dir+"/2027.json")
	c, err := workdays.LoadCalendar(assets.Holidays(), dir)
	if err != nil {
		t.Fatal(err)
	}
	checkAdd(t, c, []addCase{
		{"2027-02-05", 1, "2027-02-06"}, // fake make-up Saturday
		{"2027-02-06", 1, "2027-02-15"}, // fake holiday 02-08 … 02-12, weekend
		{"2026-12-30", 1, "2027-01-04"}, // 2026-12-31 is listed in the 2027 file
		{"2026-04-30", 1, "2026-05-06"}, // embedded 2026 still there
	})
	if c.IsWorkday(date(t, "2026-12-31")) {
		t.Error("2026-12-31 is a holiday in the (fake) 2027 file: a December date must check the next year's file")
	}
	src := c.Years()
	if last := src[len(src)-1]; last.Year != 2027 || !last.User || !strings.HasSuffix(last.Source, "2027.json") {
		t.Errorf("2027 source = %+v", last)
	}

	// Override 2026 with a file where May Day is only 05-01.
	writeFile(t, dir+"/2026.json", `{"year":2026,"papers":[],"days":[{"name":"劳动节","date":"2026-05-01","isOffDay":true}]}`)
	c, err = workdays.LoadCalendar(assets.Holidays(), dir)
	if err != nil {
		t.Fatal(err)
	}
	checkAdd(t, c, []addCase{{"2026-04-30", 1, "2026-05-04"}})
	if c.IsWorkday(date(t, "2026-05-09")) {
		t.Error("the user's 2026.json replaces the embedded one entirely: 05-09 is a plain Saturday now")
	}
}

// A year's file may list early-January dates of the next year; they count
// even though that year has no file.
func TestPreviousYearFileListsJanuary(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/2027.json", `{"year":2027,"papers":[],"days":[
		{"name":"元旦","date":"2027-01-01","isOffDay":true},
		{"name":"元旦","date":"2028-01-02","isOffDay":false}]}`)
	c, err := workdays.LoadCalendar(nil, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !c.IsWorkday(date(t, "2028-01-02")) {
		t.Error("Sunday 2028-01-02 is a make-up day in the 2027 file")
	}
	got, cov := c.AddWorkdays(date(t, "2027-12-31"), 1)
	if got.Format(workdays.DateLayout) != "2028-01-02" || !equalInts(cov.Missing, []int{2028}) {
		t.Errorf("2027-12-31 + 1 = %s %v, want 2028-01-02 [2028]", got.Format(workdays.DateLayout), cov.Missing)
	}
}

func TestAddWorkdaysProperties(t *testing.T) {
	c := embedded(t)
	start := date(t, "2022-12-01")
	for i := 0; i < 4*366; i += 3 {
		d := start.AddDate(0, 0, i)
		for _, n := range []int{0, 1, 2, 5, 15} {
			got, _ := c.AddWorkdays(d, n)
			if !c.IsWorkday(got) {
				t.Fatalf("%s + %d = %s is not a working day", d.Format(workdays.DateLayout), n, got.Format(workdays.DateLayout))
			}
			if n == 0 {
				continue
			}
			if k, _ := c.WorkdaysBetween(d, got); k != n {
				t.Fatalf("WorkdaysBetween(%s, %s) = %d, want %d", d.Format(workdays.DateLayout), got.Format(workdays.DateLayout), k, n)
			}
			if back, _ := c.AddWorkdays(got, -n); c.IsWorkday(d) && !back.Equal(d) {
				t.Fatalf("%s + %d - %d = %s", d.Format(workdays.DateLayout), n, n, back.Format(workdays.DateLayout))
			}
		}
	}
}

func TestDateOf(t *testing.T) {
	// 2026-04-30 20:00 UTC is already 05-01 04:00 in Beijing.
	inst := time.Date(2026, 4, 30, 20, 0, 0, 0, time.UTC)
	if got := workdays.FormatDate(inst); got != "2026-05-01" {
		t.Errorf("FormatDate(%v) = %s", inst, got)
	}
	c := embedded(t)
	got, _ := c.AddWorkdays(inst, 1) // from 05-01 (holiday): 05-06
	if got.Format(workdays.DateLayout) != "2026-05-06" {
		t.Errorf("instant + 1 = %s", got.Format(workdays.DateLayout))
	}
	if d := date(t, "2026-05-06"); !workdays.DateOf(d).Equal(d) {
		t.Error("DateOf must keep a midnight-UTC date on its day")
	}
	at := workdays.AtChinaTime(date(t, "2026-05-06"), 9, 30)
	if want := time.Date(2026, 5, 6, 1, 30, 0, 0, time.UTC); !at.Equal(want) {
		t.Errorf("AtChinaTime = %v, want %v", at.UTC(), want)
	}
	for _, bad := range []string{"2026-5-6", "2026-02-30", "20260506", "", "2026-05-06T00:00:00Z"} {
		if _, err := workdays.ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
