package importer

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/unbindapp/unbind/accounts"
)

// ReadFile reads the export at path with Read. The file is opened
// read-only and never changed; a file larger than the limit is refused
// from its size alone, before a byte is read.
func ReadFile(path string, opts Options) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{}, fmt.Errorf("import: open %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return Result{}, fmt.Errorf("import: %s: %w", path, unwrapPath(err))
	}
	if info.IsDir() {
		return Result{}, newError(ErrUnknownFormat, opts.Format, 0, "%s is a folder; choose the export file inside it", path)
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if info.Mode().IsRegular() && info.Size() > limit {
		return Result{}, newError(ErrTooLarge, opts.Format, 0,
			"the file is larger than %s, far more than any password export; check that you chose the export file", sizeText(limit))
	}
	return Read(f, opts)
}

// unwrapPath drops the *PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// SourceName is how an import is named in the history: the format and the
// file's base name (never the folder, which may hold a user name).
func SourceName(f Format, path string) string {
	return fmt.Sprintf("import %s: %s", f, filepath.Base(path))
}

// Split separates proposals on a catalog platform (shopping) from the
// rest, keeping their order.
func Split(props []Proposal) (shopping, other []Proposal) {
	for _, p := range props {
		if p.PlatformID != "" {
			shopping = append(shopping, p)
		} else {
			other = append(other, p)
		}
	}
	return shopping, other
}

// MaskedLogin is a login as previews show it; the rule is accounts.MaskLogin.
func MaskedLogin(login string) string { return accounts.MaskLogin(login) }
