package workdays_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/unbindapp/unbind/accounts/workdays"
)

// FuzzParseHolidayFile checks that no input makes the parser panic, that
// every rejection is an invalid-file error, and that what it accepts obeys
// the rules it promises and survives a round trip. Seeds are in
// testdata/fuzz/FuzzParseHolidayFile.
func FuzzParseHolidayFile(f *testing.F) {
	f.Add([]byte(`{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		hf, err := workdays.ParseHolidayFile("fuzz.json", data)
		if err != nil {
			if !errors.Is(err, workdays.ErrInvalidHolidayFile) {
				t.Fatalf("error %v is not an invalid-file error", err)
			}
			var fe *workdays.FileError
			if !errors.As(err, &fe) || fe.File != "fuzz.json" {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		if len(hf.Days) == 0 {
			t.Fatal("accepted a file without days")
		}
		seen := map[time.Time]bool{}
		for _, d := range hf.Days {
			y, m := d.Date.Year(), d.Date.Month()
			ok := y == hf.Year || y == hf.Year-1 && m == time.December || y == hf.Year+1 && m == time.January
			if !ok {
				t.Fatalf("accepted %s in a %d file", d.Date.Format(workdays.DateLayout), hf.Year)
			}
			if d.Date.Location() != time.UTC || d.Date.Hour() != 0 || !workdays.DateOf(d.Date).Equal(d.Date) {
				t.Fatalf("date %v is not a midnight-UTC date", d.Date)
			}
			if seen[d.Date] {
				t.Fatalf("duplicate %s kept", d.Date.Format(workdays.DateLayout))
			}
			seen[d.Date] = true
		}

		// Round trip through the holiday-cn format.
		type day struct {
			Name     string `json:"name"`
			Date     string `json:"date"`
			IsOffDay bool   `json:"isOffDay"`
		}
		out := struct {
			Year   int      `json:"year"`
			Papers []string `json:"papers"`
			Days   []day    `json:"days"`
		}{Year: hf.Year, Papers: append([]string{}, hf.Papers...)}
		for _, d := range hf.Days {
			out.Days = append(out.Days, day{d.Name, d.Date.Format(workdays.DateLayout), d.IsOffDay})
		}
		again, _ := json.Marshal(out)
		hf2, err := workdays.ParseHolidayFile("again.json", again)
		if err != nil {
			t.Fatalf("re-encoded file refused: %v\n%s", err, again)
		}
		if fmt.Sprint(hf2) != fmt.Sprint(hf) {
			t.Fatalf("round trip changed the file:\n%v\n%v", hf, hf2)
		}

		// What parses also loads, under its own name, and its days count.
		name := fmt.Sprintf("%d.json", hf.Year)
		c, err := workdays.LoadCalendar(fstest.MapFS{name: {Data: data}}, "")
		if err != nil {
			t.Fatalf("parsed but does not load as %s: %v", name, err)
		}
		for _, d := range hf.Days {
			if c.IsWorkday(d.Date) == d.IsOffDay {
				t.Fatalf("%s: IsWorkday disagrees with isOffDay %t", d.Date.Format(workdays.DateLayout), d.IsOffDay)
			}
		}
	})
}
