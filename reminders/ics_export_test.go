package reminders_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
)

// ExportICS writes what is stored, stamped with the service's clock, and
// counts the events it wrote (the open ones only with OpenOnly).
func TestExportICS(t *testing.T) {
	now := cst(2026, 12, 2, 9, 30)
	f := newFixture(t, now)
	a := f.addAccount(accounts.Account{PlatformID: "taobao", Name: "main"})
	var ids []string
	for _, note := range []string{"call, again; with ticket", "check the refund"} {
		r, err := f.svc.AddCustom(f.ctx, a.ID, now.Add(48*time.Hour), note)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	if _, err := f.svc.Done(f.ctx, ids[1]); err != nil {
		t.Fatal(err)
	}

	var all, open bytes.Buffer
	n, err := f.svc.ExportICS(f.ctx, &all, reminders.ICSOptions{})
	if err != nil || n != 2 {
		t.Fatalf("ExportICS: %d events, %v; want 2", n, err)
	}
	if n, err := f.svc.ExportICS(f.ctx, &open, reminders.ICSOptions{OpenOnly: true}); err != nil || n != 1 {
		t.Fatalf("ExportICS open only: %d events, %v; want 1", n, err)
	}
	// The same store and clock through WriteICS by hand: the same bytes.
	rs, err := f.svc.List(f.ctx, store.ReminderFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := reminders.WriteICS(&want, rs, reminders.ICSOptions{Now: now}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(all.Bytes(), want.Bytes()) {
		t.Errorf("ExportICS differs from WriteICS of the stored reminders at the service's clock:\n%s\n---\n%s", all.String(), want.String())
	}
	if !strings.Contains(all.String(), "DTSTAMP:20261202T013000Z\r\n") || !strings.Contains(all.String(), `call\, again\; with ticket`) {
		t.Errorf("export lacks the clock's DTSTAMP or the escaped title:\n%s", all.String())
	}
	if strings.Count(open.String(), "BEGIN:VEVENT") != 1 {
		t.Errorf("open-only export:\n%s", open.String())
	}
}
