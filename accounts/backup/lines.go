package backup

import (
	"errors"
	"os"
	"strings"
)

// lineAt is the 1-based line of byte offset off in s; an error names it.
func lineAt(s string, off int) int {
	return 1 + strings.Count(s[:min(max(off, 0), len(s))], "\n")
}

// withoutPath drops an *os.PathError's wrapper, whose text repeats the
// path the message already names.
func withoutPath(err error) error {
	if pe := (*os.PathError)(nil); errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
