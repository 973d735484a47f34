package accounts

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors, for errors.Is across the packages that wrap them.
var (
	ErrNotFound          = errors.New("not found")
	ErrIllegalTransition = errors.New("illegal status transition")
	ErrInvalid           = errors.New("invalid input")
	ErrConflict          = errors.New("changed by someone else")
)

// ValidationError names the field that is wrong and why.
type ValidationError struct {
	Field, Problem string
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Problem }

// Is makes errors.Is(err, ErrInvalid) true for every ValidationError.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// The range of dates a person can enter: before 2000 no platform here
// existed, and after 2099 is a typo. One rule for every date field.
var (
	MinDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxDate = time.Date(2099, 12, 31, 23, 59, 59, 0, time.UTC)
)

// CheckDate returns a *ValidationError naming field when t is outside
// MinDate–MaxDate.
func CheckDate(field string, t time.Time) error {
	if t.Before(MinDate) || t.After(MaxDate) {
		return &ValidationError{Field: field, Problem: fmt.Sprintf("%s is outside %d–%d; check the year", t.Format("2006-01-02"), MinDate.Year(), MaxDate.Year())}
	}
	return nil
}
