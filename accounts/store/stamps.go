package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// WriteCount is the number of rows written to the database since it
// reached schema 8, whichever connection or process wrote them. Unlike a
// ChangeMark it compares across processes and runs: equal counts mean no
// row was written in between.
func (s *Store) WriteCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, "SELECT n FROM write_count").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: write count: %w", err)
	}
	return n, nil
}

// DerivedStamp records that something derived from the whole database was
// up to date at a write count: Items is how many things it covered,
// Inputs the caller's description of what else it depended on.
type DerivedStamp struct {
	WriteCount int64
	Items      int
	Inputs     string
}

// Stamp returns the stamp kept under name; ok is false when there is none.
func (s *Store) Stamp(ctx context.Context, name string) (st DerivedStamp, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT write_count, items, inputs FROM derived_stamps WHERE name = ?", name).
		Scan(&st.WriteCount, &st.Items, &st.Inputs)
	if errors.Is(err, sql.ErrNoRows) {
		return DerivedStamp{}, false, nil
	}
	if err != nil {
		return DerivedStamp{}, false, fmt.Errorf("store: read stamp %s: %w", name, err)
	}
	return st, true, nil
}

// SetStamp keeps st under name; writing a stamp does not move the write
// count.
func (s *Store) SetStamp(ctx context.Context, name string, st DerivedStamp) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO derived_stamps (name, write_count, items, inputs) VALUES (?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET write_count = excluded.write_count, items = excluded.items, inputs = excluded.inputs`,
		name, st.WriteCount, st.Items, st.Inputs)
	if err != nil {
		return fmt.Errorf("store: write stamp %s: %w", name, err)
	}
	return nil
}
