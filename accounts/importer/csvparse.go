package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// csv reads a CSV export; p.format is FormatAuto or a CSV format.
func (p *parser) csv(text string) error {
	sc := newCSVScanner(text)
	rec, line, err := sc.next()
	if errors.Is(err, io.EOF) {
		return newError(ErrUnknownFormat, p.format, 0, "the file is empty")
	}
	if err != nil {
		return p.csvError(err, line)
	}
	header := make([]string, len(rec))
	for i, name := range rec {
		header[i] = strings.TrimSpace(name)
	}
	if p.format == FormatAuto {
		f, ok := detectCSV(header)
		if !ok {
			return newError(ErrUnknownFormat, "", line, "not a recognised export: %s — expected the header row of "+
				"a Bitwarden, KeePassXC, Chrome/Edge, Firefox, 1Password or Apple Passwords export "+
				"(e.g. name,url,username,password,note); pass --format to choose one", describeFirstLine(header))
		}
		p.format = f
	}
	cols, ok := layouts[p.format]
	if !ok {
		return newError(ErrUnknownFormat, p.format, 0, "not a CSV format")
	}
	idx, missing := bind(cols, header)
	if missing != "" {
		return newError(ErrMissingColumn, p.format, line, "missing column %q (%s)", missing, describeHeader(header))
	}
	for {
		rec, line, err := sc.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return p.csvError(err, line)
		}
		if len(rec) != len(header) {
			return newError(ErrSyntax, p.format, line,
				"%d fields, but the header row has %d columns (a comma or line break in an unquoted field?)", len(rec), len(header))
		}
		e, keep := p.csvEntry(rec, idx, line)
		if !keep {
			p.res.Skipped++
			continue
		}
		if err := p.add(e); err != nil {
			return err
		}
	}
}

func (p *parser) csvError(err error, line int) error {
	var ce *csvError
	if errors.As(err, &ce) {
		return newError(ErrSyntax, p.format, ce.line, "%s", ce.msg)
	}
	return newError(ErrSyntax, p.format, line, "%v", err)
}

// csvEntry builds the entry of one record; keep is false for records that
// are not logins.
func (p *parser) csvEntry(rec []string, idx [numFields]int, line int) (e Entry, keep bool) {
	get := func(f field) string {
		if idx[f] < 0 {
			return ""
		}
		return rec[idx[f]]
	}
	e = Entry{
		Line:     line,
		Title:    get(fTitle),
		Login:    get(fLogin),
		Password: Secret(get(fPassword)),
		Notes:    get(fNotes),
		TOTP:     strings.TrimSpace(get(fTOTP)) != "",
		Modified: parseTime(get(fModified)),
	}
	e.URL, e.OtherURLs = splitURLs(get(fURL), p.format == FormatBitwardenCSV)
	switch p.format {
	case FormatBitwardenCSV:
		// Bitwarden exports logins and secure notes; only logins count.
		if t := strings.ToLower(strings.TrimSpace(get(fType))); t != "" && t != "login" {
			return e, false
		}
	case FormatFirefoxCSV:
		// Firefox lists its own account sign-in as chrome://FirefoxAccounts.
		if strings.HasPrefix(strings.ToLower(e.URL), "chrome://") {
			return e, false
		}
	}
	return e, true
}

// describeHeader lists the header for an error message.
func describeHeader(header []string) string {
	if looksLikeData(header) {
		return "the first line looks like data, not column names"
	}
	return "the header has " + quoteList(header)
}

func describeFirstLine(header []string) string {
	if looksLikeData(header) {
		return "the first line looks like data, not a header row of column names"
	}
	return "the first line has columns " + quoteList(header)
}

// looksLikeData guesses whether a first line is a record rather than column
// names, so that an error never quotes what may be a password.
func looksLikeData(fields []string) bool {
	for _, f := range fields {
		if strings.Contains(f, "://") || strings.Contains(f, "@") || utf8.RuneCountInString(f) > 40 {
			return true
		}
	}
	return false
}

// quoteList quotes up to 8 names, each cut to 30 characters.
func quoteList(names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i == 8 {
			fmt.Fprintf(&b, " and %d more", len(names)-8)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if r := []rune(n); len(r) > 30 {
			n = string(r[:30]) + "…"
		}
		fmt.Fprintf(&b, "%q", n)
	}
	return b.String()
}
