// Package linebreak breaks Chinese and English text into lines with the
// rules of Chinese typesetting (避头尾): no line starts with closing
// punctuation (。，、；：？！）」…) and none ends with opening punctuation
// (（「…); a list marker ("2." "（三）" "•") stays with its text; identifiers
// (phone numbers, ticket numbers, dates, web addresses) never break inside,
// unless one is wider than a whole line. The GUI's wrapping text and the
// report's PDF both break lines here, so they break alike.
package linebreak

import (
	"strings"
	"unicode/utf8"
)

// Measure is the width of a run of text, in the caller's unit.
type Measure func(string) float64

// Lines breaks text into lines no wider than width. A newline ends a
// paragraph; tabs count as spaces; spaces at a break are dropped. It takes
// time linear in the text (measure is called once per unbreakable unit,
// and once per character of a unit wider than a line).
func Lines(text string, width float64, measure Measure) []string {
	text = lineEnds.Replace(text)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = appendParagraph(out, para, width, measure)
	}
	return out
}

var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

const spaces = " \t\u3000"

// unit is a run that no break falls inside: text without its trailing
// spaces, then the spaces.
type unit struct{ text, spaces string }

// splitUnits splits one paragraph at every place a line may break.
func splitUnits(para string) []unit { return unitsOf(para, true) }

// unitsOf splits text at every place a line may break; with paragraph
// set, a leading list marker stays with the text after it.
func unitsOf(para string, paragraph bool) []unit {
	runes := []rune(para)
	noBreakBefore := 0 // the list marker, its spaces and the first character after them
	if paragraph {
		noBreakBefore = markerEnd(runes)
	}
	var units []unit
	start := 0
	for i := 1; i <= len(runes); i++ {
		if i < len(runes) && (i <= noBreakBefore || !breakAt(runes, i)) {
			continue
		}
		end := i
		for end > start && classOf(runes[end-1]) == classSP {
			end--
		}
		units = append(units, unit{string(runes[start:end]), string(runes[end:i])})
		start = i
	}
	return units
}

// breakAt reports whether a line may break before runes[i].
func breakAt(runes []rune, i int) bool {
	a, b := classOf(runes[i-1]), classOf(runes[i])
	if a == classSP {
		// After spaces the character before them decides only for quotes
		// and opening punctuation ("（ 见上" stays); closing punctuation
		// never starts a line, even after a space.
		j := i - 1
		for j > 0 && classOf(runes[j-1]) == classSP {
			j--
		}
		if j > 0 && classOf(runes[j-1]) == classOP {
			return false
		}
		return b != classCL && b != classIS && b != classSP
	}
	return canBreak(a, b)
}

// markerEnd is the index of the first rune after a leading list marker
// and its spaces ("2. ", "（三）", "• "), or 0 when the paragraph has none:
// no break may fall before that index or directly after it.
func markerEnd(r []rune) int {
	i := 0
	for i < len(r) && classOf(r[i]) == classSP {
		i++
	}
	start := i
	switch {
	case i < len(r) && strings.ContainsRune("•·・-–*", r[i]):
		i++
	case i < len(r) && (r[i] == '(' || r[i] == '（'):
		j := i + 1
		for j < len(r) && isListNumber(r[j]) {
			j++
		}
		if j == i+1 || j >= len(r) || (r[j] != ')' && r[j] != '）') {
			return 0
		}
		i = j + 1
	default:
		j := i
		for j < len(r) && isListNumber(r[j]) {
			j++
		}
		if j == i || j >= len(r) || !strings.ContainsRune(".．、)）", r[j]) {
			return 0
		}
		i = j + 1
	}
	if i == start {
		return 0
	}
	for i < len(r) && classOf(r[i]) == classSP {
		i++
	}
	if i >= len(r) {
		return 0
	}
	return i + 1
}

func isListNumber(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("一二三四五六七八九十", r)
}

func appendParagraph(out []string, para string, width float64, measure Measure) []string {
	var line strings.Builder
	lineW, pending := 0.0, "" // pending: the spaces after the line's last unit
	flush := func() {
		out = append(out, line.String())
		line.Reset()
		lineW, pending = 0, ""
	}
	for _, u := range splitUnits(para) {
		w := measure(u.text)
		if line.Len() > 0 && lineW+measure(pending)+w > width {
			flush()
		}
		if line.Len() == 0 && w > width {
			for _, piece := range splitWide(u.text, width, measure) {
				if line.Len() > 0 {
					flush()
				}
				piece = strings.TrimRight(strings.TrimLeft(piece, spaces), spaces) // a cut before "·" in " · " falls at a space

				line.WriteString(piece)
				lineW = measure(piece)
			}
			pending = u.spaces
			continue
		}
		if line.Len() > 0 {
			line.WriteString(pending)
			lineW += measure(pending)
		}
		line.WriteString(u.text)
		lineW += w
		pending = u.spaces
	}
	return append(out, line.String()) // every paragraph is a line, an empty one too
}

// splitWide cuts a unit wider than a line between characters, as a last
// resort, keeping closing punctuation off the start of a piece.
func splitWide(s string, width float64, measure Measure) []string {
	var pieces []string
	start, w := 0, 0.0
	for i, r := range s {
		rw := measure(string(r))
		if i > start && w+rw > width {
			cut := i
			if c := classOf(r); c == classCL || c == classIS {
				if _, size := utf8.DecodeLastRuneInString(s[start:i]); i-size > start {
					cut = i - size // move the last character down with its punctuation
				}
			}
			pieces = append(pieces, s[start:cut])
			w = measure(s[cut:i])
			start = cut
		}
		w += rw
	}
	return append(pieces, s[start:])
}
