package reminders_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/reminders"
)

var icsNow = time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)

func ptr[T any](v T) *T { return &v }

// icsFixture covers every state and the awkward text: Chinese, commas,
// semicolons, backslashes, line breaks (LF and CRLF), tabs, a control
// character and lines far over 75 octets.
func icsFixture() []accounts.Reminder {
	due := time.Date(2026, 5, 6, 1, 0, 0, 0, time.UTC) // 09:00 in Beijing
	long := strings.Repeat("请在淘宝「账号设置→注销账号」页面确认；余额、优惠券, 积分会清零。", 6)
	return []accounts.Reminder{
		{
			ID: "0f8e2a4c-review", AccountID: "acc-1", Kind: accounts.ReminderReviewDue, Key: "review_due:account_delete",
			Title: "淘宝：注销审核应已完成 (3–5 个工作日), 请检查; 状态",
			Body:  "工单号：TB-2026-0042\n提交：2026-04-28\r\n路径 C:\\Users\\li\\备份\t完成后标记为已完成。\x07" + long,
			DueAt: due, State: accounts.ReminderPending, CreatedAt: icsNow.Add(-time.Hour),
		},
		{
			ID: "snoozed-1", Kind: accounts.ReminderBackup, Title: "备份京东订单",
			DueAt: due, State: accounts.ReminderSnoozed, SnoozedUntil: ptr(due.Add(26 * time.Hour)),
		},
		{
			ID: "done-1", Kind: accounts.ReminderCustom, Title: "解绑支付宝", Body: "已经解绑",
			DueAt: due, State: accounts.ReminderDone, ClosedAt: ptr(icsNow),
		},
		{
			ID: "dismissed-1", Kind: accounts.ReminderPostCheck, Title: "检查拼多多是否还能登录",
			DueAt: due, State: accounts.ReminderDismissed, ClosedAt: ptr(icsNow),
		},
	}
}

func exportICS(t *testing.T, rs []accounts.Reminder, opts reminders.ICSOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := reminders.WriteICS(&buf, rs, opts); err != nil {
		t.Fatalf("WriteICS: %v", err)
	}
	return buf.Bytes()
}

func TestICSRoundTrip(t *testing.T) {
	rs := icsFixture()
	data := exportICS(t, rs, reminders.ICSOptions{Now: icsNow, AlarmBefore: 15 * time.Minute})
	cal, err := parseICS(data)
	if err != nil {
		t.Fatalf("the export does not parse: %v\n%s", err, data)
	}
	if cal.Name != "VCALENDAR" {
		t.Fatalf("top component %s", cal.Name)
	}
	for name, want := range map[string]string{"VERSION": "2.0", "CALSCALE": "GREGORIAN", "PRODID": "-//unbindapp//Unbind//EN"} {
		if p, err := cal.get(name); err != nil || p.Value != want {
			t.Errorf("%s = %q, %v; want %q", name, p.Value, err, want)
		}
	}
	events := cal.subs("VEVENT")
	if len(events) != len(rs) {
		t.Fatalf("%d events, want %d", len(events), len(rs))
	}
	if !bytes.Contains(data, []byte("\r\n ")) {
		t.Error("the long description should have been folded")
	}

	wantStart := []string{"20260506T010000Z", "20260507T030000Z", "20260506T010000Z", "20260506T010000Z"}
	wantStatus := []string{"CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED"}
	wantAlarm := []bool{true, true, false, false}
	for i, ev := range events {
		r := rs[i]
		mustText := func(name string) string {
			s, err := ev.text(name)
			if err != nil {
				t.Errorf("event %s: %v", r.ID, err)
			}
			return s
		}
		if got := mustText("UID"); got != r.ID+"@unbind.local" {
			t.Errorf("UID = %q", got)
		}
		wantSummary := r.Title
		if r.State == accounts.ReminderDone {
			wantSummary = "✓ " + r.Title
		}
		if got := mustText("SUMMARY"); got != wantSummary {
			t.Errorf("SUMMARY = %q, want %q", got, wantSummary)
		}
		if r.Body != "" {
			want := strings.NewReplacer("\r\n", "\n", "\x07", "").Replace(r.Body)
			if got := mustText("DESCRIPTION"); got != want {
				t.Errorf("DESCRIPTION round trip:\n got %q\nwant %q", got, want)
			}
		} else if ev.has("DESCRIPTION") {
			t.Errorf("event %s: DESCRIPTION without a body", r.ID)
		}
		for name, want := range map[string]string{
			"DTSTART": wantStart[i], "DTSTAMP": "20260501T080000Z", "STATUS": wantStatus[i], "TRANSP": "TRANSPARENT",
		} {
			if p, err := ev.get(name); err != nil || p.Value != want {
				t.Errorf("event %s: %s = %q, %v; want %q", r.ID, name, p.Value, err, want)
			}
		}
		start, _ := time.Parse("20060102T150405Z", wantStart[i])
		if p, _ := ev.get("DTEND"); p.Value != start.Add(30*time.Minute).Format("20060102T150405Z") {
			t.Errorf("event %s: DTEND = %q", r.ID, p.Value)
		}
		alarms := ev.subs("VALARM")
		if len(alarms) != map[bool]int{true: 1, false: 0}[wantAlarm[i]] {
			t.Errorf("event %s: %d alarms, want alarm %t", r.ID, len(alarms), wantAlarm[i])
			continue
		}
		for _, a := range alarms {
			act, _ := a.get("ACTION")
			trig, _ := a.get("TRIGGER")
			desc, err := a.text("DESCRIPTION")
			if act.Value != "DISPLAY" || trig.Value != "-PT15M" || err != nil || desc != r.Title {
				t.Errorf("event %s: alarm %s %s %q %v", r.ID, act.Value, trig.Value, desc, err)
			}
		}
	}
}

// An independent parser (github.com/arran4/golang-ical) reads the export too.
func TestICSParsesWithGolangIcal(t *testing.T) {
	rs := icsFixture()
	data := exportICS(t, rs, reminders.ICSOptions{Now: icsNow})
	cal, err := ical.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != len(rs) {
		t.Fatalf("%d events, want %d", len(events), len(rs))
	}
	ev := events[0]
	if ev.Id() != "0f8e2a4c-review@unbind.local" {
		t.Errorf("UID = %q", ev.Id())
	}
	if got := ical.FromText(ev.GetProperty(ical.ComponentPropertySummary).Value); got != rs[0].Title {
		t.Errorf("SUMMARY = %q", got)
	}
	want := strings.NewReplacer("\r\n", "\n", "\x07", "").Replace(rs[0].Body)
	if got := ical.FromText(ev.GetProperty(ical.ComponentPropertyDescription).Value); got != want {
		t.Errorf("DESCRIPTION = %q", got)
	}
	start, err := ev.GetStartAt()
	if err != nil || !start.Equal(rs[0].DueAt) {
		t.Errorf("start = %v, %v", start, err)
	}
	if n := len(ev.Alarms()); n != 1 {
		t.Errorf("%d alarms", n)
	}
}

// Re-exporting gives the same UIDs (so a calendar updates its events) and,
// with the same clock, the same bytes.
func TestICSStableUIDs(t *testing.T) {
	rs := icsFixture()
	a := exportICS(t, rs, reminders.ICSOptions{Now: icsNow})
	b := exportICS(t, rs, reminders.ICSOptions{Now: icsNow})
	if !bytes.Equal(a, b) {
		t.Error("the export is not deterministic")
	}
	rs[0].State, rs[0].ClosedAt = accounts.ReminderDone, ptr(icsNow)
	c := exportICS(t, rs, reminders.ICSOptions{Now: icsNow.Add(time.Hour)})
	ca, _ := parseICS(a)
	cc, err := parseICS(c)
	if err != nil {
		t.Fatal(err)
	}
	for i, ev := range cc.subs("VEVENT") {
		u1, _ := ca.subs("VEVENT")[i].text("UID")
		u2, _ := ev.text("UID")
		if u1 != u2 {
			t.Errorf("UID changed from %q to %q", u1, u2)
		}
	}
	if len(cc.subs("VEVENT")[0].subs("VALARM")) != 0 {
		t.Error("a reminder marked done keeps its alarm")
	}
}

func TestICSOpenOnly(t *testing.T) {
	data := exportICS(t, icsFixture(), reminders.ICSOptions{Now: icsNow, OpenOnly: true})
	cal, err := parseICS(data)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, ev := range cal.subs("VEVENT") {
		id, _ := ev.text("UID")
		ids = append(ids, id)
	}
	if strings.Join(ids, " ") != "0f8e2a4c-review@unbind.local snoozed-1@unbind.local" {
		t.Errorf("open-only export holds %v", ids)
	}
	// An empty list is still a valid calendar.
	if _, err := parseICS(exportICS(t, nil, reminders.ICSOptions{})); err != nil {
		t.Errorf("empty export: %v", err)
	}
}

func TestICSRefusesBadReminders(t *testing.T) {
	due := icsNow
	for name, rs := range map[string][]accounts.Reminder{
		"no ID":        {{Title: "x", DueAt: due, State: accounts.ReminderPending}},
		"no due time":  {{ID: "a", Title: "x", State: accounts.ReminderPending}},
		"duplicate ID": {{ID: "a", DueAt: due}, {ID: "a", DueAt: due}},
	} {
		var buf bytes.Buffer
		err := reminders.WriteICS(&buf, rs, reminders.ICSOptions{})
		if err == nil || !strings.HasPrefix(err.Error(), "ics: ") {
			t.Errorf("%s: err = %v", name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes despite the error", name, buf.Len())
		}
	}
	if err := reminders.WriteICS(failWriter{}, icsFixture(), reminders.ICSOptions{}); !errors.Is(err, errDiskFull) {
		t.Errorf("write error not passed on: %v", err)
	}
}

var errDiskFull = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }
