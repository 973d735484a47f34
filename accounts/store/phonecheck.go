package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// PhoneCheck is one 一证通查 result: the companies' account counts for one
// phone number, as reported by the result SMS.
type PhoneCheck struct {
	ID        string         `json:"id"`
	Phone     string         `json:"phone"` // digits only
	CheckedAt time.Time      `json:"checked_at"`
	Counts    map[string]int `json:"counts"` // company ID → accounts
}

// SavePhoneCheck stores a check and appends it to the history (under the
// pseudo-account "phone:<digits>", labelled with the masked number).
func (s *Store) SavePhoneCheck(ctx context.Context, c PhoneCheck) (PhoneCheck, error) {
	c.Phone = accounts.PhoneDigits(c.Phone)
	if len(c.Phone) < 7 {
		return c, fmt.Errorf("save phone check: %w", &accounts.ValidationError{Field: "phone", Problem: "needs at least 7 digits"})
	}
	for company, n := range c.Counts {
		if n < 0 || company == "" {
			return c, fmt.Errorf("save phone check: %w", &accounts.ValidationError{Field: "counts", Problem: "company " + company + " has a negative count"})
		}
	}
	if c.ID == "" {
		c.ID = newID()
	}
	counts := summariseJSON(c.Counts)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO phone_checks (id, phone, checked_at, counts) VALUES (?, ?, ?, ?)",
			c.ID, c.Phone, ms(c.CheckedAt), counts); err != nil {
			return err
		}
		return appendEvent(ctx, tx, accounts.Event{AccountID: "phone:" + c.Phone, Label: accounts.MaskPhone(c.Phone),
			At: c.CheckedAt, Kind: accounts.EventCheck, Note: summariseCounts(c.Counts)})
	})
	if err != nil {
		return c, fmt.Errorf("save phone check: %w", err)
	}
	return c, nil
}

// summariseJSON is the stored form of the counts (map keys sorted by json).
func summariseJSON(counts map[string]int) string {
	if counts == nil {
		counts = map[string]int{}
	}
	b, _ := json.Marshal(counts)
	return string(b)
}

func summariseCounts(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	return strings.Join(parts, ", ")
}

// PhoneChecks lists the checks, newest first.
func (s *Store) PhoneChecks(ctx context.Context) ([]PhoneCheck, error) {
	return listPhoneChecks(ctx, s.db)
}

func listPhoneChecks(ctx context.Context, q querier) ([]PhoneCheck, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, phone, checked_at, counts FROM phone_checks ORDER BY checked_at DESC, id")
	if err != nil {
		return nil, fmt.Errorf("list phone checks: %w", err)
	}
	defer rows.Close()
	var out []PhoneCheck
	for rows.Next() {
		var c PhoneCheck
		var at int64
		var counts string
		if err := rows.Scan(&c.ID, &c.Phone, &at, &counts); err != nil {
			return nil, err
		}
		c.CheckedAt = fromMs(at)
		if err := json.Unmarshal([]byte(counts), &c.Counts); err != nil {
			return nil, fmt.Errorf("phone check %s: %w", c.ID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// PreviousPhoneCheck is the latest check of phone saved before the check
// with ID except (or the latest of all when except is ""); ok is false
// when there is none.
func (s *Store) PreviousPhoneCheck(ctx context.Context, phone, except string) (PhoneCheck, bool, error) {
	phone = accounts.PhoneDigits(phone)
	q := "SELECT id, phone, checked_at, counts FROM phone_checks WHERE phone = ? AND id <> ? ORDER BY checked_at DESC, id DESC LIMIT 1"
	args := []any{phone, except}
	if except != "" {
		q = `SELECT id, phone, checked_at, counts FROM phone_checks WHERE phone = ? AND id <> ?
			AND checked_at <= (SELECT checked_at FROM phone_checks WHERE id = ?) ORDER BY checked_at DESC, id DESC LIMIT 1`
		args = append(args, except)
	}
	var c PhoneCheck
	var at int64
	var counts string
	err := s.db.QueryRowContext(ctx, q, args...).Scan(&c.ID, &c.Phone, &at, &counts)
	if errors.Is(err, sql.ErrNoRows) {
		return PhoneCheck{}, false, nil
	}
	if err != nil {
		return PhoneCheck{}, false, fmt.Errorf("previous phone check: %w", err)
	}
	c.CheckedAt = fromMs(at)
	if err := json.Unmarshal([]byte(counts), &c.Counts); err != nil {
		return PhoneCheck{}, false, fmt.Errorf("phone check %s: %w", c.ID, err)
	}
	return c, true, nil
}
