package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/store/storetest"
)

func TestPreviousPhoneCheck(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	if _, ok, err := st.PreviousPhoneCheck(ctx, "13812345678", ""); ok || err != nil {
		t.Fatalf("empty store: %v %v", ok, err)
	}
	at := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	first, err := st.SavePhoneCheck(ctx, store.PhoneCheck{Phone: "138 1234 5678", CheckedAt: at, Counts: map[string]int{"jd": 2}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SavePhoneCheck(ctx, store.PhoneCheck{Phone: "13900000000", CheckedAt: at.Add(time.Hour), Counts: map[string]int{"jd": 9}}); err != nil {
		t.Fatal(err)
	}
	second, err := st.SavePhoneCheck(ctx, store.PhoneCheck{Phone: "13812345678", CheckedAt: at.AddDate(0, 0, 7), Counts: map[string]int{"jd": 1}})
	if err != nil {
		t.Fatal(err)
	}
	prev, ok, err := st.PreviousPhoneCheck(ctx, "+86 138 1234 5678", second.ID)
	if err != nil || !ok || prev.ID != first.ID || prev.Counts["jd"] != 2 || !prev.CheckedAt.Equal(at) {
		t.Errorf("previous of the second: %+v %v %v", prev, ok, err)
	}
	if _, ok, _ := st.PreviousPhoneCheck(ctx, "13812345678", first.ID); ok {
		t.Error("the first check has a previous one")
	}
	latest, ok, _ := st.PreviousPhoneCheck(ctx, "13812345678", "")
	if !ok || latest.ID != second.ID {
		t.Errorf("latest: %+v", latest)
	}
}
