package assets

import "embed"

// I18n holds the GUI's translations for fyne.io/fyne/v2/lang: i18n/en.json
// and i18n/zh.json (simplified Chinese). Keys are the English source text,
// so a missing translation still reads as English.
//
//go:embed i18n/*.json
var I18n embed.FS

// I18nDir is the folder inside I18n that holds the translation files.
const I18nDir = "i18n"
