package kit

import (
	"testing"
	"time"
)

// Dates are China-time days with the weekday, whatever zone the computer
// is in: late evening in New York on 1 December is already the 2nd in
// Beijing, and every screen says so.
func TestDatesAreChinaDaysWithWeekday(t *testing.T) {
	defer func(l *time.Location) { time.Local = l }(time.Local)
	time.Local = time.FixedZone("EST", -5*3600)
	at := time.Date(2026, 12, 1, 20, 30, 0, 0, time.Local) // 2026-12-02 09:30 in Beijing
	defer SetupLanguage(LangEn)
	for lang, want := range map[string][2]string{
		LangEn: {"Wed 2026-12-02", "Wed 2026-12-02 09:30"},
		LangZh: {"2026-12-02 周三", "2026-12-02 周三 09:30"},
	} {
		SetupLanguage(lang)
		if got := FormatDate(at); got != want[0] {
			t.Errorf("%s: FormatDate = %q, want %q", lang, got, want[0])
		}
		if got := FormatDateTime(at); got != want[1] {
			t.Errorf("%s: FormatDateTime = %q, want %q", lang, got, want[1])
		}
	}
	if ClockNote(at) == "" {
		t.Error("no note about the clock on a computer outside China time")
	}
	if got := TodayForPicker(at); got.Day() != 2 || got.Location() != time.Local {
		t.Errorf("the picker opens on %v, want the 2nd (local midnight)", got)
	}
	if got := PickedDay(time.Date(2026, 12, 2, 0, 0, 0, 0, time.Local)); !got.Equal(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("PickedDay = %v", got)
	}
}
