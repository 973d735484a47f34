package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/cmd/internal/opener"
)

// env is what every command needs. The store and keyring are opened on
// first use, so 'unbindctl help' or 'calendar' never touch the data folder.
type env struct {
	dataDir string
	stdin   io.Reader
	stdout  io.Writer // made safe for a terminal by run
	stderr  io.Writer
	raw     io.Writer // the real standard output, for JSON, secrets and files
	ctx     context.Context

	st  *store.Store
	svc *accounts.Service
	cat *catalog.Catalog

	cal *workdays.Calendar

	warnedMode bool // the folder-permission warning is printed once
}

func newEnv() *env {
	return &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, ctx: context.Background()}
}

// dir resolves the data folder: --data-dir, then $UNBIND_DATA_DIR, then the
// user config folder; it is created 0700 when missing.
func (e *env) dir() (string, error) {
	dir, err := store.ResolveDataDir(e.dataDir)
	if err == nil && !e.warnedMode {
		e.warnedMode = true
		if mode, open := store.OpenToOthers(dir); open {
			fmt.Fprintf(e.stderr, "unbindctl: warning: other users of this computer can open the data folder %s (mode %04o); run: chmod -R go-rwx %s\n",
				dir, mode, dir)
		}
	}
	return dir, err
}

// store opens the database in the data folder once.
func (e *env) store() (*store.Store, error) {
	if e.st != nil {
		return e.st, nil
	}
	dir, err := e.dir()
	if err != nil {
		return nil, err
	}
	st, err := store.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	e.st = st
	return st, nil
}

// service returns the accounts service over the store and the OS keyring.
func (e *env) service() (*accounts.Service, error) {
	if e.svc != nil {
		return e.svc, nil
	}
	st, err := e.store()
	if err != nil {
		return nil, err
	}
	cat, err := e.catalog()
	if err != nil {
		return nil, err
	}
	v, err := opener.Vault(e.ctx, st)
	if err != nil {
		return nil, err
	}
	e.svc = accounts.NewService(st, v)
	e.svc.Guard = catalog.Guard{Catalog: cat}
	// A change re-derives the account's reminders at once, as the GUI does:
	// the cooling-off notice exists from the moment the cooling-off starts.
	e.svc.OnChange = func(ctx context.Context, id string) {
		rs, _, err := e.reminderService()
		if err == nil {
			err = rs.SyncAccount(ctx, id, time.Now())
		}
		if err != nil {
			fmt.Fprintln(e.stderr, "unbindctl: warning: reminders not brought up to date: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		}
	}
	return e.svc, nil
}

func (e *env) close() {
	if e.st != nil {
		e.st.Close()
		e.st = nil
	}
}
