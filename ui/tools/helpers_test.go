package tools

import (
	"testing"

	"github.com/unbindapp/unbind/ui/internal/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

var testCatalog = uitest.Catalog
