package kit

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/assets"
)

// Language preferences as stored in the settings.
const (
	LangSystem = ""
	LangZh     = "zh"
	LangEn     = "en"
)

// LangEnv overrides the language setting (screenshots, support).
const LangEnv = "UNBIND_LANG"

// ourLocales are where our file is loaded. lang picks the translation
// closest to the system locale and offers no way to choose; loaded under
// the system locale itself, ours is the exact match and wins over Fyne's
// own (our files carry Fyne's keys too), and "en" is lang's fallback when
// the system locale parses as nothing (LANG=C). Two parses of the file,
// not one per locale Fyne ships (fifteen, 4 MB of messages kept).
func ourLocales() []fyne.Locale {
	if l := lang.SystemLocale(); l != "en" {
		return []fyne.Locale{"en", l}
	}
	return []fyne.Locale{"en"}
}

// SetupLanguage loads the translations for pref (LangSystem, LangZh or
// LangEn; $UNBIND_LANG wins when set) and returns the language the UI now
// speaks, "zh" or "en", for catalog text. Call it once, before building
// any window; calling it again switches the language (rebuild the
// widgets afterwards: they hold the texts they were made with).
func SetupLanguage(pref string) string {
	if env := os.Getenv(LangEnv); env != "" {
		pref = catalog.Lang(env)
	}
	en, _ := assets.I18n.ReadFile(assets.I18nDir + "/en.json")
	zh, _ := assets.I18n.ReadFile(assets.I18nDir + "/zh.json")
	var err error
	switch pref {
	case LangZh, LangEn:
		data := en
		if pref == LangZh {
			data = zh
		}
		for _, l := range ourLocales() {
			if e := lang.AddTranslationsForLocale(data, l); e != nil && err == nil {
				err = e
			}
		}
	default:
		// Every locale gets the file of its own language again: a switch
		// from a forced language back to the system's must not leave the
		// forced file under the other locales.
		for _, l := range ourLocales() {
			data := en
			if strings.HasPrefix(strings.ToLower(string(l)), "zh") {
				data = zh
			}
			if e := lang.AddTranslationsForLocale(data, l); e != nil && err == nil {
				err = e
			}
		}
	}
	if err != nil {
		fyne.LogError("load translations", err)
	}
	// Each file names its own language under this key, so we learn which
	// one lang's matcher chose for the system locale (zh-TW, say).
	return Lang()
}
