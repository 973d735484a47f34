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
	p := stressProc{bin: stressBuildCLI(t)}
	seed := uint64(time.Now().UnixNano())
	rng := mathrand.New(mathrand.NewPCG(seed, 8))
	t.Logf("seed %d", seed)

	dir := stressDir(t, "data", "crash")
	dbPath := filepath.Join(dir, store.FileName)
	for i := range 10 {
		p.must(t, dir, "account", "add", "--platform", []string{"taobao", "jd", "pinduoduo"}[i%3],
			"--name", fmt.Sprintf("崩溃测试 %d", i), "--login", fmt.Sprintf("crash%d@example.com", i), "--phone", "13800138000")
	}
	st, err := stressReadDB(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(st.status))
	for id := range st.status {
		ids = append(ids, id)
	}
	if stressHaveKeyring() {
		for i, id := range ids[:3] {
			if r := p.run(dir, stressSecret(fmt.Sprintf("crash-setup-%d", i)), "secret", "set", id, "password"); r.code != 0 {
				t.Fatalf("secret set: %v", r)
			}
		}
	}

	imp := newStressImporter(t, p, dir)

	// How long each kind of write takes, to spread the kills over it.
	kinds := []string{"add", "status"}
	if stressHaveKeyring() {
		kinds = append(kinds, "secret")
	}
	seq := 0
	op := func(kind string, st *stressDB) (args []string, stdin string) {
		seq++
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
			st, err := stressReadDB(dbPath)
			if err != nil {
				t.Fatal(err)
			}
			args, stdin := op(k, st)
			r := p.run(dir, stdin, args...)
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
	var importsNone, importsAll, partial, broken, cliBroken int
	total := 0
	before, err := stressReadDB(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for attempt := 0; total < target && attempt < 4*target; attempt++ {
		var kind string
		var r stressResult
		var n int // accounts the operation adds when it completes
		if imp != nil && attempt%2 == 0 {
			kind = "import"
			r, n = imp.killed(t, rng)
		} else {
			kind = kinds[rng.IntN(len(kinds))]
			args, stdin := op(kind, before)
			window := took[kind] * 13 / 10
			r = p.runKilled(dir, stdin, time.Duration(rng.Int64N(int64(window)+1)), args...)
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
		}
		after, err := stressReadDB(dbPath)
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
		if c, err := p.listCount(dir); err != nil || c != after.accounts {
			cliBroken++
			t.Errorf("after a kill during %s the CLI lists %d accounts (%v), the file holds %d", kind, c, err, after.accounts)
		}
		before = after
	}
	// The CLI still writes afterwards.
	id := strings.TrimSpace(p.must(t, dir, "account", "add", "--platform", "taobao", "--name", "after the crashes"))
	p.must(t, dir, "account", "set-status", id, "preparing")
	final, err := stressReadDB(dbPath)
	if err != nil || final.check() != nil {
		t.Errorf("final check: %v %v", err, final.check())
		broken++
	}

	detail := fmt.Sprintf("%d kills (add %d, status %d, secret %d, import %d); %d ran to the end",
		total, landed["add"], landed["status"], landed["secret"], landed["import"],
		finished["add"]+finished["status"]+finished["secret"]+finished["import"])
	stressSummary(t, "crash: kill -9 during CLI writes", detail, fmt.Sprintf("%d kills", target), total >= target)
	stressSummary(t, "crash: integrity_check + history, each kill", fmt.Sprintf("%d bad of %d", broken, total+1), "0 bad", broken == 0)
	stressSummary(t, "crash: CLI works after each kill", fmt.Sprintf("%d failures", cliBroken), "0", cliBroken == 0)
	if imp == nil {
		stressSummary(t, "crash: imports all or nothing", "skipped: unbindctl has no import command yet", "-", true)
	} else {
		stressSummary(t, "crash: imports all or nothing",
			fmt.Sprintf("%d killed: %d nothing, %d all, %d partial", landed["import"], importsNone, importsAll, partial),
			"0 partial", partial == 0)
	}
}

// stressImporter runs big 'unbindctl import's into one data folder.
type stressImporter struct {
	via      string
	dir      string
	inputs   string // export files, which hold passwords by nature
	p        stressProc
	cliArgs  []string
	perEntry time.Duration // calibrated time per entry, start-up included
	n        int           // serial for distinct logins
}

func (ir *stressImporter) String() string {
	if ir == nil {
		return "none"
	}
	return fmt.Sprintf("%s, %v per 1000 entries", ir.via, ir.perEntry*1000)
}

func newStressImporter(t *testing.T, p stressProc, dir string) *stressImporter {
	t.Helper()
	if !p.hasCommand(t, "import") {
		t.Log("unbindctl has no import command: the import half of the crash test is skipped")
		return nil
	}
	ir := &stressImporter{dir: dir, p: p, inputs: stressDir(t, "inputs"), via: "unbindctl import", cliArgs: []string{"import"}}
	// Calibrate with one import that runs to the end.
	const m = 20000
	before, err := stressReadDB(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := ir.start(t, m, -1)
	if r.code != 0 {
		t.Fatalf("import of %d entries (%s): %v", m, ir.via, r)
	}
	after, err := stressReadDB(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if got := after.accounts - before.accounts; got != m {
		t.Fatalf("an import of %d distinct entries added %d accounts", m, got)
	}
	ir.perEntry = r.took / m
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
		"https://www.meituan.com/", "https://passport.vip.com/"}
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

// start imports m fresh entries, killing the process after delay (never
// when delay < 0), and removes the input file.
func (ir *stressImporter) start(t *testing.T, m int, delay time.Duration) (stressResult, string) {
	t.Helper()
	file := ir.csv(t, m)
	defer os.Remove(file)
	if delay < 0 {
		delay = time.Hour
	}
	return ir.p.runKilled(ir.dir, "", delay, append(ir.cliArgs, file)...), file
}

// killed runs one import of 20k–50k entries and kills it at a random
// moment between 20% and 110% of its expected run; it returns the result and the accounts the
// import adds when it completes.
func (ir *stressImporter) killed(t *testing.T, rng *mathrand.Rand) (stressResult, int) {
	m := 20000 + rng.IntN(30001)
	expected := ir.perEntry * time.Duration(m)
	// Most of the kills fall in the second half, where the transaction is.
	delay := expected/5 + time.Duration(rng.Int64N(int64(expected)*9/10+1))
	r, _ := ir.start(t, m, delay)
	return r, m
}
