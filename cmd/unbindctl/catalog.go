package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/unbindapp/unbind/cmd/internal/opener"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/assets"
)

func init() {
	register(group{name: "catalog", summary: "platforms and how to leave them: list, search, show, validate, import-jdm", run: runCatalog})
}

const catalogUsage = `usage:
  unbindctl catalog list [--json] [--lang zh|en]
  unbindctl catalog search QUERY [--json] [--lang zh|en]
  unbindctl catalog show ID [--json] [--lang zh|en]
  unbindctl catalog match HOST             print the platform a login host belongs to
  unbindctl catalog validate [FILE]        check a catalog file before putting it in the data folder;
                                           without FILE, the built-in catalog and your data folder's files
  unbindctl catalog stats [--markdown]     how well each platform is researched (sources, cooling-off, blockers)
  unbindctl catalog import-jdm FILE        import a JustDeleteMe sites.json as <data dir>/catalog/jdm.json

The catalog is the built-in data plus your own *.json files in
<data dir>/catalog/, which override built-in platforms with the same ID.
--lang defaults to zh when $LANG starts with zh, else en.`

// jdmFile is where import-jdm writes; importing again replaces it.
const jdmFile = "jdm.json"

func runCatalog(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("catalog wants a command: list, search, show, match, validate, stats or import-jdm (see unbindctl catalog -h)")
	}
	cmd, rest := args[0], args[1:]
	if slices.Contains(rest, "-h") || slices.Contains(rest, "--help") || cmd == "-h" || cmd == "--help" || cmd == "help" {
		fmt.Fprintln(e.stdout, catalogUsage)
		return nil
	}
	switch cmd {
	case "list":
		return catalogList(e, rest)
	case "search":
		return catalogSearch(e, rest)
	case "show":
		return catalogShow(e, rest)
	case "match":
		return catalogMatch(e, rest)
	case "validate":
		return catalogValidate(e, rest)
	case "stats":
		return catalogStats(e, rest)
	case "import-jdm":
		return catalogImportJDM(e, rest)
	}
	return usagef("unknown catalog command %q (see unbindctl catalog -h)", cmd)
}

// catalog loads the built-in catalog and the data folder's catalog files.
// Problems in those files are warnings on stderr: the rest still loads.
func (e *env) catalog() (*catalog.Catalog, error) {
	if e.cat != nil {
		return e.cat, nil
	}
	dir, err := e.dir()
	if err != nil {
		return nil, err
	}
	c, errs := opener.Catalog(dir)
	for _, err := range errs {
		fmt.Fprintln(e.stderr, "unbindctl: warning: "+err.Error())
	}
	e.cat = c
	return c, nil
}

// langFlag adds --lang; the default comes from the locale.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", defaultLang(), "language of the output: zh or en")
}

func defaultLang() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return catalog.Lang(s)
		}
	}
	return "en"
}

func checkLang(cmd, lang string) error {
	if lang != "zh" && lang != "en" {
		return usagef("%s: --lang must be zh or en, not %q", cmd, lang)
	}
	return nil
}

func catalogList(e *env, args []string) error {
	return listPlatforms(e, "catalog list", args, 0, func(c *catalog.Catalog, _ []string) []catalog.Platform { return c.All() })
}

func catalogSearch(e *env, args []string) error {
	return listPlatforms(e, "catalog search", args, 1, func(c *catalog.Catalog, pos []string) []catalog.Platform { return c.Search(pos[0]) })
}

// listPlatforms is list and search: a table, or the same JSON as show.
func listPlatforms(e *env, cmd string, args []string, nargs int, pick func(*catalog.Catalog, []string) []catalog.Platform) error {
	fs := newFlags(cmd)
	asJSON := fs.Bool("json", false, "print JSON")
	lang := langFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(cmd, pos, nargs, map[int]string{0: "no arguments", 1: "QUERY"}[nargs]); err != nil {
		return err
	}
	if err := checkLang(cmd, *lang); err != nil {
		return err
	}
	c, err := e.catalog()
	if err != nil {
		return err
	}
	ps := pick(c, pos)
	if *asJSON {
		out := make([]platformJSON, len(ps))
		for i, p := range ps {
			out[i] = toJSON(p)
		}
		return writeJSON(e.raw, out)
	}
	l := *lang
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr(l, "ID\t名称\t难度\t事项", "ID\tNAME\tDIFFICULTY\tTRACKS"))
	for _, p := range ps {
		kinds := make([]string, len(p.Tracks))
		for i, t := range p.Tracks {
			kinds[i] = string(t.Kind)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.ID, p.Names.In(l), p.Difficulty.Label().In(l), strings.Join(kinds, ","))
	}
	return tw.Flush()
}

// platformJSON is the stable JSON of 'catalog show --json' (and list).
type platformJSON struct {
	ID         string             `json:"id"`
	Names      catalog.Text       `json:"names"`
	Domains    []string           `json:"domains"`
	Group      string             `json:"group"`
	Difficulty catalog.Difficulty `json:"difficulty"`
	Tracks     []trackJSON        `json:"tracks"`
}

type trackJSON struct {
	Kind          accounts.TrackKind     `json:"kind"`
	Channel       catalog.Channel        `json:"channel"`
	Steps         []catalog.Step         `json:"steps"`
	Prerequisites []catalog.Prerequisite `json:"prerequisites"`
	// ReviewWorkdays is null when the catalog does not know the window.
	ReviewWorkdays *catalog.Workdays `json:"review_workdays"`
	Irreversible   bool              `json:"irreversible"`
	// Source is kept for older readers: "unverified", "user", or the first
	// source's seed file or URL. Sources has them all.
	Source   string           `json:"source"`
	Sources  []catalog.Source `json:"sources"`
	Verified string           `json:"verified"`
	// The lifecycle facts (see assets/catalog/SCHEMA.md); null or empty
	// when the catalog does not know them.
	AppliesTo       []catalog.Flag         `json:"applies_to"`
	CoolingOff      *catalog.CoolingOff    `json:"cooling_off"`
	Blockers        []catalog.Blocker      `json:"blockers"`
	BlockersChecked bool                   `json:"blockers_checked"`
	NotPossible     *catalog.Text          `json:"not_possible"`
	After           *catalog.After         `json:"after"`
	Disagreements   []catalog.Disagreement `json:"disagreements"`
}

// orEmpty turns nil into an empty list, so JSON has [] and never null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func toJSON(p catalog.Platform) platformJSON {
	out := platformJSON{ID: p.ID, Names: p.Names, Domains: p.Domains, Group: p.IdentityGroup(),
		Difficulty: p.Difficulty, Tracks: []trackJSON{}}
	if out.Domains == nil {
		out.Domains = []string{}
	}
	for _, t := range p.Tracks {
		tj := trackJSON{Kind: t.Kind, Channel: t.Channel, Steps: t.Steps, Prerequisites: t.Prerequisites,
			ReviewWorkdays: t.ReviewWorkdays, Irreversible: t.Irreversible, Source: t.Source, Verified: t.Verified,
			Sources: t.Sources, AppliesTo: t.AppliesTo, CoolingOff: t.CoolingOff, Blockers: t.Blockers,
			BlockersChecked: t.BlockersChecked, After: t.After, Disagreements: t.Disagreements}
		if len(t.Sources) > 0 && tj.Source == "" {
			tj.Source = t.Sources[0].Seed
			if tj.Source == "" {
				tj.Source = t.Sources[0].URL
			}
		}
		if !t.NotPossible.IsZero() {
			np := t.NotPossible
			tj.NotPossible = &np
		}
		tj.Prerequisites = orEmpty(tj.Prerequisites)
		tj.Sources, tj.AppliesTo, tj.Blockers = orEmpty(tj.Sources), orEmpty(tj.AppliesTo), orEmpty(tj.Blockers)
		tj.Disagreements = orEmpty(tj.Disagreements)
		out.Tracks = append(out.Tracks, tj)
	}
	return out
}

func catalogShow(e *env, args []string) error {
	fs := newFlags("catalog show")
	asJSON := fs.Bool("json", false, "print JSON")
	lang := langFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("catalog show", pos, 1, "a platform ID"); err != nil {
		return err
	}
	if err := checkLang("catalog show", *lang); err != nil {
		return err
	}
	c, err := e.catalog()
	if err != nil {
		return err
	}
	p, ok := c.Platform(pos[0])
	if !ok {
		hint := ""
		if found := c.Search(pos[0]); len(found) > 0 {
			hint = fmt.Sprintf("; did you mean %s?", found[0].ID)
		}
		return fmt.Errorf("catalog show: no platform %q%s (see unbindctl catalog search)", pos[0], hint)
	}
	if *asJSON {
		return writeJSON(e.raw, toJSON(p))
	}
	printPlatform(e.stdout, c, p, *lang)
	return nil
}

func catalogMatch(e *env, args []string) error {
	if err := wantArgs("catalog match", args, 1, "HOST"); err != nil {
		return err
	}
	c, err := e.catalog()
	if err != nil {
		return err
	}
	p, ok := c.MatchHost(args[0])
	if !ok {
		return fmt.Errorf("catalog match: no platform for %q", args[0])
	}
	fmt.Fprintln(e.stdout, p.ID)
	return nil
}

func catalogValidate(e *env, args []string) error {
	if len(args) == 0 {
		return validateAll(e)
	}
	if err := wantArgs("catalog validate", args, 1, "FILE"); err != nil {
		return err
	}
	ps, errs := catalog.CheckFile(assets.Catalog, args[0])
	for _, err := range errs {
		fmt.Fprintln(e.stdout, err)
	}
	if len(errs) > 0 {
		return fmt.Errorf("catalog validate: %s: %d problem(s); %d platform(s) valid", args[0], len(errs), len(ps))
	}
	fmt.Fprintf(e.stdout, "ok: %s: %d platform(s)\n", args[0], len(ps))
	return nil
}

// validateAll checks the built-in catalog and the data folder's files
// together, as the app loads them.
func validateAll(e *env) error {
	dir, err := e.dir()
	if err != nil {
		return err
	}
	c, errs := opener.Catalog(dir)
	for _, err := range errs {
		fmt.Fprintln(e.stdout, err)
	}
	if len(errs) > 0 {
		return fmt.Errorf("catalog validate: %d problem(s); %d platform(s) valid", len(errs), c.Len())
	}
	_, total := catalog.Coverage(c)
	fmt.Fprintf(e.stdout, "ok: %d platform(s), %d track(s), %d unverified\n", c.Len(), total.Tracks, total.Tracks-total.Sourced)
	return nil
}

func catalogStats(e *env, args []string) error {
	fs := newFlags("catalog stats")
	md := fs.Bool("markdown", false, "print the Markdown table of assets/catalog/COVERAGE.md")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	c, err := e.catalog()
	if err != nil {
		return err
	}
	if *md {
		return catalog.WriteCoverage(e.stdout, c)
	}
	rows, total := catalog.Coverage(c)
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PLATFORM\tTRACKS\tSOURCED\tSOURCES\tCOOLING-OFF\tBLOCKERS\tDISAGREEMENTS\tOLDEST")
	for _, r := range append(rows, total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%d\t%s\n", r.ID, r.Tracks, r.Sourced, r.Sources,
			r.CoolingOff, r.Blockers, r.Disagreements, r.Oldest)
	}
	return tw.Flush()
}

func catalogImportJDM(e *env, args []string) error {
	fs := newFlags("catalog import-jdm")
	lang := langFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("catalog import-jdm", pos, 1, "FILE"); err != nil {
		return err
	}
	if err := checkLang("catalog import-jdm", *lang); err != nil {
		return err
	}
	l := *lang
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("catalog import-jdm: %w", err)
	}
	sites, errs := catalog.ImportJDM(f)
	f.Close()
	if len(sites) == 0 && len(errs) > 0 {
		return fmt.Errorf("catalog import-jdm: %s: %w", pos[0], errs[0])
	}
	dir, err := e.dir()
	if err != nil {
		return err
	}
	target := filepath.Join(catalog.UserDir(dir), jdmFile)
	c, err := e.catalog()
	if err != nil {
		return err
	}
	kept, notes := catalog.MergeImport(c, sites, target)
	var skipped []string
	for _, n := range notes {
		if n.Skipped {
			skipped = append(skipped, n.Site+": "+n.Reason.In(l))
		} else {
			fmt.Fprintf(e.stderr, "unbindctl: %s: %s\n", n.Site, n.Reason.In(l))
		}
	}
	for _, err := range errs {
		skipped = append(skipped, strings.TrimPrefix(err.Error(), "catalog: entry "))
	}
	if len(kept) > 0 {
		if err := catalog.WriteFile(target, kept); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, tr(l, "已添加 %d 个平台到 %s，跳过 %d 个\n", "added %d platforms to %s, skipped %d\n"), len(kept), target, len(skipped))
	for _, s := range skipped {
		fmt.Fprintf(e.stdout, "  %s %s\n", tr(l, "跳过", "skipped"), s)
	}
	return nil
}
