package store

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestForeignSQLiteFileIsLeftUntouched: another program's database in the
// data folder is refused before anything is written — no WAL switch, no
// migration, the same bytes — whether it carries another application ID
// or none.
func TestForeignSQLiteFileIsLeftUntouched(t *testing.T) {
	for name, setup := range map[string]string{
		"no id":     "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('私人笔记')",
		"other id":  "PRAGMA application_id = 1234; CREATE TABLE photos (path TEXT)",
		"versioned": "PRAGMA user_version = 2; CREATE TABLE accounts (id TEXT)", // has a table named accounts, not the rest
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			db, err := sql.Open("sqlite", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(setup); err != nil {
				t.Fatal(err)
			}
			db.Close()
			before := fileSum(t, path)
			_, err = Open(path)
			if !errors.Is(err, ErrForeign) {
				t.Fatalf("Open = %v, want ErrForeign", err)
			}
			if fileSum(t, path) != before {
				t.Error("the foreign file was changed")
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Error("a -wal file was created next to the foreign file")
			}
		})
	}
}

// TestUnbindFilesGetTheMark: a new database and one written before the
// mark existed both carry ApplicationID after Open.
func TestUnbindFilesGetTheMark(t *testing.T) {
	st, _ := openTemp(t)
	var app int64
	if err := st.DB().QueryRow("PRAGMA application_id").Scan(&app); err != nil || app != ApplicationID {
		t.Errorf("new database: application_id %d %v", app, err)
	}
	old := firstSchemaFile(t) // schema 1, no mark
	st2, err := Open(old)
	if err != nil {
		t.Fatalf("an unmarked Unbind file was refused: %v", err)
	}
	defer st2.Close()
	if err := st2.DB().QueryRow("PRAGMA application_id").Scan(&app); err != nil || app != ApplicationID {
		t.Errorf("migrated database: application_id %d %v", app, err)
	}
}
