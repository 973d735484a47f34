//go:build !darwin && !windows

package autostart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestXDGEnableDisable(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	e := Entry{ID: "io.github.unbindapp.unbind", Name: "Unbind", Exec: "/opt/Un bind/unbind", Args: []string{"--minimized"}}
	want := filepath.Join(cfg, "autostart", "io.github.unbindapp.unbind.desktop")
	if p, _ := Path(e); p != want {
		t.Fatalf("path %s, want %s", p, want)
	}
	if on, err := Enabled(e); on || err != nil {
		t.Fatalf("enabled before Enable: %v %v", on, err)
	}
	if err := Enable(e); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, line := range []string{"[Desktop Entry]", "Type=Application", "Name=Unbind",
		`Exec="/opt/Un bind/unbind" --minimized`, "X-GNOME-Autostart-enabled=true"} {
		if !strings.Contains(text, line+"\n") {
			t.Errorf("desktop file lacks %q:\n%s", line, text)
		}
	}
	if on, err := Enabled(e); !on || err != nil {
		t.Fatalf("not enabled after Enable: %v %v", on, err)
	}
	if err := Enable(e); err != nil { // again: replaces
		t.Fatal(err)
	}
	if err := Disable(e); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(want); !os.IsNotExist(err) {
		t.Fatalf("file still there after Disable: %v", err)
	}
	if err := Disable(e); err != nil {
		t.Fatalf("second Disable: %v", err)
	}
}

func TestQuoteExec(t *testing.T) {
	for in, want := range map[string]string{
		"/usr/bin/unbind": "/usr/bin/unbind",
		"/a b/c":          `"/a b/c"`,
		`/a"b$c`:          `"/a\"b\$c"`,
		"":                `""`,
	} {
		if got := quoteExec(in); got != want {
			t.Errorf("quoteExec(%q) = %s, want %s", in, got, want)
		}
	}
}
