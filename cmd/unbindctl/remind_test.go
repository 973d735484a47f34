package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"

	"github.com/unbindapp/unbind/reminders"
)

func remindJSON(t *testing.T, dir string, args ...string) []map[string]any {
	t.Helper()
	var out []map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, append(args, "--json")...)), &out); err != nil {
		t.Fatalf("%v --json: %v", args, err)
	}
	return out
}

func TestRemindCommands(t *testing.T) {
	t.Setenv("UNBIND_LANG", "en")
	dir := t.TempDir()
	acc := strings.TrimSpace(mustCLI(t, dir, "account", "add", "--platform", "taobao", "--name", "main"))
	if out := strings.TrimSpace(mustCLI(t, dir, "remind", "list", "--json")); out != "[]" {
		t.Fatalf("no reminders yet: %s", out)
	}

	id := strings.TrimSpace(mustCLI(t, dir, "remind", "add", acc, "--at", "2020-01-02", "--note", "打电话问保证金\n带上订单号"))
	list := remindJSON(t, dir, "remind", "list")
	if len(list) != 1 {
		t.Fatalf("list after add: %v", list)
	}
	r := list[0]
	for _, k := range []string{"id", "account_id", "kind", "key", "title", "body", "due_at", "state", "created_at",
		"account_name", "platform", "next_at", "due"} {
		if _, ok := r[k]; !ok {
			t.Errorf("list --json lacks the documented field %q: %v", k, r)
		}
	}
	if r["id"] != id || r["account_id"] != acc || r["kind"] != "custom" || r["title"] != "Taobao (main): 打电话问保证金" ||
		r["due_at"] != "2020-01-02T02:00:00Z" || r["state"] != "pending" || r["due"] != true ||
		r["account_name"] != "main" || r["platform"] != "taobao" {
		t.Errorf("list --json item: %v", r)
	}
	if got := remindJSON(t, dir, "remind", "list", "--due", "--at", "2020-01-01"); len(got) != 0 {
		t.Errorf("due by 2020-01-01: %v", got)
	}
	if got := remindJSON(t, dir, "remind", "list", "--due", "--at", "2020-01-02 10:00"); len(got) != 1 {
		t.Errorf("due by 2020-01-02 10:00: %v", got)
	}

	// Snooze by a unique prefix, with days.
	before := time.Now()
	out := mustCLI(t, dir, "remind", "snooze", id[:8], "2d")
	if !strings.HasPrefix(out, "snoozed: Taobao (main)") || !strings.Contains(out, "China time") {
		t.Errorf("snooze prints %q", out)
	}
	r = remindJSON(t, dir, "remind", "list")[0]
	until, _ := time.Parse(time.RFC3339Nano, r["snoozed_until"].(string))
	if r["state"] != "snoozed" || r["due"] != false || until.Sub(before) < 47*time.Hour || until.Sub(before) > 49*time.Hour ||
		r["next_at"] != r["snoozed_until"] {
		t.Errorf("after snooze 2d: %v", r)
	}
	if got := remindJSON(t, dir, "remind", "list", "--due"); len(got) != 0 {
		t.Errorf("a snoozed reminder is listed as due: %v", got)
	}

	var done map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "remind", "done", id, "--json")), &done); err != nil || done["state"] != "done" {
		t.Errorf("done --json: %v, %v", done, err)
	}
	if got := remindJSON(t, dir, "remind", "list"); len(got) != 0 {
		t.Errorf("list after done: %v", got)
	}
	if got := remindJSON(t, dir, "remind", "list", "--all"); len(got) != 1 || got[0]["state"] != "done" {
		t.Errorf("list --all: %v", got)
	}
	if _, errs, code := cli(t, dir, "", "remind", "dismiss", id); code != 1 || !strings.Contains(errs, "cannot go from done to dismissed") {
		t.Errorf("dismissing a done reminder: exit %d, %q", code, errs)
	}
	if _, errs, code := cli(t, dir, "", "remind", "done", "00000000"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("unknown ID: exit %d, %q", code, errs)
	}

	// A status change brings the rules' reminders at once; a sync after it
	// finds nothing left to change.
	mustCLI(t, dir, "account", "set-status", acc, "preparing")
	if out := mustCLI(t, dir, "remind", "sync"); out != "synced 1 accounts, 0 changed\n" {
		t.Errorf("sync prints %q", out)
	}
	list = remindJSON(t, dir, "remind", "list", "--no-sync")
	var kinds []string
	for _, r := range list {
		kinds = append(kinds, r["kind"].(string))
	}
	// One per prerequisite of the platform's deletion (the catalog decides
	// how many; there are several).
	if len(list) < 3 || slices.ContainsFunc(kinds, func(k string) bool { return k != "prerequisite" }) {
		t.Errorf("after preparing: %v", kinds)
	}
	dismissed := list[0]["id"].(string)
	if out := mustCLI(t, dir, "remind", "dismiss", dismissed); !strings.HasPrefix(out, "dismissed: ") {
		t.Errorf("dismiss prints %q", out)
	}
	if got := remindJSON(t, dir, "remind", "list"); len(got) != len(list)-1 {
		t.Errorf("a dismissed reminder came back: %d open", len(got))
	}
}

func TestRemindUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"remind"},
		{"remind", "nonsense"},
		{"remind", "done"},
		{"remind", "snooze", "some-id"},
		{"remind", "snooze", "some-id", "soon"},
		{"remind", "add", "some-id", "--note", "x"},
		{"remind", "add", "some-id", "--at", "tomorrow", "--note", "x"},
		{"remind", "list", "--at", "2026-13-01"},
		{"remind", "export-ics"},
	} {
		if _, errs, code := cli(t, dir, "", args...); code != 2 || strings.Count(errs, "\n") < 1 {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errs)
		}
	}
}

func TestParseSnooze(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"2d": 48 * time.Hour, "1w": 7 * 24 * time.Hour, "90m": 90 * time.Minute, "1d12h": 36 * time.Hour, "36h": 36 * time.Hour,
	} {
		if got, err := parseSnooze(in); err != nil || got != want {
			t.Errorf("parseSnooze(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "d", "2x", "1w2", "soon"} {
		if _, err := parseSnooze(bad); err == nil {
			t.Errorf("parseSnooze(%q) accepted", bad)
		}
	}
}

func TestParseWhen(t *testing.T) {
	cases := []struct {
		in     string
		forAdd bool
		want   time.Time
	}{
		{"2026-10-08", true, time.Date(2026, 10, 8, 2, 0, 0, 0, time.UTC)},
		{"2026-10-08", false, time.Date(2026, 10, 8, 15, 59, 59, 999e6, time.UTC)},
		{"2026-10-08 21:30", true, time.Date(2026, 10, 8, 13, 30, 0, 0, time.UTC)},
		{"2026-10-08T21:30", false, time.Date(2026, 10, 8, 13, 30, 0, 0, time.UTC)},
		{"2026-10-08T21:30:00Z", true, time.Date(2026, 10, 8, 21, 30, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		if got, err := parseWhen(c.in, c.forAdd); err != nil || !got.Equal(c.want) {
			t.Errorf("parseWhen(%q, %t) = %v, %v; want %v", c.in, c.forAdd, got, err, c.want)
		}
	}
}

func TestRemindExportICS(t *testing.T) {
	t.Setenv("UNBIND_LANG", "zh")
	dir := t.TempDir()
	acc := strings.TrimSpace(mustCLI(t, dir, "account", "add", "--platform", "jd", "--name", "京东主号"))
	mustCLI(t, dir, "account", "set-status", acc, "kept") // a backup reminder, derived by the export's sync
	mustCLI(t, dir, "remind", "add", acc, "--at", "2026-10-08 21:30", "--note", "问客服：能否退回 PLUS 会员费；保留截图, 订单号")
	done := strings.TrimSpace(mustCLI(t, dir, "remind", "add", acc, "--at", "2026-10-09", "--note", "已处理"))
	mustCLI(t, dir, "remind", "done", done)

	file := filepath.Join(dir, "out", "unbind.ics")
	if err := os.Mkdir(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, dir, "remind", "export-ics", "-o", file)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(file); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(filepath.Dir(file)); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Error("the export does not have CRLF line ends")
	}
	cal, err := ical.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the export does not parse: %v\n%s", err, data)
	}
	byTitle := map[string]*ical.VEvent{}
	for _, ev := range cal.Events() {
		byTitle[ical.FromText(ev.GetProperty(ical.ComponentPropertySummary).Value)] = ev
		if !strings.HasSuffix(ev.Id(), "@"+reminders.ICSUIDDomain) {
			t.Errorf("UID %q", ev.Id())
		}
	}
	custom, backup, closed := byTitle["京东主号：问客服：能否退回 PLUS 会员费；保留截图, 订单号"], byTitle["京东主号：该备份了"], byTitle["✓ 京东主号：已处理"]
	if len(byTitle) != 3 || custom == nil || backup == nil || closed == nil {
		t.Fatalf("events: %v", slices.Collect(maps.Keys(byTitle)))
	}
	if start, err := custom.GetStartAt(); err != nil || !start.Equal(time.Date(2026, 10, 8, 13, 30, 0, 0, time.UTC)) {
		t.Errorf("custom reminder starts %v, %v", start, err)
	}
	if len(custom.Alarms()) != 1 || len(closed.Alarms()) != 0 {
		t.Errorf("alarms: open %d, done %d", len(custom.Alarms()), len(closed.Alarms()))
	}

	// --open-only to standard output: the done one is left out.
	out := mustCLI(t, dir, "remind", "export-ics", "-o", "-", "--open-only")
	if strings.Count(out, "BEGIN:VEVENT") != 2 || strings.Contains(out, "已处理") {
		t.Errorf("--open-only export:\n%s", out)
	}
}
