package main

import (
	"fmt"

	"github.com/unbindapp/unbind/cmd/internal/buildinfo"
)

func init() {
	register(group{name: "version", summary: "print the version and commit (the line 'unbind --version' prints)", run: runVersion})
}

// runVersion prints buildinfo's line; it never opens the data folder.
func runVersion(e *env, args []string) error {
	fs := newFlags("version")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("version", pos, 0, "no arguments"); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, buildinfo.String())
	return nil
}
