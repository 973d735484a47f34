package main

import (
	"strings"
	"testing"

	"github.com/unbindapp/unbind/cmd/internal/buildinfo"
)

func TestVersion(t *testing.T) {
	dir := t.TempDir()
	out, errs, code := cli(t, dir, "", "version")
	if code != 0 || out != buildinfo.String()+"\n" || errs != "" {
		t.Errorf("version: exit %d, stdout %q, stderr %q; want %q", code, out, errs, buildinfo.String())
	}
	for _, flag := range []string{"-h", "--help"} {
		out, errs, code := cli(t, dir, "", "version", flag)
		if code != 0 || !strings.Contains(out, "usage: unbindctl version") || errs != "" {
			t.Errorf("version %s: exit %d, stdout %q, stderr %q", flag, code, out, errs)
		}
	}
	if _, errs, code := cli(t, dir, "", "version", "extra"); code != 2 || !strings.Contains(errs, "version wants no arguments") {
		t.Errorf("version extra: exit %d, stderr %q", code, errs)
	}
}
