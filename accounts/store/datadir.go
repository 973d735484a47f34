package store

import (
	"fmt"
	"os"
	"path/filepath"
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
