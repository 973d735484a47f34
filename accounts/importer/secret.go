package importer

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
)

// Secret is a password read from an export. It prints, logs and marshals as
// "[redacted]" (or "" when empty) with every fmt verb, slog and
// encoding/json; only Reveal returns the value, for handing it to the
// keyring.
type Secret string

const redacted = "[redacted]"

// Reveal returns the secret value. Call it only to store the value in the
// keyring; never log or display what it returns.
func (s Secret) Reveal() string { return string(s) }

// IsSet reports whether there is a value.
func (s Secret) IsSet() bool { return s != "" }

// String returns "[redacted]", or "" for an empty secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString keeps %#v from revealing the value.
func (s Secret) GoString() string { return fmt.Sprintf("importer.Secret(%q)", s.String()) }

// Format makes every fmt verb (%v, %s, %q, %x, %#v …) print the redacted form.
func (s Secret) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = io.WriteString(f, s.GoString())
	case verb == 'q':
		_, _ = fmt.Fprintf(f, "%q", s.String())
	default:
		_, _ = io.WriteString(f, s.String())
	}
}

// MarshalJSON writes the redacted form.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// MarshalText writes the redacted form (for encoders using TextMarshaler).
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// LogValue keeps slog from revealing the value.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }
