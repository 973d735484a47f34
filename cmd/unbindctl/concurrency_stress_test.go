package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

// stressStatusCycle is a round of legal transitions that comes back to active,
// through a rejection and a resubmission.
var stressStatusCycle = []accounts.Status{
	accounts.StatusPreparing, accounts.StatusSubmitted, accounts.StatusRejected, accounts.StatusSubmitted,
	accounts.StatusUnderReview, accounts.StatusDeactivated, accounts.StatusActive,
}

// stressActor is one writer of the concurrency test and what it saw succeed.
type stressActor struct {
	name string
	own  []string // accounts only this actor moves through statusCycle
	pos  []int    // where each own account is in statusCycle
	ok   map[accounts.EventKind]int
	mu   sync.Mutex
	errs []string
	ops  int
}

func newStressActor(name string) *stressActor {
	return &stressActor{name: name, ok: map[accounts.EventKind]int{}}
}

func (a *stressActor) fail(format string, args ...any) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.errs = append(a.errs, fmt.Sprintf(format, args...))
}

// nextStatus is the status the actor's own account i moves to next.
func (a *stressActor) nextStatus(i int) accounts.Status {
	return stressStatusCycle[a.pos[i]%len(stressStatusCycle)]
}

// believed is the status the actor last moved its own account i to.
func (a *stressActor) believed(i int) accounts.Status {
	if a.pos[i] == 0 {
		return accounts.StatusActive
	}
	return stressStatusCycle[(a.pos[i]-1)%len(stressStatusCycle)]
}

// TestStressConcurrency runs the store in this process, as the GUI uses it,
// and two CLI processes (each a loop of unbindctl calls) changing accounts
// at the same time: statuses through legal transitions, evidence, ticked
// steps, new accounts and secrets. At the end every success each writer
// counted is in the history exactly once, versions agree with the history,
// and nothing failed.
func TestStressConcurrency(t *testing.T) {
	mode := stressMode(t)
	dur := stressPick(mode, 10*time.Second, 60*time.Second)
	p := stressProc{bin: stressBuildCLI(t)}
	dir := stressDir(t, "data", "concurrency")
	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := accounts.NewService(st, nil)
	ctx := context.Background()

	// Custom-platform accounts: the catalog's blockers (Taobao's "no open
	// trade", say) would refuse submissions the loops make, and this test
	// is about writers racing, not about the catalog.
	add := func(name string) string {
		a, err := svc.Add(ctx, accounts.Account{PlatformID: accounts.CustomPlatform, Name: name, Login: name + "@example.com"})
		if err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	gui, cliA, cliB := newStressActor("gui"), newStressActor("cliA"), newStressActor("cliB")
	actors := []*stressActor{gui, cliA, cliB}
	for _, a := range actors {
		for i := range 4 {
			a.own = append(a.own, add(fmt.Sprintf("%s-own-%d", a.name, i)))
			a.pos = append(a.pos, 0)
		}
	}
	var shared []string
	for i := range 6 {
		id := add(fmt.Sprintf("shared-%d", i))
		if _, err := svc.ChangeStatus(ctx, id, accounts.StatusKept, accounts.StatusChange{Note: "setup"}); err != nil {
			t.Fatal(err)
		}
		shared = append(shared, id)
	}
	setupCreated := len(actors)*4 + len(shared)

	deadline := time.Now().Add(dur)
	var wg sync.WaitGroup

	// The GUI: one goroutine writing as the views do, one reloading the list.
	wg.Add(2)
	go func() {
		defer wg.Done()
		var ticked []struct{ id, key string }
		for n := 0; time.Now().Before(deadline); n++ {
			gui.ops++
			switch n % 4 {
			case 0:
				i := (n / 4) % len(gui.own)
				to := gui.nextStatus(i)
				if _, err := svc.ChangeStatus(ctx, gui.own[i], to, accounts.StatusChange{Track: accounts.TrackAccountDelete, Note: "gui"}); err != nil {
					gui.fail("status %s→%s: %v", gui.believed(i), to, err)
					continue
				}
				gui.pos[i]++
				gui.ok[accounts.EventStatus]++
			case 1:
				id := shared[n%len(shared)]
				if err := svc.SetEvidence(ctx, id, accounts.TrackAccountDelete, fmt.Sprintf("gui-%d", n), "gui"); err != nil {
					gui.fail("evidence: %v", err)
					continue
				}
				gui.ok[accounts.EventEvidence]++
			case 2:
				id, key := shared[n%len(shared)], fmt.Sprintf("prereq:gui-%d", n)
				if _, err := svc.TickStep(ctx, id, accounts.TrackAccountDelete, key, true); err != nil {
					gui.fail("tick: %v", err)
					continue
				}
				ticked = append(ticked, struct{ id, key string }{id, key})
				gui.ok[accounts.EventStep]++
			case 3:
				if len(ticked) < 5 {
					continue
				}
				s := ticked[0]
				if _, err := svc.TickStep(ctx, s.id, accounts.TrackAccountDelete, s.key, false); err != nil {
					gui.fail("untick: %v", err)
					continue
				}
				ticked = ticked[1:]
				gui.ok[accounts.EventUnstep]++
			}
		}
	}()
	var reloads int
	go func() {
		defer wg.Done()
		for time.Now().Before(deadline) {
			if _, err := svc.List(ctx); err != nil {
				gui.fail("reload: %v", err)
			}
			reloads++
			time.Sleep(100 * time.Millisecond)
		}
	}()

	// Two CLI processes at a time, each a loop of unbindctl calls.
	cliLoop := func(a *stressActor) {
		defer wg.Done()
		for n := 0; time.Now().Before(deadline); n++ {
			a.ops++
			switch {
			case n%7 == 3:
				r := p.run(dir, "", "account", "add", "--platform", "jd", "--name", fmt.Sprintf("%s-new-%d", a.name, n))
				if r.code != 0 {
					a.fail("add: %v", r)
					continue
				}
				a.ok[accounts.EventCreated]++
			case n%5 == 1 && stressHaveKeyring():
				id := shared[n%len(shared)]
				r := p.run(dir, stressSecret(fmt.Sprintf("conc-%s-%d", a.name, n)), "secret", "set", id, "password")
				if r.code != 0 {
					a.fail("secret set: %v", r)
					continue
				}
				a.ok[accounts.EventSecretSet]++
			default:
				i := n % len(a.own)
				to := a.nextStatus(i)
				r := p.run(dir, "", "account", "set-status", a.own[i], string(to), "--track", "account_delete",
					"--note", a.name, "--evidence", fmt.Sprintf("%s-%d", a.name, n))
				if r.code != 0 {
					a.fail("status %s→%s: %v", a.believed(i), to, r)
					continue
				}
				a.pos[i]++
				a.ok[accounts.EventStatus]++
			}
		}
	}
	wg.Add(2)
	go cliLoop(cliA)
	go cliLoop(cliB)
	wg.Wait()

	state, err := stressReadDB(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	var lost []string
	expect := func(what string, got, want int) {
		if got != want {
			lost = append(lost, fmt.Sprintf("%s: %d in the history, %d reported", what, got, want))
		}
	}
	for _, a := range actors {
		expect(a.name+" status changes", state.eventsByNote[string(accounts.EventStatus)+"\x00"+a.name], a.ok[accounts.EventStatus])
		for i, id := range a.own {
			if state.status[id] != a.believed(i) {
				lost = append(lost, fmt.Sprintf("%s's account %s is %s, it set %s", a.name, id, state.status[id], a.believed(i)))
			}
		}
	}
	expect("gui evidence", state.eventsByNote[string(accounts.EventEvidence)+"\x00gui"], gui.ok[accounts.EventEvidence])
	expect("gui ticks", state.events[accounts.EventStep], gui.ok[accounts.EventStep])
	expect("gui unticks", state.events[accounts.EventUnstep], gui.ok[accounts.EventUnstep])
	expect("accounts created", state.events[accounts.EventCreated], setupCreated+cliA.ok[accounts.EventCreated]+cliB.ok[accounts.EventCreated])
	expect("accounts", state.accounts, setupCreated+cliA.ok[accounts.EventCreated]+cliB.ok[accounts.EventCreated])
	expect("secrets stored", state.events[accounts.EventSecretSet], cliA.ok[accounts.EventSecretSet]+cliB.ok[accounts.EventSecretSet])
	var steps int
	db := st.DB()
	if err := db.QueryRow("SELECT count(*) FROM track_steps").Scan(&steps); err != nil && err != sql.ErrNoRows {
		t.Fatal(err)
	}
	expect("ticked steps", steps, gui.ok[accounts.EventStep]-gui.ok[accounts.EventUnstep])
	if err := state.check(); err != nil {
		lost = append(lost, err.Error())
	}

	var nerr int
	var okTotal []string
	for _, a := range actors {
		nerr += len(a.errs)
		for i, e := range a.errs {
			if i < 5 {
				t.Errorf("%s: %s", a.name, e)
			}
		}
		var n int
		for _, c := range a.ok {
			n += c
		}
		okTotal = append(okTotal, fmt.Sprintf("%s %d", a.name, n))
	}
	for _, l := range lost {
		t.Error(l)
	}
	figure := fmt.Sprintf("%v: %s ok (%.0f CLI calls/s); %d reloads", dur, strings.Join(okTotal, ", "),
		float64(cliA.ops+cliB.ops)/dur.Seconds(), reloads)
	stressSummary(t, "concurrency: GUI store + 2 CLI loops", figure, "runs", gui.ops > 0 && cliA.ops > 0 && cliB.ops > 0)
	stressSummary(t, "concurrency: errors", fmt.Sprintf("%d", nerr), "0", nerr == 0)
	stressSummary(t, "concurrency: lost updates", fmt.Sprintf("%d", len(lost)), "0", len(lost) == 0)
}
