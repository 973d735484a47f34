// Command unbind is Unbind's desktop app. It resolves the data folder
// (--data-dir, then $UNBIND_DATA_DIR, then the user config folder), opens
// the store, the keyring, the platform catalog and the holiday calendar,
// and hands them to package ui.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/cmd/internal/buildinfo"
	"github.com/unbindapp/unbind/cmd/internal/opener"
	"github.com/unbindapp/unbind/ui"
	"github.com/unbindapp/unbind/ui/kit"
	"github.com/unbindapp/unbind/ui/startupprobe"
)

// options are the command line. The hidden ones serve scripts:
// screenshots (--demo, --select) and benchmarks.
type options struct {
	dataDir   string
	minimized bool
	demo      bool
	selectID  string
	tab       string
	phoneSMS  string // files of 一证通查 SMS to compare on start
	measure   bool
	version   bool
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("unbind", flag.ContinueOnError)
	fs.StringVar(&o.dataDir, "data-dir", "", "data folder (default: $"+store.DataDirEnv+" or the user config folder)")
	fs.BoolVar(&o.minimized, "minimized", false, "start in the system tray (used by start at login)")
	fs.BoolVar(&o.demo, "demo", false, "")
	fs.StringVar(&o.selectID, "select", "", "")
	fs.StringVar(&o.tab, "tab", "", "")
	fs.StringVar(&o.phoneSMS, "phone-check-sms", "", "")
	// Prints time to first frame, time until the inventory is loaded and
	// peak memory, then quits (.ci/startup.sh compares it with an empty
	// Fyne window).
	fs.BoolVar(&o.measure, "measure-startup", false, "")
	fs.BoolVar(&o.version, "version", false, "print the version and quit")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: unbind [--data-dir DIR] [--minimized] [--version]")
		fmt.Fprintln(fs.Output(), "  --data-dir DIR  data folder (default: $"+store.DataDirEnv+" or the user config folder)")
		fmt.Fprintln(fs.Output(), "  --minimized     start in the system tray (used by start at login)")
		fmt.Fprintln(fs.Output(), "  --version       print the version and quit")
	}
	return o, fs.Parse(args)
}

func main() {
	o, err := parseFlags(os.Args[1:])
	if err != nil {
		os.Exit(2)
	}
	if o.version { // before Fyne: no window, no display needed
		fmt.Println(buildinfo.String())
		return
	}
	var probe *startupprobe.Probe
	if o.measure { // first, so a perfprof build profiles the whole start
		probe = startupprobe.New()
	}
	if os.Getenv("GOGC") == "" {
		// Unbind idles most of the time: a tighter collector keeps the
		// heap close to what it uses (a big inventory loads in bursts).
		debug.SetGCPercent(50)
	}
	a := app.NewWithID(ui.AppID)
	if a.Metadata().ID == "" {
		// Built with plain "go build" away from FyneApp.toml.
		app.SetMetadata(ui.FallbackMetadata())
	}
	a.SetIcon(ui.Icon())
	a.Settings().SetTheme(kit.NewTheme())
	fonts := kit.WarmFonts()

	deps, closeDeps, err := open(o)
	if err != nil {
		fail(a, err)
		return
	}
	deps.FontsReady = fonts
	defer closeDeps()
	u := ui.New(a, deps)
	if o.selectID != "" {
		u.SelectOnLoad(o.selectID)
		u.OpenTabOnLoad(o.tab)
	}
	if o.phoneSMS != "" {
		u.PhoneCheckOnLoad(o.phoneSMS)
	}
	if probe != nil {
		probe.Attach(u.Window())
		loaded := make(chan struct{})
		u.WhenLoaded(func() { close(loaded) })
		probe.Run(a, loaded, os.Stdout)
	}
	if o.minimized && u.HasTray() {
		// Started at login into the tray: no frame will be painted, and
		// the reminders must run all the same.
		u.Start()
	} else {
		u.StartAfterFirstPaint()
		u.Window().Show()
	}
	a.Run()
}

// open resolves the data folder and opens what the UI runs on.
func open(o options) (ui.Deps, func(), error) {
	dir, err := store.ResolveDataDir(o.dataDir)
	if err != nil {
		return ui.Deps{}, nil, err
	}
	st, err := store.OpenDir(dir)
	if err != nil {
		return ui.Deps{}, nil, err
	}
	v, err := opener.Vault(context.Background(), st)
	if err != nil {
		st.Close()
		return ui.Deps{}, nil, err
	}
	cat, catErrs := opener.Catalog(dir)
	cal, calErr := opener.Calendar(dir)
	if cal == nil {
		st.Close()
		return ui.Deps{}, nil, calErr
	}
	if calErr != nil {
		fyne.LogError("load holiday calendar", calErr)
	}
	d := ui.Deps{
		Store: st, Secrets: v, Keyring: v, Catalog: cat, CatalogErrors: catErrs, Calendar: cal, DataDir: dir,
		Lang: kit.SetupLanguage(ui.LanguagePref(st)),
	}
	closeAll := func() { st.Close() }
	if o.demo {
		demo, closeDemo, err := ui.DemoDeps(d)
		if err != nil {
			st.Close()
			return ui.Deps{}, nil, err
		}
		d, closeAll = demo, func() { closeDemo(); st.Close() }
	}
	return d, closeAll, nil
}

// fail shows why Unbind cannot start (a damaged or newer database, a
// read-only folder): a window with the message says more than a log line.
func fail(a fyne.App, err error) {
	fmt.Fprintln(os.Stderr, "unbind:", err)
	kit.SetupLanguage(kit.LangSystem)
	w := a.NewWindow("Unbind")
	w.SetContent(ui.StartupError(err, a.Quit))
	w.Resize(fyne.NewSize(560, 260))
	w.ShowAndRun()
}
