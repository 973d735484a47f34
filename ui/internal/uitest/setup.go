package uitest

import (
	"os"
	"testing"

	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/assets"
	"github.com/unbindapp/unbind/ui/kit"
)

// Main runs a GUI package's tests in English, whatever the machine's
// locale, and exits with their result. Call it from TestMain.
func Main(m *testing.M) {
	os.Unsetenv(kit.LangEnv)
	os.Setenv("LANG", "en_US.UTF-8") // "C" makes Fyne log every locale lookup
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LANGUAGE")
	kit.SetupLanguage(kit.LangEn)
	os.Exit(m.Run())
}

// Catalog is the built-in catalog (assets), loaded once.
var Catalog = func() *catalog.Catalog {
	c, _ := catalog.Load(assets.Catalog, "")
	return c
}()
