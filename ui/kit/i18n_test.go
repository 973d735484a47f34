package kit

import (
	"testing"

	"fyne.io/fyne/v2/lang"
)

// TestForcedLanguageOnAnotherSystem: on a German system (Fyne ships German
// texts of its own) the chosen language still wins, both ways, and the
// system choice falls back to English.
func TestForcedLanguageOnAnotherSystem(t *testing.T) {
	t.Setenv("LANG", "de_DE.UTF-8")
	t.Setenv("LC_ALL", "de_DE.UTF-8")
	t.Setenv("LANGUAGE", "")
	defer SetupLanguage(LangEn)
	for _, c := range []struct{ pref, want, active, cancel string }{
		{LangZh, "zh", "使用中", "取消"},
		{LangEn, "en", "Active", "Cancel"},
		{LangSystem, "en", "Active", "Cancel"},
		{LangZh, "zh", "使用中", "取消"},
	} {
		if got := SetupLanguage(c.pref); got != c.want || lang.L("Active") != c.active || lang.L("Cancel") != c.cancel {
			t.Errorf("SetupLanguage(%q) on de_DE = %s, Active %q, Cancel %q; want %s, %q, %q",
				c.pref, got, lang.L("Active"), lang.L("Cancel"), c.want, c.active, c.cancel)
		}
	}
}
