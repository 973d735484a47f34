package linebreak

import "unicode"

// class is what a character does at a line break: a reduced set of the
// line-breaking classes of Unicode UAX #14, enough for Unbind's texts.
type class uint8

const (
	classAL class = iota // letters, digits, most symbols: glued to each other
	classNU              // ASCII and full-width digits: glued, and to a counter after them ("3天")
	classID              // ideographs, kana, hangul, emoji: a break may fall on either side
	classCL              // closing punctuation (。，、）」…): never starts a line
	classOP              // opening punctuation (（「《“): never ends a line
	classIS              // ASCII . , : ; ! ?: never starts a line, glued to what follows unless it is Chinese
	classQU              // the ASCII quote ": glued to both sides
	classB2              // the dash —: a break may fall around "——", not inside it
	classSP              // a space: breaks fall after spaces, which a line end drops
)

// closing holds the punctuation that never starts a line. Full width:
// the Chinese stops and commas, closing brackets and quotes, the ellipsis,
// the middle dots and the iteration marks; ASCII closing brackets.
const closing = "。，、；：？！）」』】》〉〕］｝〗〙〞”’…‥·・ー々〻゛゜ヽヾゝゞ％‰℃．｡､)]}"

// opening holds the punctuation that never ends a line.
const opening = "（「『【《〈〔［｛〖〘〝“‘([{¥￥$£€＄"

// punctuation maps every rune of closing and opening to its class.
var punctuation = func() map[rune]class {
	m := make(map[rune]class)
	for _, r := range closing {
		m[r] = classCL
	}
	for _, r := range opening {
		m[r] = classOP
	}
	return m
}()

func classOf(r rune) class {
	switch {
	case r == ' ' || r == '\t' || r == '\u3000':
		return classSP
	case r == '"':
		return classQU
	case r == '—' || r == '―':
		return classB2
	case r == '.' || r == ',' || r == ':' || r == ';' || r == '!' || r == '?':
		return classIS
	case r >= '0' && r <= '9', r >= '０' && r <= '９':
		return classNU
	}
	if c, ok := punctuation[r]; ok {
		return c
	}
	switch {
	case r < 0x80:
		return classAL
	case r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return classAL // full-width letters: part of an identifier
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo),
		r >= 0x3000 && r <= 0x303f,                               // CJK symbols not listed above (〇, 〜)
		r >= 0xff01 && r <= 0xff60,                               // other full-width forms (～, ＠)
		r >= 0x1f300 && r <= 0x1faff, r >= 0x2600 && r <= 0x27bf: // emoji and pictographs
		return classID
	}
	return classAL
}

// canBreak reports whether a line may break between a and b (b follows a
// directly; spaces are handled by the caller).
func canBreak(a, b class) bool {
	switch {
	case b == classCL || b == classIS || b == classSP:
		return false // closing punctuation never starts a line; breaks fall after spaces
	case a == classOP || a == classQU || b == classQU:
		return false
	case a == classSP:
		return true
	case a == classB2 && b == classB2:
		return false
	case a == classIS:
		return b == classID || b == classOP || b == classB2 // "done.下一步" may break; "taobao.com" may not
	case a == classNU && b == classID:
		return false // a number stays with its counter: 3 天 is never split as "3 / 天"
	case (a == classAL || a == classNU) && (b == classAL || b == classNU || b == classOP):
		return false // identifiers: 138****5678, 2026-12-07, f(x)
	}
	return true
}
