package vault

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/unbindapp/unbind/accounts"
)

// Kind classifies a vault failure.
type Kind int

// The failure kinds.
const (
	KindNotFound    Kind = iota + 1 // no value stored for that field
	KindUnavailable                 // no keyring, or it refused
	KindTimeout                     // the keyring did not answer in time
	KindTooLong                     // the value exceeds MaxValueBytes
	KindDamaged                     // a split value is missing a part
)

// Sentinels for errors.Is. ErrNotFound also matches accounts.ErrNotFound,
// and ErrUnavailable matches timeouts too.
var (
	ErrNotFound    = errors.New("not stored in the keyring")
	ErrUnavailable = errors.New("keyring unavailable")
	ErrTimeout     = errors.New("keyring did not answer")
	ErrTooLong     = errors.New("value too long for the keyring")
	ErrDamaged     = errors.New("keyring entry damaged")
)

// Error is every error the vault returns. It never holds a secret value.
type Error struct {
	Op    string // "read password of <id>", …
	Kind  Kind
	Cause error // from go-keyring or the OS; may be nil
	Hint  string
}

func (e *Error) Error() string {
	var what error
	switch e.Kind {
	case KindNotFound:
		what = ErrNotFound
	case KindTimeout:
		what = ErrTimeout
	case KindTooLong:
		what = ErrTooLong
	case KindDamaged:
		what = ErrDamaged
	default:
		what = ErrUnavailable
	}
	msg := fmt.Sprintf("vault: %s: %v", e.Op, what)
	if e.Cause != nil && e.Kind != KindNotFound {
		msg += fmt.Sprintf(" (%v)", e.Cause)
	}
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

// Unwrap exposes the underlying cause.
func (e *Error) Unwrap() error { return e.Cause }

// Is matches the sentinels above.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound, accounts.ErrNotFound:
		return e.Kind == KindNotFound
	case ErrUnavailable:
		return e.Kind == KindUnavailable || e.Kind == KindTimeout
	case ErrTimeout:
		return e.Kind == KindTimeout
	case ErrTooLong:
		return e.Kind == KindTooLong
	case ErrDamaged:
		return e.Kind == KindDamaged
	}
	return false
}

// unavailableHint says, per operating system, how to get a keyring.
func unavailableHint() string {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		return "no Secret Service answered on D-Bus: start and unlock gnome-keyring, or enable KeePassXC's Secret Service integration, then try again"
	case "darwin":
		return "the macOS Keychain refused: unlock the login keychain in Keychain Access, then try again"
	case "windows":
		return "Windows Credential Manager refused: check that you are signed in to a normal user session, then try again"
	}
	return "no supported keyring was found on this system"
}

const timeoutHint = "it may be locked and waiting for a password prompt: unlock it and try again"
