package backup

import (
	"context"
	"testing"

	"github.com/unbindapp/unbind/accounts/store"
)

var bg = context.Background()

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// rows counts the rows of a table, to see what a restore wrote.
func rows(t testing.TB, st *store.Store, table string) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
