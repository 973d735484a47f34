package importer

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// saveAsUTF8 is the advice for files we cannot read.
const saveAsUTF8 = `open it in Excel and use Save As > "CSV UTF-8 (逗号分隔)(*.csv)", or save it as UTF-8 in a text editor`

// decodeText turns the file's bytes into UTF-8 text without a BOM. UTF-16
// with a BOM and GBK/GB18030 (what Excel on Chinese Windows writes) are
// converted, and notice says so.
func decodeText(data []byte, f Format) (text string, notice NoticeKind, err error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, derr := dec.Bytes(data)
		if derr != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return "", "", newError(ErrEncoding, f, 0, "the file starts like UTF-16 text but does not decode as such; %s", saveAsUTF8)
		}
		data = out
		notice = NoticeUTF16
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", "", newError(ErrEncoding, f, lineAt(string(data), i),
			"this is a binary file, not a CSV or JSON export (it contains NUL bytes)")
	}
	if utf8.Valid(data) {
		return string(data), notice, nil
	}
	if s, ok := fromGB18030(data); ok && !mostlyUTF8(data) {
		return s, NoticeGB18030, nil
	}
	bad := firstInvalidUTF8(data)
	return "", "", newError(ErrEncoding, f, lineAt(string(data[:bad]), bad),
		"the file is neither UTF-8 nor GBK/GB18030 text (invalid bytes here); %s", saveAsUTF8)
}

// mostlyUTF8 reports whether data is UTF-8 with a few broken bytes rather
// than another encoding: more valid multi-byte characters than invalid
// bytes. GBK text decoded as UTF-8 is mostly invalid, so this keeps a
// damaged UTF-8 file from being "converted" into mojibake.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			invalid++
		case n > 1:
			valid++
		}
		i += n
	}
	return valid > invalid
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// fromGB18030 decodes data as GB18030 (a superset of GBK) and accepts the
// result only when it decodes cleanly into text a Chinese export plausibly
// holds: no replacement characters, no control characters, no private-use
// or rare code points. Random bytes almost never pass.
func fromGB18030(data []byte) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	out = bytes.TrimPrefix(out, bomUTF8) // GB18030 can encode a BOM too
	for _, r := range string(out) {
		if !plausibleRune(r) {
			return "", false
		}
	}
	return string(out), true
}

// plausibleRune reports whether r is a character GBK text commonly holds.
func plausibleRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20 || r == 0x7F || r == utf8.RuneError:
		return false
	case r < 0x7F:
		return true
	}
	for _, rg := range plausibleRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

var plausibleRanges = [][2]rune{
	{0x00A0, 0x00FF}, // Latin-1 supplement
	{0x0370, 0x04FF}, // Greek, Cyrillic
	{0x2000, 0x206F}, // general punctuation
	{0x20A0, 0x20CF}, // currency (€)
	{0x2100, 0x22FF}, // letterlike, number forms, arrows, maths
	{0x2460, 0x26FF}, // enclosed numbers, box drawing, shapes, symbols
	{0x3000, 0x312F}, // CJK punctuation, kana, bopomofo
	{0x3200, 0x33FF}, // enclosed CJK, compatibility
	{0x3400, 0x4DBF}, // CJK extension A
	{0x4E00, 0x9FFF}, // CJK unified ideographs
	{0xF900, 0xFAFF}, // CJK compatibility ideographs
	{0xFE30, 0xFE4F}, // CJK compatibility forms
	{0xFF00, 0xFFEF}, // full-width forms
}
