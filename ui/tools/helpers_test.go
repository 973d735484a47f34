package tools

import (
	"os"
	"testing"

	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/assets"
	"github.com/unbindapp/unbind/ui/kit"
)

func TestMain(m *testing.M) {
	os.Unsetenv(kit.LangEnv)
	os.Setenv("LANG", "en_US.UTF-8") // "C" makes Fyne log every locale lookup
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LANGUAGE")
	kit.SetupLanguage(kit.LangEn)
	os.Exit(m.Run())
}

// testCatalog is the built-in catalog.
var testCatalog = func() *catalog.Catalog {
	c, _ := catalog.Load(assets.Catalog, "")
	return c
}()
