package phonecheck

import (
	"context"
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
)

// Store is what a check needs of the store: the inventory to compare
// with, the previous check of the number, and where to save this one.
type Store interface {
	Accounts(ctx context.Context) ([]accounts.Account, error)
	AllTracks(ctx context.Context) (map[string][]accounts.Track, error)
	PreviousPhoneCheck(ctx context.Context, phone, except string) (store.PhoneCheck, bool, error)
	SavePhoneCheck(ctx context.Context, c store.PhoneCheck) (store.PhoneCheck, error)
}

var _ Store = (*store.Store)(nil)

// Run compares counts for phone with the inventory and the number's
// previous check, then saves the check at now: the one way the GUI and
// the command line make a check.
func Run(ctx context.Context, st Store, cat *catalog.Catalog, phone string, counts []CompanyCount, now time.Time) (Result, store.PhoneCheck, error) {
	digits := accounts.PhoneDigits(phone)
	all, err := st.Accounts(ctx)
	if err != nil {
		return Result{}, store.PhoneCheck{}, fmt.Errorf("phone check: %w", err)
	}
	tracks, err := st.AllTracks(ctx)
	if err != nil {
		return Result{}, store.PhoneCheck{}, fmt.Errorf("phone check: %w", err)
	}
	opt := Options{Tracks: tracks}
	if prev, ok, err := st.PreviousPhoneCheck(ctx, digits, ""); err != nil {
		return Result{}, store.PhoneCheck{}, fmt.Errorf("phone check: %w", err)
	} else if ok {
		opt.Previous, opt.PreviousAt = prev.Counts, prev.CheckedAt
	}
	res := CompareWith(cat, digits, counts, all, opt)
	check := store.PhoneCheck{Phone: digits, CheckedAt: now.UTC().Truncate(time.Millisecond), Counts: map[string]int{}}
	for _, c := range counts {
		check.Counts[c.Company.ID] = c.Count
	}
	saved, err := st.SavePhoneCheck(ctx, check)
	if err != nil {
		return Result{}, store.PhoneCheck{}, err
	}
	return res, saved, nil
}

// PhoneError says why the number of a check is not known.
type PhoneError struct {
	// Masked is the number as the SMS shows it ("" when it does not);
	// Entered is what the person gave ("" for nothing).
	Masked, Entered string
	// Invalid: Entered is no phone number.
	Invalid bool
}

func (e *PhoneError) Error() string {
	switch {
	case e.Invalid:
		return "phone check: that is not a phone number (7 to 15 digits, e.g. 13812345678)"
	case e.Entered == "" && e.Masked != "":
		return fmt.Sprintf("phone check: the SMS shows the number masked (%s); give the whole number", e.Masked)
	case e.Entered == "":
		return "phone check: give the phone number the SMS is about (7 to 15 digits)"
	}
	return fmt.Sprintf("phone check: the SMS is about %s, not %s; check the number", e.Masked, accounts.MaskPhone(accounts.PhoneDigits(e.Entered)))
}

// SMSPhone is the number a pasted SMS is about: entered (what the person
// typed, may be "") checked against the number or mask in the SMS, or the
// SMS's own number when nothing was entered.
func SMSPhone(s SMS, entered string) (string, error) {
	shown := s.MaskedPhone
	if s.Phone != "" {
		shown = accounts.MaskPhone(s.Phone)
	}
	if entered == "" {
		if s.Phone != "" {
			return s.Phone, nil
		}
		return "", &PhoneError{Masked: shown}
	}
	digits := accounts.PhoneDigits(entered)
	if !accounts.IsPhoneLike(entered) || len(digits) < 7 {
		return "", &PhoneError{Masked: shown, Entered: entered, Invalid: true}
	}
	if (s.Phone != "" && s.Phone != digits) || (shown != "" && accounts.MaskPhone(digits) != shown) {
		return "", &PhoneError{Masked: shown, Entered: entered}
	}
	return digits, nil
}
