package main

import (
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts/demo"
)

func init() {
	register(group{name: "demo", summary: "fill an empty data folder with demo or synthetic accounts", run: runDemo})
}

const demoUsage = `usage:
  unbindctl --data-dir DIR demo [--lang zh|en]     a dozen realistic accounts in various states
  unbindctl --data-dir DIR demo --synthetic N       N synthetic accounts (benchmarks, startup probes)
The data folder must hold no accounts yet, so demo data never mixes with real data.`

func runDemo(e *env, args []string) error {
	fs := newFlags("demo")
	synthetic := fs.Int("synthetic", 0, "number of synthetic accounts")
	lang := langFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 1 && (pos[0] == "help" || pos[0] == "-h") {
		fmt.Fprintln(e.stdout, demoUsage)
		return nil
	}
	if err := wantArgs("demo", pos, 0, "only flags"); err != nil {
		return err
	}
	if *synthetic < 0 || *synthetic > 1_000_000 {
		return usagef("demo --synthetic wants a number from 1 to 1000000")
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	existing, err := st.Accounts(e.ctx)
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		return fmt.Errorf("demo: %s already holds %d accounts; use an empty --data-dir for demo data", st.Dir(), len(existing))
	}
	if *synthetic > 0 {
		res, err := st.ImportAccounts(e.ctx, demo.Generate(*synthetic), "demo --synthetic", time.Now().UTC())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%d synthetic accounts written to %s\n", res.Added, st.Dir())
		return nil
	}
	if err := checkLang("demo", *lang); err != nil {
		return err
	}
	cat, err := e.catalog()
	if err != nil {
		return err
	}
	if err := demo.Write(e.ctx, st, demo.Options{Lang: *lang, Catalog: cat}); err != nil {
		return err
	}
	all, _ := st.Accounts(e.ctx)
	fmt.Fprintf(e.stdout, "%d demo accounts written to %s\n", len(all), st.Dir())
	return nil
}
