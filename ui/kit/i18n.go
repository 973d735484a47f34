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

// fyneLocales are the locales Fyne 2.7 ships translations for. lang picks
// the one closest to the system locale and offers no way to choose; to
// force a language we load our file under each of them, so whichever it
// picks speaks the chosen language (our files carry Fyne's own keys too).
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

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
		locales := append(fyneLocales, lang.SystemLocale())
		for _, l := range locales {
			if e := lang.AddTranslationsForLocale(data, l); e != nil && err == nil {
				err = e
			}
		}
	default:
		// Every locale gets the file of its own language again: a switch
		// from a forced language back to the system's must not leave the
		// forced file under the other locales.
		locales := append(fyneLocales, lang.SystemLocale())
		for _, l := range locales {
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
