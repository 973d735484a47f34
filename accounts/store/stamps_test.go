package store

import (
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// Every table but the count's own and the stamps has the three triggers,
// so a table a later migration adds cannot be written unseen.
func TestEveryTableCountsItsWrites(t *testing.T) {
	st, _ := openTemp(t)
	rows, err := st.db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('write_count', 'derived_stamps')")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	if len(tables) < 9 {
		t.Fatalf("only tables %v", tables)
	}
	for _, table := range tables {
		for _, op := range []string{"INSERT", "UPDATE", "DELETE"} {
			var sqlText string
			err := st.db.QueryRow("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE ?",
				table, "%AFTER "+op+" ON "+table+"%").Scan(&sqlText)
			if err != nil || !strings.Contains(sqlText, "UPDATE write_count SET n = n + 1") {
				t.Errorf("table %s: no %s trigger counting writes (%v)", table, op, err)
			}
		}
	}
}

// The count moves with every write by any connection, and not with a
// stamp; stamps read back as written.
func TestWriteCountAndStamps(t *testing.T) {
	st, svc := openTemp(t)
	n0, err := st.WriteCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	if err != nil {
		t.Fatal(err)
	}
	n1, _ := st.WriteCount(ctx)
	if n1 <= n0 {
		t.Fatalf("count %d after adding an account, %d before", n1, n0)
	}
	other, err := Open(st.path) // another connection pool, as another process would have
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.AddReminder(ctx, accounts.Reminder{AccountID: a.ID, Kind: accounts.ReminderCustom, Title: "t", DueAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	n2, _ := st.WriteCount(ctx)
	if n2 <= n1 {
		t.Fatalf("count %d after another pool wrote, %d before", n2, n1)
	}
	if _, ok, err := st.Stamp(ctx, "x"); ok || err != nil {
		t.Fatalf("a stamp before any: %v %v", ok, err)
	}
	want := DerivedStamp{WriteCount: n2, Items: 3, Inputs: "zh|9"}
	if err := st.SetStamp(ctx, "x", want); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := other.Stamp(ctx, "x"); !ok || err != nil || got != want {
		t.Errorf("stamp %+v %v %v, want %+v", got, ok, err, want)
	}
	if n3, _ := st.WriteCount(ctx); n3 != n2 {
		t.Errorf("writing a stamp moved the count %d -> %d", n2, n3)
	}
}
