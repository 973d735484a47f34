package workdays_test

import (
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts/workdays"
)

// A request submitted late on 2026-02-12 in Beijing (still the 12th there,
// already the 12th in UTC too) and one submitted at 23:30 UTC on the 11th
// (the 12th in Beijing) both fall due on the same day: the third working
// day after the 12th skips the Spring Festival.
func TestReviewDueCountsChinaDays(t *testing.T) {
	c := embedded(t)
	for _, at := range []time.Time{
		time.Date(2026, 2, 12, 22, 0, 0, 0, workdays.ChinaTime),
		time.Date(2026, 2, 11, 23, 30, 0, 0, time.UTC),
	} {
		due, cov := c.ReviewDue(at, 3)
		if got := workdays.FormatDate(due); got != "2026-02-24" || !cov.Complete() {
			t.Errorf("ReviewDue(%v, 3) = %s (complete %t), want 2026-02-24", at, got, cov.Complete())
		}
	}
	// Without holiday data the same request counts weekends only and says
	// the year is missing.
	due, cov := workdays.Weekends().ReviewDue(time.Date(2026, 2, 12, 12, 0, 0, 0, workdays.ChinaTime), 3)
	if got := workdays.FormatDate(due); got != "2026-02-17" || cov.Complete() {
		t.Errorf("Weekends().ReviewDue = %s (complete %t), want 2026-02-17, incomplete", got, cov.Complete())
	}
}
