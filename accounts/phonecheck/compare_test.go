package phonecheck

import (
	"errors"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

func TestCompareExplainsDeletedCoolingAndChange(t *testing.T) {
	cat := builtinCatalog(t)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	done, until := day(3), day(20)
	all := []accounts.Account{
		{ID: "jd-old", PlatformID: "jd", Name: "京东旧号", Phone: "13812345678", Status: accounts.StatusDeactivated, UpdatedAt: day(9)},
		{ID: "mt", PlatformID: "meituan", Name: "美团", Phone: "13812345678", Status: accounts.StatusCoolingOff},
		{ID: "dy", PlatformID: "douyin", Name: "抖音", Phone: "13812345678", Status: accounts.StatusDeactivated, UpdatedAt: day(7)},
		{ID: "tb", PlatformID: "taobao", Name: "淘宝", Phone: "13812345678", Status: accounts.StatusActive},
	}
	tracks := map[string][]accounts.Track{
		"jd-old": {{Kind: accounts.TrackAccountDelete, CompletedAt: &done}},
		"mt":     {{Kind: accounts.TrackAccountDelete, CoolingUntil: &until}},
	}
	sms, err := ParseSMS(cat, "京东1个，美团1个，抖音0个，阿里巴巴1个")
	if err != nil {
		t.Fatal(err)
	}
	prevAt := day(1)
	res := CompareWith(cat, "13812345678", sms.Counts, all, Options{Tracks: tracks,
		Previous: map[string]int{"jd": 2, "bytedance": 1, "tencent": 1}, PreviousAt: prevAt})
	by := map[string]CompanyResult{}
	for _, c := range res.Companies {
		by[c.Company.ID] = c
	}
	jd := by["jd"]
	if jd.Known != 0 || jd.Missing != 1 || jd.StillCounted != 1 || len(jd.Deleted) != 1 || !jd.Deleted[0].DeletedOn.Equal(done) || jd.Previous != 2 {
		t.Errorf("jd: %+v", jd)
	}
	mt := by["meituan"]
	if mt.Known != 1 || mt.CoolingOff != 1 || mt.Accounts[0].CoolingUntil == nil || !mt.Accounts[0].CoolingUntil.Equal(until) || mt.Previous != -1 {
		t.Errorf("meituan: %+v", mt)
	}
	dy := by["bytedance"]
	if dy.StillCounted != 0 || len(dy.Deleted) != 1 || !dy.Deleted[0].DeletedOn.Equal(day(7)) || dy.Previous != 1 {
		t.Errorf("douyin: %+v", dy)
	}
	if res.PreviousAt == nil || !res.PreviousAt.Equal(prevAt) || len(res.NoLongerListed) != 1 || res.NoLongerListed[0].Company.ID != "tencent" || res.NoLongerListed[0].Count != 1 {
		t.Errorf("previous %v, no longer listed %+v", res.PreviousAt, res.NoLongerListed)
	}
	if res.Missing != 1 {
		t.Errorf("missing %d", res.Missing)
	}
}

func TestSMSPhone(t *testing.T) {
	full := SMS{Phone: "13812345678"}
	masked := SMS{MaskedPhone: "138****5678"}
	for _, tc := range []struct {
		s       SMS
		entered string
		want    string
		ok      bool
	}{
		{full, "", "13812345678", true},
		{full, "+86 138 1234 5678", "13812345678", true},
		{full, "13912345678", "", false},
		{masked, "", "", false},
		{masked, "138-1234-5678", "13812345678", true},
		{masked, "13912345678", "", false},
		{SMS{}, "", "", false},
		{SMS{}, "call me", "", false},
		{SMS{}, "13700000000", "13700000000", true},
	} {
		got, err := SMSPhone(tc.s, tc.entered)
		var pe *PhoneError
		if got != tc.want || (err == nil) != tc.ok || (err != nil && !errors.As(err, &pe)) {
			t.Errorf("SMSPhone(%+v, %q) = %q, %v", tc.s, tc.entered, got, err)
		}
	}
}
