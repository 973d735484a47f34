package catalog

import "strings"

// Text is a string in Chinese and English. Catalog entries carry both, so
// the GUI and CLI can follow the person's language.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// In returns the text in lang ("zh", "zh_CN.UTF-8", "en", …), falling back
// to the other language when that one is empty.
func (t Text) In(lang string) string {
	if Lang(lang) == "zh" {
		if t.Zh != "" {
			return t.Zh
		}
		return t.En
	}
	if t.En != "" {
		return t.En
	}
	return t.Zh
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.Zh == "" && t.En == "" }

// Lang reduces a locale such as "zh_CN.UTF-8" or "en-GB" to "zh" or "en":
// the catalog has only those two, and everything not Chinese reads English.
func Lang(locale string) string {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(locale)), "zh") {
		return "zh"
	}
	return "en"
}

func (t Text) trimmed() Text {
	return Text{Zh: strings.TrimSpace(t.Zh), En: strings.TrimSpace(t.En)}
}
