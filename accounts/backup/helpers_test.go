package backup

import (
	"context"
	"testing"

	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/store/storetest"
)

var bg = context.Background()

func openStore(t testing.TB) *store.Store { return storetest.Open(t) }

func rows(t testing.TB, st *store.Store, table string) int { return storetest.Rows(t, st, table) }
