package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// MergeKey is what makes two accounts the same one: the platform and the
// login, compared by accounts.NormaliseLogin. Accounts on the "custom"
// platform are different sites, so their name is part of the key too
// (alice on GitHub is not alice on GitLab). An account without a login has
// no key and is never merged.
func MergeKey(a accounts.Account) string {
	login := accounts.NormaliseLogin(a.Login)
	if login == "" {
		return ""
	}
	platform := strings.ToLower(strings.TrimSpace(a.PlatformID))
	if platform == accounts.CustomPlatform {
		platform += "\x00" + strings.ToLower(strings.TrimSpace(a.Name))
	}
	return platform + "\x00" + login
}

// ImportResult counts what an import did; IDs are the stored accounts in
// the order of the input (new or merged into).
type ImportResult struct {
	Added     int      `json:"added"`
	Merged    int      `json:"merged"`
	Unchanged int      `json:"unchanged"`
	IDs       []string `json:"ids"`
}

// ImportItem is one account of an import and what to do when the
// inventory already holds it.
type ImportItem struct {
	Account accounts.Account
	// MergeInto is the stored account to merge into, as the person chose
	// (an account matched by phone, or a deleted one); "" merges by
	// MergeKey.
	MergeInto string
	// AddNew adds the account even when its merge key is in the inventory:
	// the person says it is another account (a new one after a deletion).
	AddNew bool
}

// ImportAccounts adds the accounts in one transaction: all are written or
// none is, even if the process dies half-way. An account whose merge key
// is already in the inventory is merged (empty fields filled in, nothing
// overwritten) instead of duplicated; importing the same data twice
// changes nothing the second time. Each new or changed account gets an
// "imported" event naming source.
func (s *Store) ImportAccounts(ctx context.Context, in []accounts.Account, source string, now time.Time) (ImportResult, error) {
	items := make([]ImportItem, len(in))
	for i, a := range in {
		items[i] = ImportItem{Account: a}
	}
	return s.ImportItems(ctx, items, source, now)
}

// ImportItems is ImportAccounts with the person's decision per account:
// merge into a chosen account, or add even though it matches one. A
// MergeInto that is not in the inventory fails the whole import.
func (s *Store) ImportItems(ctx context.Context, in []ImportItem, source string, now time.Time) (ImportResult, error) {
	var res ImportResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res = ImportResult{}
		existing, err := mergeIndex(ctx, tx)
		if err != nil {
			return err
		}
		for i, item := range in {
			a := item.Account
			a.Normalise()
			if err := a.Validate(); err != nil {
				return fmt.Errorf("entry %d (%s): %w", i+1, a.Name, err)
			}
			key := MergeKey(a)
			id, ok := existing[key]
			ok = ok && key != "" && !item.AddNew
			if item.MergeInto != "" {
				id, ok = item.MergeInto, true
			}
			if ok {
				changed, err := mergeInto(ctx, tx, id, a, source, now)
				if err != nil {
					return fmt.Errorf("entry %d (%s): merge into %s: %w", i+1, a.Name, id, err)
				}
				if changed {
					res.Merged++
				} else {
					res.Unchanged++
				}
				res.IDs = append(res.IDs, id)
				continue
			}
			if a.ID == "" {
				a.ID = newID()
			}
			a.CreatedAt, a.UpdatedAt, a.Version, a.SecretFields = now, now, 1, nil
			if err := insertAccount(ctx, tx, a); err != nil {
				return err
			}
			if err := appendEvent(ctx, tx, accounts.Event{AccountID: a.ID, Label: a.Name, At: now,
				Kind: accounts.EventImported, To: string(a.Status), Note: source}); err != nil {
				return err
			}
			if _, had := existing[key]; key != "" && !had {
				existing[key] = a.ID
			}
			res.Added++
			res.IDs = append(res.IDs, a.ID)
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("import: %w (nothing was written)", err)
	}
	return res, nil
}

func mergeIndex(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, platform_id, name, login FROM accounts WHERE login != ''")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	idx := map[string]string{}
	for rows.Next() {
		var a accounts.Account
		if err := rows.Scan(&a.ID, &a.PlatformID, &a.Name, &a.Login); err != nil {
			return nil, err
		}
		idx[MergeKey(a)] = a.ID
	}
	return idx, rows.Err()
}

// mergeInto fills the stored account's empty fields from a; it reports
// whether anything changed.
func mergeInto(ctx context.Context, tx *sql.Tx, id string, a accounts.Account, source string, now time.Time) (bool, error) {
	cur, err := scanAccount(tx.QueryRowContext(ctx, "SELECT "+oneAccountColumns+" FROM accounts a WHERE a.id = ?", id), true)
	if err != nil {
		return false, err
	}
	next := cur
	fill := func(dst *string, v string) {
		if *dst == "" && v != "" {
			*dst = v
		}
	}
	fill(&next.Phone, a.Phone)
	fill(&next.Email, a.Email)
	fill(&next.Notes, a.Notes)
	next.RealName = cur.RealName || a.RealName
	next.Seller = cur.Seller || a.Seller
	next.ThirdParty = append(next.ThirdParty, a.ThirdParty...)
	next.Normalise()
	if next.Phone == cur.Phone && next.Email == cur.Email && next.Notes == cur.Notes && next.RealName == cur.RealName &&
		next.Seller == cur.Seller && joinThirdParty(next.ThirdParty) == joinThirdParty(cur.ThirdParty) {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET phone = ?, email = ?, notes = ?, real_name = ?, seller = ?,
		third_party = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
		next.Phone, next.Email, next.Notes, boolInt(next.RealName), boolInt(next.Seller), joinThirdParty(next.ThirdParty), ms(now), id); err != nil {
		return false, err
	}
	return true, appendEvent(ctx, tx, accounts.Event{AccountID: id, Label: cur.Name, At: now, Kind: accounts.EventImported,
		Note: source + " (merged)"})
}
