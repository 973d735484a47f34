//go:build !windows

package autostart

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// On Linux and macOS starting at login is one file (an XDG autostart
// entry, a LaunchAgent): it is on while the file exists.

func disable(e Entry) error {
	p, err := Path(e)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("autostart: %w", err)
	}
	return nil
}

func enabled(e Entry) (bool, error) {
	p, err := Path(e)
	if err != nil {
		return false, err
	}
	_, err = os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}
