// Package storetest gives tests of the packages above the store a real
// SQLite file in a temporary folder, and a way to count what was written.
// Only tests import it.
package storetest

import (
	"testing"

	"github.com/unbindapp/unbind/accounts/store"
)

// Open opens a new store in t's temporary folder, closed at the end.
func Open(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Rows counts the rows of a table.
func Rows(t testing.TB, st *store.Store, table string) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
