package report_test

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/demo"
	"github.com/unbindapp/unbind/accounts/report"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/assets"
)

// bigInput is n synthetic accounts (demo.Generate) with a deletion track
// each, three events each, a reminder for every third, stored secrets
// and backups on some: the shape of a large real inventory.
func bigInput(tb testing.TB, n int) report.Input {
	tb.Helper()
	in := report.Input{Accounts: demo.Generate(n), Tracks: map[string][]accounts.Track{}}
	for i := range in.Accounts {
		a := &in.Accounts[i]
		t0 := a.CreatedAt
		a.Email = a.Login
		if i%2 == 0 {
			a.SecretFields = []accounts.SecretField{accounts.SecretPassword}
			b := t0.Add(24 * time.Hour)
			a.LastBackupAt = &b
		}
		if i%5 == 0 {
			a.ThirdParty = []accounts.ThirdParty{accounts.ThirdPartyWeChat}
		}
		tr := accounts.Track{AccountID: a.ID, Kind: accounts.TrackAccountDelete,
			Done: map[string]time.Time{"step:0": t0, "prereq:finish_orders": t0}}
		if a.Status == accounts.StatusSubmitted || a.Status == accounts.StatusUnderReview || a.Status == accounts.StatusDeactivated {
			s := t0.Add(48 * time.Hour)
			tr.SubmittedAt = &s
			if a.Status == accounts.StatusDeactivated {
				c := s.Add(72 * time.Hour)
				tr.CompletedAt = &c
			}
		}
		in.Tracks[a.ID] = []accounts.Track{tr}
		in.Events = append(in.Events,
			accounts.Event{ID: int64(3 * i), AccountID: a.ID, Label: a.Name, At: t0, Kind: accounts.EventCreated, To: "active"},
			accounts.Event{ID: int64(3*i + 1), AccountID: a.ID, Label: a.Name, At: t0.Add(time.Hour), Kind: accounts.EventStep,
				Track: accounts.TrackAccountDelete, To: "step:0"},
			accounts.Event{ID: int64(3*i + 2), AccountID: a.ID, Label: a.Name, At: t0.Add(2 * time.Hour), Kind: accounts.EventStatus,
				Track: accounts.TrackAccountDelete, From: "preparing", To: string(a.Status), Note: "note " + a.Name})
		if i%3 == 0 {
			in.Reminders = append(in.Reminders, accounts.Reminder{ID: a.ID, AccountID: a.ID, Kind: accounts.ReminderBackup,
				Title: "备份 " + a.Name, DueAt: t0.Add(90 * 24 * time.Hour), State: accounts.ReminderPending})
		}
	}
	cat, errs := catalog.Load(assets.Catalog, "")
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	in.Platforms = report.FromCatalog(cat)
	cal, err := workdays.LoadCalendar(assets.Holidays(), "")
	if err != nil {
		tb.Fatal(err)
	}
	in.Calendar = cal
	return in
}

func bigReport(b *testing.B) *report.Report {
	in := bigInput(b, 10000)
	opts := report.Options{Now: time.Date(2025, 6, 1, 9, 0, 0, 0, cst), Location: cst, AppVersion: "bench"}
	r, err := report.Build(context.Background(), in, opts)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

func BenchmarkBuild10k(b *testing.B) {
	in := bigInput(b, 10000)
	opts := report.Options{Now: time.Date(2025, 6, 1, 9, 0, 0, 0, cst), Location: cst}
	for b.Loop() {
		if _, err := report.Build(context.Background(), in, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func benchFormat(b *testing.B, f report.Format) {
	r := bigReport(b)
	var size countWriter
	for b.Loop() {
		size = 0
		if err := report.Write(&size, r, f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

func BenchmarkReportHTML10k(b *testing.B) { benchFormat(b, report.HTML) }
func BenchmarkReportCSV10k(b *testing.B)  { benchFormat(b, report.CSV) }
func BenchmarkReportJSON10k(b *testing.B) { benchFormat(b, report.JSON) }
func BenchmarkReportPDF10k(b *testing.B)  { benchFormat(b, report.PDF) }
