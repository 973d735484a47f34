package importer

import (
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// TestMatchDeletedAccounts: over a real SQLite file, proposals that match
// a deleted account (by login or by phone) are found with the day of the
// deletion, and each resolution does what it says, all or nothing.
func TestMatchDeletedAccounts(t *testing.T) {
	st := openStore(t)
	svc := accounts.NewService(st, nil)
	deleted := time.Date(2026, 10, 8, 3, 0, 0, 0, time.UTC)
	addDeleted := func(a accounts.Account) accounts.Account {
		a.Status = accounts.StatusActive
		a, err := svc.Add(bg, a)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []accounts.Status{accounts.StatusPreparing, accounts.StatusSubmitted, accounts.StatusDeactivated} {
			if a, err = svc.ChangeStatus(bg, a.ID, s, accounts.StatusChange{Track: accounts.TrackAccountDelete, At: deleted}); err != nil {
				t.Fatal(err)
			}
		}
		return a
	}
	jd := addDeleted(accounts.Account{PlatformID: "jd", Name: "京东", Login: "Alice@Example.com"})
	pdd := addDeleted(accounts.Account{PlatformID: "pinduoduo", Name: "拼多多", Login: "pdd_alice", Phone: "+86 138 1234 5678"})
	live, err := svc.Add(bg, accounts.Account{PlatformID: "taobao", Name: "淘宝", Login: "tb_alice", Status: accounts.StatusActive})
	if err != nil {
		t.Fatal(err)
	}
	existing, _ := st.Accounts(bg)
	tracks, _ := st.AllTracks(bg)
	ix := NewIndexWith(existing, tracks)

	props := []Proposal{
		{PlatformID: "jd", Name: "jd.com", Login: " alice@example.COM ", Line: 2},       // same login, normalised
		{PlatformID: "pinduoduo", Name: "yangkeduo.com", Login: "13812345678", Line: 3}, // same phone, other login
		{PlatformID: "taobao", Name: "taobao.com", Login: "tb_alice", Line: 4},          // live account
		{PlatformID: "jd", Name: "jd.com", Login: "13812345678", Line: 5},               // the phone is on another platform
	}
	for i, p := range props {
		props[i].Key = p.PlatformID + "|" + NormaliseLogin(p.Login)
	}
	m, ok := ix.Match(props[0])
	if !ok || m.AccountID != jd.ID || !m.Deleted() || m.DeletedOn == nil || !m.DeletedOn.Equal(deleted) || m.ByPhone {
		t.Errorf("login match: %+v %v", m, ok)
	}
	m, ok = ix.Match(props[1])
	if !ok || m.AccountID != pdd.ID || !m.ByPhone || m.DeletedOn == nil {
		t.Errorf("phone match: %+v %v", m, ok)
	}
	if m, ok := ix.Match(props[2]); !ok || m.AccountID != live.ID || m.Deleted() || m.DeletedOn != nil || DefaultResolution(m) != ResolveMerge {
		t.Errorf("live match: %+v %v", m, ok)
	}
	if m, ok := ix.Match(props[3]); ok {
		t.Errorf("a phone on another platform matched %+v", m)
	}
	if DefaultResolution(Match{Status: accounts.StatusDeactivated}) != ResolveSkip {
		t.Error("a deleted account is not skipped by default")
	}

	// All or nothing: a merge into an account that is gone fails the lot.
	bad, _ := Resolve(props[3], Match{AccountID: "no-such-account"}, ResolveMerge)
	before := rows(t, st, "accounts")
	if _, err := Apply(bg, st, []Proposal{props[2], bad}, ApplyOptions{Source: "test"}); err == nil || rows(t, st, "accounts") != before {
		t.Fatalf("a failed merge wrote: %v, %d accounts", err, rows(t, st, "accounts"))
	}

	// Add anyway (a new JD account), merge by phone (PDD), skip the third.
	mJD, _ := ix.Match(props[0])
	mPDD, _ := ix.Match(props[1])
	addJD, ok1 := Resolve(props[0], mJD, ResolveAdd)
	mergePDD, ok2 := Resolve(props[1], mPDD, ResolveMerge)
	_, ok3 := Resolve(props[2], Match{AccountID: live.ID}, ResolveSkip)
	if !ok1 || !ok2 || ok3 {
		t.Fatal("Resolve: skip is the only one left out")
	}
	res, err := Apply(bg, st, []Proposal{addJD, mergePDD}, ApplyOptions{Source: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Merged+res.Unchanged != 1 || len(res.IDs) != 2 || res.IDs[0] == jd.ID || res.IDs[1] != pdd.ID {
		t.Errorf("apply: %+v", res)
	}
	if rows(t, st, "accounts") != before+1 {
		t.Errorf("%d accounts, want %d", rows(t, st, "accounts"), before+1)
	}
	got, _ := svc.Get(bg, pdd.ID)
	if got.Status != accounts.StatusDeactivated || got.Login != "pdd_alice" {
		t.Errorf("the merge changed the deleted account: %+v", got)
	}
}
