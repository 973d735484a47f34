package reminders

import (
	"reflect"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/assets"
)

// Derive reads the clock only through clockEpoch: at any two instants of
// one epoch every rule gives the same reminders. Sync skips on that
// promise, so a rule that starts reading Now another way fails here.
func TestDeriveDependsOnTheClockOnlyThroughItsEpoch(t *testing.T) {
	cat, err := catalog.Load(assets.Catalog, "")
	if err != nil {
		t.Fatal(err)
	}
	tb, ok := cat.Platform("taobao")
	if !ok {
		t.Fatal("no taobao in the catalog")
	}
	created := time.Date(2025, 12, 30, 15, 17, 0, 0, workdays.ChinaTime)
	backup := time.Date(2025, 12, 31, 23, 40, 0, 0, workdays.ChinaTime)
	var inputs []Input
	for _, days := range []int{1, 2, 7} {
		for _, last := range []*time.Time{nil, &backup} {
			inputs = append(inputs, Input{Account: accounts.Account{ID: "k", PlatformID: "jd", Status: accounts.StatusKept,
				CreatedAt: created, LastBackupAt: last}, Settings: Settings{BackupIntervalDays: days}})
		}
	}
	inputs = append(inputs, Input{Account: accounts.Account{ID: "p", PlatformID: "taobao", Status: accounts.StatusPreparing,
		CreatedAt: created}, Platform: tb, HasPlatform: true})
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, workdays.ChinaTime)
	for _, hour := range []int{8, 10, 20} {
		for _, in := range inputs {
			in.Settings.DueHour = hour
			in.Now = start
			prev, prevEpoch := Derive(in), epochOf(start, in.Settings)
			moves := 0
			for now := start; now.Before(start.AddDate(0, 0, 16)); now = now.Add(20 * time.Minute) {
				in.Now = now
				got, epoch := Derive(in), epochOf(now, in.Settings)
				if epoch == prevEpoch && !reflect.DeepEqual(got, prev) {
					t.Fatalf("%s, due hour %d: the reminders changed at %v within one epoch:\n%v\n%v", in.Account.ID, hour, now, prev, got)
				}
				if !reflect.DeepEqual(got, prev) {
					moves++
				}
				prev, prevEpoch = got, epoch
			}
			if moves == 0 {
				t.Errorf("%s, due hour %d: the reminders never moved with the clock; the test looks at nothing", in.Account.ID, hour)
			}
		}
	}
}
