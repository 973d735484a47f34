package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

type scanner interface{ Scan(dest ...any) error }

// accountRow is the scan target of one accounts row. A list reuses one
// for every row, so scanning allocates only the row's own strings, not
// the destinations and their boxes again for each account.
type accountRow struct {
	a                  accounts.Account
	realName, seller   int
	thirdParty, status string
	backup             sql.NullInt64
	created, updated   int64
	secrets            sql.NullString
	dest               []any
	// interned holds the one copy of each platform ID, status and
	// third-party name of a list: thousands of accounts share a few.
	interned map[string]string
}

func newAccountRow(withSecrets bool) *accountRow {
	r := &accountRow{}
	a := &r.a
	r.dest = []any{&a.ID, &a.PlatformID, &a.Name, &a.Login, &a.Phone, &a.Email, &r.realName, &r.thirdParty,
		&r.seller, &a.Notes, &r.status, &r.backup, &r.created, &r.updated, &a.Version}
	if withSecrets {
		r.dest = append(r.dest, &r.secrets)
	}
	return r
}

func (r *accountRow) intern(s string) string {
	if r.interned == nil {
		return s
	}
	if v, ok := r.interned[s]; ok {
		return v
	}
	r.interned[s] = s
	return s
}

// scan reads one row into a fresh Account.
func (r *accountRow) scan(row scanner) (accounts.Account, error) {
	r.a, r.secrets = accounts.Account{}, sql.NullString{}
	if err := row.Scan(r.dest...); err != nil {
		return accounts.Account{}, err
	}
	a := r.a
	a.PlatformID = r.intern(a.PlatformID)
	a.RealName, a.Seller, a.Status = r.realName != 0, r.seller != 0, accounts.Status(r.intern(r.status))
	if r.thirdParty != "" {
		n := strings.Count(r.thirdParty, ",") + 1
		a.ThirdParty = make([]accounts.ThirdParty, 0, n)
		for t := range strings.SplitSeq(r.thirdParty, ",") {
			a.ThirdParty = append(a.ThirdParty, accounts.ThirdParty(r.intern(t)))
		}
	}
	a.LastBackupAt = ptrMs(r.backup)
	a.CreatedAt, a.UpdatedAt = fromMs(r.created), fromMs(r.updated)
	if r.secrets.Valid && r.secrets.String != "" {
		for f := range strings.SplitSeq(r.secrets.String, ",") {
			a.SecretFields = addField(a.SecretFields, accounts.SecretField(f))
		}
	}
	return a, nil
}

func scanAccount(row scanner, withSecrets bool) (accounts.Account, error) {
	return newAccountRow(withSecrets).scan(row)
}

func listAccounts(ctx context.Context, q querier) ([]accounts.Account, error) {
	// The count first, so the slice is made once at its size: growing it
	// row by row copies the 256-byte accounts over and over, ten times
	// the result in garbage for a large inventory.
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM accounts").Scan(&n); err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	// Read in storage order and sort here: SQLite's sorter copies every
	// row through it, several times the cost of sorting the loaded
	// accounts (byte-wise, as SQLite's BINARY collation compares).
	rows, err := q.QueryContext(ctx, "SELECT "+accountColumns+" FROM accounts a")
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	defer rows.Close()
	all := make([]accounts.Account, 0, n)
	r := newAccountRow(false)
	r.interned = map[string]string{}
	for rows.Next() {
		a, err := r.scan(rows)
		if err != nil {
			return nil, fmt.Errorf("list accounts: %w", err)
		}
		all = append(all, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	slices.SortFunc(all, accounts.ListOrder)
	if err := addSecretFields(ctx, q, all); err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	return all, nil
}

// addSecretFields sets the secret fields of all in one pass over the
// table, which is several times faster than a sub-query per row.
func addSecretFields(ctx context.Context, q querier, all []accounts.Account) error {
	index := make(map[string]int, len(all))
	for i := range all {
		index[all[i].ID] = i
	}
	fields, err := q.QueryContext(ctx, "SELECT account_id, field FROM secret_fields")
	if err != nil {
		return err
	}
	defer fields.Close()
	var id, f string
	for fields.Next() {
		if err := fields.Scan(&id, &f); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			all[i].SecretFields = addField(all[i].SecretFields, accounts.SecretField(f))
		}
	}
	return fields.Err()
}
