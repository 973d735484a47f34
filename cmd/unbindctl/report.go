package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"

	"github.com/unbindapp/unbind/accounts/report"
)

func init() {
	register(group{name: "report", summary: "write the audit report (HTML, PDF, CSV, JSON) or verify one", run: runReport})
}

const reportUsage = `usage:
  unbindctl report --format html|pdf|csv|json -o FILE [--since DATE] [--until DATE] [--lang zh|en] [--unmasked] [--force]
  unbindctl report -o FILE.pdf -o FILE.json …   (format from each extension; one report, same data)
  unbindctl report verify FILE      (a CSV report's digest is in FILE.sha256 beside it)
DATE is YYYY-MM-DD; --until includes that day. Identifiers are masked and notes left out unless
--unmasked. Files are written atomically with mode 0600; an existing file is kept unless --force.`

// version is Unbind's version; release builds set it with
// -ldflags "-X main.version=1.2.3".
var version = ""

func appVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// outputs collects repeated -o flags.
type outputs []string

func (o *outputs) String() string { return strings.Join(*o, ",") }

func (o *outputs) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("empty file name")
	}
	*o = append(*o, s)
	return nil
}

func runReport(e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "verify":
			return reportVerify(e, args[1:])
		case "-h", "--help", "help":
			fmt.Fprintln(e.stdout, reportUsage)
			return nil
		}
	}
	fs := newFlags("report")
	var outs outputs
	fs.Var(&outs, "o", "output file (repeatable)")
	format := fs.String("format", "", "html, pdf, csv or json (default: from the file extension)")
	since := fs.String("since", "", "start of the timeline, YYYY-MM-DD")
	until := fs.String("until", "", "end of the timeline, YYYY-MM-DD (included)")
	lang := langFlag(fs)
	unmasked := fs.Bool("unmasked", false, "show logins, phones, e-mails and notes in full")
	force := fs.Bool("force", false, "overwrite an existing -o file")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("report", pos, 0, "only flags (see unbindctl report -h)"); err != nil {
		return err
	}
	files, err := reportTargets(outs, *format)
	if err != nil {
		return err
	}
	if !*force {
		for _, t := range files {
			if _, err := os.Lstat(t.path); err == nil {
				return fmt.Errorf("report: %s exists; add --force to overwrite it, or choose another file", t.path)
			}
		}
	}
	opts := report.Options{Lang: *lang, Unmasked: *unmasked, AppVersion: appVersion(), Location: time.Local}
	if opts.Lang != "zh" && opts.Lang != "en" {
		return usagef("report: --lang %q: want zh or en", opts.Lang)
	}
	if opts.Since, err = reportDate("since", *since, 0); err != nil {
		return err
	}
	if opts.Until, err = reportDate("until", *until, 1); err != nil {
		return err
	}
	if !opts.Since.IsZero() && !opts.Until.IsZero() && !opts.Since.Before(opts.Until) {
		return usagef("report: --since %s is after --until %s", *since, *until)
	}
	r, err := buildReport(e, opts)
	if err != nil {
		return err
	}
	for _, t := range files {
		if err := report.WriteFile(t.path, r, t.format); err != nil {
			return err
		}
		sum, err := writtenDigest(t, r)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\t%s\tsha256 %s\n", t.format, t.path, sum)
	}
	return nil
}

type reportTarget struct {
	path   string
	format report.Format
}

// reportTargets checks the -o files and picks each one's format, before
// any work is done, so a typo costs one clear line.
func reportTargets(outs []string, format string) ([]reportTarget, error) {
	if len(outs) == 0 {
		return nil, usagef("report needs -o FILE (see unbindctl report -h)")
	}
	if format != "" && len(outs) > 1 {
		return nil, usagef("report: --format applies to one -o; to write several files, let their extensions (.html, .pdf, .csv, .json) say the format")
	}
	var out []reportTarget
	for _, p := range outs {
		t := reportTarget{path: p}
		if format != "" {
			f, err := report.ParseFormat(format)
			if err != nil {
				return nil, usagef("report: --format %q: want html, pdf, csv or json", format)
			}
			t.format = f
		} else if f, ok := report.FormatOf(p); ok {
			t.format = f
		} else {
			return nil, usagef("report: cannot tell the format of %s: add --format html|pdf|csv|json or use one of those extensions", p)
		}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return nil, usagef("report: -o %s is a folder; give a file name", p)
		}
		dir := filepath.Dir(p)
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, usagef("report: cannot write %s: folder %s does not exist", p, dir)
		}
		out = append(out, t)
	}
	return out, nil
}

// reportDate parses a YYYY-MM-DD date as local midnight, plus addDays.
func reportDate(name, s string, addDays int) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.ParseInLocation(time.DateOnly, s, time.Local)
	if err != nil {
		return time.Time{}, usagef("report: --%s %q: want a date like 2026-05-01", name, s)
	}
	if err := accounts.CheckDate(name, d); err != nil {
		return time.Time{}, usagef("report: --%s: %v", name, err)
	}
	return d.AddDate(0, 0, addDays), nil
}

// buildReport gathers everything from the store, the catalog and the
// holiday calendar. It opens no keyring.
func buildReport(e *env, opts report.Options) (*report.Report, error) {
	st, err := e.store()
	if err != nil {
		return nil, err
	}
	if opts.BackupInterval, err = report.BackupInterval(e.ctx, st); err != nil {
		fmt.Fprintln(e.stderr, "unbindctl: warning: "+err.Error()+"; using 90 days")
	}
	in, err := report.FromStore(e.ctx, st, opts)
	if err != nil {
		return nil, err
	}
	cat, err := e.catalog()
	if err != nil {
		return nil, err
	}
	in.Platforms = report.FromCatalog(cat)
	if cal, err := e.loadCalendar(); err != nil {
		fmt.Fprintln(e.stderr, "unbindctl: warning: holiday calendar: "+err.Error()+"; review deadlines ignore holidays")
	} else {
		in.Calendar = cal
	}
	return report.Build(e.ctx, in, opts)
}

// writtenDigest is the digest the written file states: read back and
// checked for HTML, CSV and JSON; the report data's for PDF.
func writtenDigest(t reportTarget, r *report.Report) (string, error) {
	if t.format == report.PDF {
		return report.BodyDigest(r)
	}
	v, err := report.VerifyFile(t.path)
	if err != nil {
		return "", fmt.Errorf("check %s: %w", t.path, err)
	}
	return v.Stated, nil
}

func reportVerify(e *env, args []string) error {
	pos, err := parseFlags(newFlags("report verify"), args)
	if err != nil {
		return err
	}
	if err := wantArgs("report verify", pos, 1, "a report file"); err != nil {
		return err
	}
	v, err := report.VerifyFile(pos[0])
	if err != nil {
		return fmt.Errorf("report verify %s: %w", pos[0], err)
	}
	fmt.Fprintf(e.stdout, "OK\t%s\t%s\tsha256 %s\n", v.Format, pos[0], v.Stated)
	fmt.Fprintln(e.stdout, "The file is unchanged, byte for byte, since it was written. The digest does not prove who wrote it.")
	return nil
}

var _ flag.Value = (*outputs)(nil)
