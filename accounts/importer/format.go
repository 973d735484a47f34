package importer

import (
	"fmt"
	"strings"
)

// Format names an export format. The names are what `unbindctl import
// --format` accepts.
type Format string

// The formats. FormatAuto detects the format from the file itself.
const (
	FormatAuto          Format = "auto"
	FormatBitwardenCSV  Format = "bitwarden-csv"
	FormatBitwardenJSON Format = "bitwarden-json"
	FormatKeePassXCCSV  Format = "keepassxc-csv"
	FormatChromeCSV     Format = "chrome-csv"
	FormatFirefoxCSV    Format = "firefox-csv"
	FormatOnePassword   Format = "1password-csv"
	FormatAppleCSV      Format = "apple-csv"
)

// Formats lists every concrete format, in the order shown to people.
var Formats = []Format{
	FormatBitwardenCSV, FormatBitwardenJSON, FormatKeePassXCCSV, FormatChromeCSV,
	FormatFirefoxCSV, FormatOnePassword, FormatAppleCSV,
}

var formatLabels = map[Format]string{
	FormatAuto:          "detect automatically",
	FormatBitwardenCSV:  "Bitwarden (CSV)",
	FormatBitwardenJSON: "Bitwarden (JSON, unencrypted)",
	FormatKeePassXCCSV:  "KeePassXC (CSV)",
	FormatChromeCSV:     "Chrome / Edge (CSV)",
	FormatFirefoxCSV:    "Firefox (CSV)",
	FormatOnePassword:   "1Password (CSV)",
	FormatAppleCSV:      "Apple Passwords / Safari (CSV)",
}

// Other names people may type for a format.
var formatAliases = map[string]Format{
	"":           FormatAuto,
	"edge-csv":   FormatChromeCSV,
	"safari-csv": FormatAppleCSV,
}

// Label is the human name of the format, e.g. "Chrome / Edge (CSV)".
func (f Format) Label() string {
	if l, ok := formatLabels[f]; ok {
		return l
	}
	return string(f)
}

// ParseFormat turns user input ("auto", "Chrome-CSV", "edge-csv", "") into a
// Format.
func ParseFormat(name string) (Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if f, ok := formatAliases[n]; ok {
		return f, nil
	}
	if _, ok := formatLabels[Format(n)]; ok {
		return Format(n), nil
	}
	names := make([]string, 0, len(Formats)+1)
	names = append(names, string(FormatAuto))
	for _, f := range Formats {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("import: unknown format %q (one of: %s): %w",
		name, strings.Join(names, ", "), ErrUnknownFormat)
}
