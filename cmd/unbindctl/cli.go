package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes: 0 ok, 1 failure, 2 usage.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks a mistake in the command line; it exits with 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// helpRequest is -h or --help on a command: its usage goes to standard
// output and the exit status is 0, the same for every command.
type helpRequest struct{ text string }

func (h *helpRequest) Error() string { return "help requested" }

// helpFor is the usage of one command: its name and its flags.
func helpFor(fs *flag.FlagSet) *helpRequest {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: unbindctl %s [flags] [arguments]\n", fs.Name())
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		b.WriteString("flags:\n")
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	group, _, _ := strings.Cut(fs.Name(), " ")
	fmt.Fprintf(&b, "Run 'unbindctl %s -h' for all of its commands.\n", group)
	return &helpRequest{b.String()}
}

// group is one command group ("account", "secret", …). Each lives in its
// own file and registers itself in init.
type group struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

var groups = map[string]group{}

func register(g group) { groups[g.name] = g }

// run parses the global flags, dispatches to a group and turns its error
// into one line on stderr and an exit code.
func run(args []string, e *env) int {
	defer e.close()
	// Human-readable output is made safe for a terminal; JSON, secrets and
	// calendars keep e.raw, exact.
	e.raw = e.stdout
	out, errOut := &termSafe{w: e.stdout}, &termSafe{w: e.stderr}
	e.stdout, e.stderr = out, errOut
	defer out.Flush()
	defer errOut.Flush()
	fs := flag.NewFlagSet("unbindctl", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.dataDir, "data-dir", e.dataDir, "data folder (default: $UNBIND_DATA_DIR or the user config folder)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(e.stdout)
			return exitOK
		}
		return e.fail(usagef("%v", err))
	}
	rest := fs.Args()
	if len(rest) == 0 {
		printUsage(e.stderr)
		return exitUsage
	}
	if rest[0] == "help" {
		printUsage(e.stdout)
		return exitOK
	}
	g, ok := groups[rest[0]]
	if !ok {
		return e.fail(usagef("unknown command %q; run 'unbindctl help'", rest[0]))
	}
	if err := g.run(e, rest[1:]); err != nil {
		var h *helpRequest
		if errors.As(err, &h) {
			fmt.Fprint(e.stdout, h.text)
			return exitOK
		}
		return e.fail(err)
	}
	return exitOK
}

// fail prints err as one line and returns its exit code.
func (e *env) fail(err error) int {
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	fmt.Fprintln(e.stderr, "unbindctl: "+msg)
	var u *usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	return exitFailure
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: unbindctl [--data-dir DIR] COMMAND [ARGS]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(groups))
	for n := range groups {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, groups[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'unbindctl COMMAND -h' for a command's own help.")
}

// newFlags returns a flag set for a sub-command that reports errors as
// usage errors instead of printing them.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args with fs, allowing flags after positional
// arguments ("show ID --json"), and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpFor(fs)
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// wantArgs checks the number of positional arguments.
func wantArgs(cmd string, got []string, n int, names string) error {
	if len(got) != n {
		return usagef("%s wants %s", cmd, names)
	}
	return nil
}

var _ = os.Stdin
