package accounts

import "errors"

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
