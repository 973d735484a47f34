// Package atomicfile replaces a file in one step, so a reader (or a crash)
// never sees half of it: the content goes to a hidden temporary file in the
// same folder (mode 0600), which is synced and renamed over the target, and
// the folder is synced so the rename survives a power cut. On any error the
// target is left as it was and the temporary file is removed. Unbind writes
// every file it exports or installs this way (reports, backups, calendars,
// catalog and holiday files).
package atomicfile

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"runtime"
)

// Write replaces path with what fn writes.
func Write(path string, fn func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	// Hidden, so loaders that read a folder (catalog, holidays) skip it.
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// CreateTemp makes the file 0600 and the rename keeps the mode: exports
	// may hold personal data, so only the person can read them.
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = fn(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// WriteBytes replaces path with data.
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// syncDir makes a rename durable where a folder can be synced (not on
// Windows, where the rename is durable already).
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
