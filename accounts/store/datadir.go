package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// DataDirEnv overrides the default data folder when --data-dir is not given.
const DataDirEnv = "UNBIND_DATA_DIR"

// FileName is the database file inside the data folder.
const FileName = "unbind.db"

// DefaultDataDir is os.UserConfigDir()/Unbind.
func DefaultDataDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("store: find the user config folder: %w (set %s or pass --data-dir)", err, DataDirEnv)
	}
	return filepath.Join(base, "Unbind"), nil
}

// ResolveDataDir picks the data folder: flag when set, then $UNBIND_DATA_DIR,
// then DefaultDataDir. The folder is created with mode 0700 when missing;
// an existing one is used as it is.
func ResolveDataDir(flag string) (string, error) {
	dir := flag
	if dir == "" {
		dir = os.Getenv(DataDirEnv)
	}
	if dir == "" {
		d, err := DefaultDataDir()
		if err != nil {
			return "", err
		}
		dir = d
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("store: data folder %q: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return "", fmt.Errorf("store: create data folder %s: %w", abs, err)
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("store: data folder %s is not a folder", abs)
	}
	return abs, nil
}

// OpenToOthers reports whether other users of the computer can read or
// enter the data folder (any group or other permission bit), with its
// mode. Windows has no such bits; there it is always false.
func OpenToOthers(dir string) (os.FileMode, bool) {
	fi, err := os.Stat(dir)
	if err != nil || runtime.GOOS == "windows" {
		return 0, false
	}
	return fi.Mode().Perm(), fi.Mode().Perm()&0o077 != 0
}

// CloseToOthers sets the data folder to 0700 and its files to 0600: the
// inventory is a map of a person's accounts.
func CloseToOthers(dir string) error {
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("store: restrict data folder %s: %w", dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("store: restrict data folder %s: %w", dir, err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			if err := os.Chmod(filepath.Join(dir, e.Name()), 0o600); err != nil {
				return fmt.Errorf("store: restrict %s: %w", e.Name(), err)
			}
		}
	}
	return nil
}
