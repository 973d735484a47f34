package reminders

import (
	"strings"
	"unicode/utf8"
)

// icsMaxLine is the longest content line RFC 5545 (3.1) allows, in octets,
// not counting the CRLF.
const icsMaxLine = 75

// icsText escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon and
// comma get a backslash, a line break becomes \n. Invalid UTF-8 becomes
// U+FFFD and control characters other than tab (not allowed in TEXT) are
// dropped.
func icsText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			// dropped: CONTROL characters are not TEXT
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icsFold folds one content line (without CRLF) into physical lines of at
// most icsMaxLine octets, each ended by CRLF; continuation lines start with
// a space (RFC 5545 3.1). It never splits a UTF-8 sequence, nor a TEXT
// escape such as \; (legal, but some readers unfold badly).
func icsFold(line string) string {
	var b strings.Builder
	b.Grow(len(line) + len(line)/icsMaxLine*3 + 2)
	limit := icsMaxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		if endsInOpenEscape(line[:cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = icsMaxLine - 1 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}

// endsInOpenEscape reports whether s ends in an odd run of backslashes,
// i.e. its last backslash starts an escape whose second half follows.
func endsInOpenEscape(s string) bool {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n%2 == 1
}
