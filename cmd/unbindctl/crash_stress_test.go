package main

import (
	"bufio"
	"fmt"
	mathrand "math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts/store"
)

// TestStressCrash kills the CLI with SIGKILL at random moments while it
// writes — adding accounts, changing status, storing secrets and importing
// big Chrome exports — and checks after every kill that the file passes
// PRAGMA integrity_check, that the history agrees with the accounts, that an
// import is all or nothing, and that the CLI still works.
func TestStressCrash(t *testing.T) {
	mode := stressMode(t)
	target := stressPick(mode, 12, 100)
	importEvery := stressPick(mode, 3, 2) // every n-th kill is an import
	p := stressProc{bin: stressBuildCLI(t)}
	seed := uint64(time.Now().UnixNano())
	rng := mathrand.New(mathrand.NewPCG(seed, 8))
	t.Logf("seed %d", seed)

	folder := newCrashFolder(t, p)
	imp := newStressImporter(t, p, folder.dir, mode)

	// How long each kind of write takes, to spread the kills over it.
	kinds := []string{"add", "status"}
	if stressHaveKeyring() {
		kinds = append(kinds, "secret")
	}
	seq := 0
	op := func(kind string, st *stressDB) (args []string, stdin string) {
		seq++
		ids := folder.ids
		switch kind {
		case "add":
			return []string{"account", "add", "--platform", "jd", "--name", fmt.Sprintf("kill-%d", seq),
				"--login", fmt.Sprintf("kill%d@example.com", seq), "--notes", strings.Repeat("备注", 50)}, ""
		case "secret":
			return []string{"secret", "set", ids[rng.IntN(len(ids))], "security_answers"}, stressSecret(fmt.Sprintf("crash-%d", seq))
		}
		for {
			id := ids[rng.IntN(len(ids))]
			if next := st.status[id].Next(); len(next) > 0 {
				to := next[rng.IntN(len(next))]
				return []string{"account", "set-status", id, string(to), "--track", "account_delete",
					"--evidence", fmt.Sprintf("T-%d", seq), "--note", "crash test"}, ""
			}
		}
	}
	took := map[string]time.Duration{}
	for _, k := range kinds {
		var ds []time.Duration
		for range 3 {
			st, err := stressReadDB(folder.db)
			if err != nil {
				t.Fatal(err)
			}
			args, stdin := op(k, st)
			r := p.run(folder.dir, stdin, args...)
			if r.code != 0 {
				t.Fatalf("%s: %v", k, r)
			}
			ds = append(ds, r.took)
		}
		took[k] = stressMedian(ds)
	}
	t.Logf("uninterrupted: %v; import: %v", took, imp)

	landed := map[string]int{}
	finished := map[string]int{}
	var importsNone, importsAll, midWrite, partial, broken, cliBroken, folders int
	total := 0
	folders = 1
	before, err := stressReadDB(folder.db)
	if err != nil {
		t.Fatal(err)
	}
	for attempt := 0; total < target && attempt < 4*target; attempt++ {
		if before.accounts > 120_000 { // keep each round quick: a new folder
			folder = newCrashFolder(t, p)
			folders++
			if imp != nil {
				imp.dir = folder.dir
			}
			if before, err = stressReadDB(folder.db); err != nil {
				t.Fatal(err)
			}
		}
		var kind string
		var r stressResult
		var n int // accounts the operation adds when it completes
		if imp != nil && attempt%importEvery == 0 {
			kind = "import"
			r, n = imp.killed(t, rng)
		} else {
			kind = kinds[rng.IntN(len(kinds))]
			args, stdin := op(kind, before)
			window := took[kind] * 13 / 10
			r = p.runKilled(folder.dir, stdin, time.Duration(rng.Int64N(int64(window)+1)), args...)
			if kind == "add" {
				n = 1
			}
		}
		if r.code > 0 {
			t.Errorf("%s ended with %v", kind, r)
		}
		if r.code == 0 {
			finished[kind]++
		} else {
			landed[kind]++
			total++
			if fi, err := os.Stat(folder.db + "-wal"); kind == "import" && err == nil && fi.Size() > 0 {
				midWrite++
			}
		}
		after, err := stressReadDB(folder.db)
		if err != nil {
			t.Fatalf("after a kill during %s: cannot read the database: %v", kind, err)
		}
		if err := after.check(); err != nil {
			broken++
			t.Errorf("after a kill during %s (%v): %v", kind, r, err)
		}
		switch after.accounts {
		case before.accounts:
			if kind == "import" && r.code != 0 {
				importsNone++
			}
		case before.accounts + n:
			if kind == "import" && r.code != 0 {
				importsAll++
			}
		default:
			partial++
			t.Errorf("after a kill during %s: %d accounts, want %d or %d", kind, after.accounts, before.accounts, before.accounts+n)
		}
		if kind == "import" && r.code == 0 && after.accounts != before.accounts+n {
			t.Errorf("a finished import added %d accounts, want %d", after.accounts-before.accounts, n)
		}
		if c, err := p.listCount(folder.dir); err != nil || c != after.accounts {
			cliBroken++
			t.Errorf("after a kill during %s the CLI lists %d accounts (%v), the file holds %d", kind, c, err, after.accounts)
		}
		before = after
		if (attempt+1)%10 == 0 {
			t.Logf("%d attempts, %d kills, %d accounts, import estimate %v", attempt+1, total, after.accounts, imp)
		}
	}
	// The CLI still writes afterwards.
	id := strings.TrimSpace(p.must(t, folder.dir, "account", "add", "--platform", "taobao", "--name", "after the crashes"))
	p.must(t, folder.dir, "account", "set-status", id, "preparing")
	final, err := stressReadDB(folder.db)
	if err != nil || final.check() != nil {
		t.Errorf("final check: %v %v", err, final.check())
		broken++
	}

	detail := fmt.Sprintf("%d kills (add %d, status %d, secret %d, import %d); %d ran to the end",
		total, landed["add"], landed["status"], landed["secret"], landed["import"],
		finished["add"]+finished["status"]+finished["secret"]+finished["import"])
	stressSummary(t, "crash: kill -9 during CLI writes", detail, fmt.Sprintf("%d kills", target), total >= target)
	stressSummary(t, "crash: integrity_check + history, each kill", fmt.Sprintf("%d bad of %d checks (%d folders)", broken, total+1, folders), "0 bad", broken == 0)
	stressSummary(t, "crash: CLI works after each kill", fmt.Sprintf("%d failures", cliBroken), "0", cliBroken == 0)
	if imp == nil {
		stressSummary(t, "crash: imports all or nothing", "skipped: unbindctl has no import command yet", "-", true)
	} else {
		stressSummary(t, "crash: imports all or nothing",
			fmt.Sprintf("%d killed (%d mid-write): %d nothing, %d all, %d partial; %d done", landed["import"], midWrite,
				importsNone, importsAll, partial, finished["import"]),
			"0 partial", partial == 0)
	}
}

// crashFolder is a data folder of the crash test: ten accounts, three
// with a password in the keyring.
type crashFolder struct {
	dir, db string
	ids     []string
}

func newCrashFolder(t *testing.T, p stressProc) crashFolder {
	t.Helper()
	f := crashFolder{dir: stressDir(t, "data", "crash")}
	f.db = filepath.Join(f.dir, store.FileName)
	for i := range 10 {
		// Custom-platform accounts: catalog blockers would refuse the
		// random status changes, and the test is about kills, not the catalog.
		f.ids = append(f.ids, strings.TrimSpace(p.must(t, f.dir, "account", "add", "--platform", "custom",
			"--name", fmt.Sprintf("崩溃测试 %d", i), "--login", fmt.Sprintf("crash%d@example.com", i), "--phone", "13800138000")))
	}
	if stressHaveKeyring() {
		for i, id := range f.ids[:3] {
			if r := p.run(f.dir, stressSecret(fmt.Sprintf("crash-setup-%d", i)), "secret", "set", id, "password"); r.code != 0 {
				t.Fatalf("secret set: %v", r)
			}
		}
	}
	return f
}

// stressImporter runs big 'unbindctl import's into one data folder.
type stressImporter struct {
	dir      string
	inputs   string // export files, which hold passwords by nature
	p        stressProc
	mode     string
	perEntry time.Duration // time per entry of the last finished import
	maxWAL   int64         // the largest -wal file seen during a finished import
	n        int           // serial for distinct logins
}

func (ir *stressImporter) String() string {
	if ir == nil {
		return "none"
	}
	return fmt.Sprintf("%v per 1000 entries, WAL up to %d KiB", ir.perEntry*1000, ir.maxWAL>>10)
}

func newStressImporter(t *testing.T, p stressProc, dir, mode string) *stressImporter {
	t.Helper()
	if !p.hasCommand(t, "import") {
		t.Log("unbindctl has no import command: the import half of the crash test is skipped")
		return nil
	}
	ir := &stressImporter{dir: dir, p: p, inputs: stressDir(t, "inputs"), mode: mode}
	// Calibrate with one import that runs to the end.
	const m = 20000
	before, err := stressReadDB(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	r := ir.run(t, m, func(time.Duration, int64) bool { return false })
	if r.code != 0 {
		t.Fatalf("import of %d entries: %v", m, r)
	}
	after, err := stressReadDB(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if got := after.accounts - before.accounts; got != m {
		t.Fatalf("an import of %d distinct entries added %d accounts", m, got)
	}
	if ir.maxWAL == 0 {
		t.Fatal("the import never wrote to the -wal file")
	}
	return ir
}

// csv writes a Chrome export of m distinct logins on catalog platforms.
func (ir *stressImporter) csv(t *testing.T, m int) string {
	t.Helper()
	ir.n++
	path := filepath.Join(ir.inputs, fmt.Sprintf("chrome-%d.csv", ir.n))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("name,url,username,password,note\r\n")
	hosts := []string{"https://login.taobao.com/", "https://passport.jd.com/new/login.aspx", "https://mobile.yangkeduo.com/",
		"https://www.meituan.com/", "https://passport.dangdang.com/"}
	for i := range m {
		fmt.Fprintf(w, "site %d-%d,%s,imp%d-%d@example.com,%s,\"备注 %d, 含逗号\"\r\n",
			ir.n, i, hosts[i%len(hosts)], ir.n, i, stressSecret(fmt.Sprintf("import-%d-%d", ir.n, i)), i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// run imports m fresh entries and kills the process as soon as kill says
// so (asked every 2 ms with the time since the start and the size of the
// -wal file); it removes the input file and learns from a finished import.
func (ir *stressImporter) run(t *testing.T, m int, kill func(time.Duration, int64) bool) stressResult {
	t.Helper()
	file := ir.csv(t, m)
	defer os.Remove(file)
	wal := filepath.Join(ir.dir, store.FileName+"-wal")
	var peak int64
	cmd, _, _ := ir.p.command(ir.dir, "", "import", file)
	r := stressRunUntil(cmd, func(elapsed time.Duration) bool {
		var size int64
		if fi, err := os.Stat(wal); err == nil {
			size = fi.Size()
		}
		peak = max(peak, size)
		return kill(elapsed, size)
	})
	if r.code == 0 {
		ir.perEntry = r.took / time.Duration(m)
		ir.maxWAL = max(ir.maxWAL, peak)
	}
	return r
}

// killed runs one import of 20k–50k entries (20k in short mode) and kills
// it: half of the time at a random moment between 20% and 140% of its
// expected run (so some finish, or die just after their commit), half of
// the time when the -wal file has grown to a random part of what a whole
// import writes, that is inside the transaction. It returns the result and
// the accounts the import adds when it completes.
func (ir *stressImporter) killed(t *testing.T, rng *mathrand.Rand) (stressResult, int) {
	m := 20000
	if ir.mode == "full" {
		m += rng.IntN(30001)
	}
	if rng.IntN(2) == 0 {
		expected := ir.perEntry * time.Duration(m)
		at := expected/5 + time.Duration(rng.Int64N(int64(expected)*6/5+1))
		return ir.run(t, m, func(elapsed time.Duration, _ int64) bool { return elapsed >= at }), m
	}
	threshold := 1 + rng.Int64N(ir.maxWAL*int64(m)/20000)
	return ir.run(t, m, func(_ time.Duration, wal int64) bool { return wal >= threshold }), m
}
