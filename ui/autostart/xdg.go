//go:build !darwin && !windows

package autostart

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/unbindapp/unbind/accounts/atomicfile"
)

// Path is the .desktop file of e: $XDG_CONFIG_HOME/autostart/<id>.desktop
// (~/.config when XDG_CONFIG_HOME is unset).
func Path(e Entry) (string, error) {
	base := os.Getenv("XDG_CONFIG_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "autostart", e.ID+".desktop"), nil
}

func enable(e Entry) error {
	p, err := Path(e)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	exec := make([]string, 0, len(e.Args)+1)
	for _, a := range append([]string{e.Exec}, e.Args...) {
		exec = append(exec, quoteExec(a))
	}
	content := "[Desktop Entry]\nType=Application\nName=" + escapeValue(e.Name) + "\nExec=" + escapeValue(strings.Join(exec, " ")) +
		"\nIcon=" + escapeValue(e.ID) + "\nTerminal=false\nX-GNOME-Autostart-enabled=true\n"
	if err := atomicfile.WriteBytes(p, []byte(content)); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	return nil
}

// quoteExec quotes one Exec argument as the Desktop Entry spec asks:
// arguments with reserved characters go in double quotes, inside which ",
// `, $ and \ are escaped with a backslash.
func quoteExec(arg string) string {
	if arg != "" && !strings.ContainsAny(arg, " \t\n\"'\\><~|&;$*?#()`=%") {
		return arg
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "`", "\\`", `$`, `\$`)
	return `"` + r.Replace(arg) + `"`
}

// escapeValue escapes a string value of a desktop file (the spec's \s \n
// \t \r \\); the Exec line's quoting comes on top of this.
func escapeValue(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(s)
}
