package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/store/storetest"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/zalando/go-keyring"
)

var bg = context.Background()

func openStore(t testing.TB) *store.Store { return storetest.Open(t) }

func rows(t testing.TB, st *store.Store, table string) int { return storetest.Rows(t, st, table) }

// TestApplySamplesTwice imports the shopping proposals of every sample into
// a real store, then again: the second time changes nothing.
func TestApplySamplesTwice(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			st := openStore(t)
			res := readSample(t, name, FormatAuto)
			shopping, _ := Split(Propose(res.Entries, fakeCatalog))
			first, err := Apply(bg, st, shopping, ApplyOptions{Source: SourceName(res.Format, name)})
			if err != nil {
				t.Fatal(err)
			}
			if first.Added+first.AlreadyThere != len(shopping) || first.Merged != 0 {
				t.Errorf("first import of %d proposals: %+v", len(shopping), first)
			}
			stored, _ := st.Accounts(bg)
			for _, a := range stored {
				if a.PlatformID == accounts.CustomPlatform || a.Name == "" {
					t.Errorf("a shopping import stored %+v", a)
				}
				if accounts.IsPhoneLike(a.Login) && a.Phone != accounts.PhoneDigits(a.Login) {
					t.Errorf("phone login %q not filed as phone: %q", a.Login, a.Phone)
				}
			}
			events := rows(t, st, "events")
			again, err := Apply(bg, st, shopping, ApplyOptions{Source: "again"})
			if err != nil {
				t.Fatal(err)
			}
			if again.Added != 0 || again.Merged != 0 || rows(t, st, "accounts") != len(stored) || rows(t, st, "events") != events {
				t.Errorf("second import changed something: %+v", again)
			}
		})
	}
}

func TestApplyPasswordsToKeyring(t *testing.T) {
	keyring.MockInit()
	st := openStore(t)
	svc := accounts.NewService(st, vault.New(vault.Options{}))
	res := readSample(t, "chrome.csv", FormatChromeCSV)
	shopping, _ := Split(Propose(res.Entries, fakeCatalog))
	got, err := Apply(bg, st, shopping, ApplyOptions{Source: "chrome", Keyring: svc})
	if err != nil {
		t.Fatal(err)
	}
	pw := got.Passwords
	if !pw.Requested || pw.Offered != len(shopping) || pw.Stored != len(shopping) || pw.Err() != nil {
		t.Fatalf("passwords: %+v", pw)
	}
	for i, id := range got.IDs {
		v, err := svc.Secret(bg, id, accounts.SecretPassword)
		if err != nil || v != shopping[i].Password.Reveal() {
			t.Errorf("password of %s: err %v, match %v", shopping[i].Name, err, v == shopping[i].Password.Reveal())
		}
	}
	if s := fmt.Sprintf("%v %+v %#v", got, got, shopping); strings.Contains(s, shopping[0].Password.Reveal()) {
		t.Error("a password shows in printed results")
	}
	events := rows(t, st, "events")
	again, err := Apply(bg, st, shopping, ApplyOptions{Source: "chrome", Keyring: svc})
	if err != nil {
		t.Fatal(err)
	}
	if again.Passwords.Stored != 0 || again.Passwords.Kept != len(shopping) || rows(t, st, "events") != events {
		t.Errorf("second import must keep the stored passwords: %+v, events %d → %d", again.Passwords, events, rows(t, st, "events"))
	}
}

// failingKeyring stores ok passwords, then fails.
type failingKeyring struct {
	ok, calls int
	inner     Keyring
}

func (f *failingKeyring) SetSecret(ctx context.Context, id string, field accounts.SecretField, v string) error {
	f.calls++
	if f.calls > f.ok {
		return errors.New("keyring: the Secret Service is locked")
	}
	return f.inner.SetSecret(ctx, id, field, v)
}

func TestApplyKeyringFailureKeepsAccounts(t *testing.T) {
	keyring.MockInit()
	st := openStore(t)
	k := &failingKeyring{ok: 2, inner: accounts.NewService(st, vault.New(vault.Options{}))}
	res := readSample(t, "bitwarden.csv", FormatBitwardenCSV)
	shopping, _ := Split(Propose(res.Entries, fakeCatalog))
	got, err := Apply(bg, st, shopping, ApplyOptions{Source: "bw", Keyring: k})
	if err != nil {
		t.Fatal(err)
	}
	pw := got.Passwords
	if pw.Err() == nil || pw.Stored != 2 || pw.NotStored != len(shopping)-2 || k.calls != 3 || !strings.Contains(pw.Error, "locked") {
		t.Errorf("after a keyring failure: %+v, %d calls", pw, k.calls)
	}
	if rows(t, st, "accounts") != len(shopping) {
		t.Errorf("the accounts must stay imported: %d", rows(t, st, "accounts"))
	}
	// Importing again with a working keyring stores the rest only.
	k.ok = 100
	again, err := Apply(bg, st, shopping, ApplyOptions{Source: "bw", Keyring: k})
	if err != nil || again.Passwords.Stored != len(shopping)-2 || again.Passwords.Kept != 2 {
		t.Errorf("second run: %+v, %v", again.Passwords, err)
	}
}

func TestApplyIsAllOrNothing(t *testing.T) {
	st := openStore(t)
	props := []Proposal{
		{PlatformID: "taobao", Name: "ok", Login: "good_user"},
		{PlatformID: "jd", Name: "too long", Login: strings.Repeat("x", 400)},
	}
	if _, err := Apply(bg, st, props, ApplyOptions{}); !errors.Is(err, accounts.ErrInvalid) || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("want a validation error saying nothing was written, got %v", err)
	}
	if rows(t, st, "accounts") != 0 || rows(t, st, "events") != 0 {
		t.Error("a failed import wrote something")
	}
	if _, err := Apply(bg, st, nil, ApplyOptions{}); !errors.Is(err, ErrNothingChosen) {
		t.Errorf("empty choice: %v", err)
	}
}

func TestApplyWithoutLoginIsNotDuplicated(t *testing.T) {
	st := openStore(t)
	props := []Proposal{
		{PlatformID: "jd", Name: "passport.jd.com"},
		{Name: "WiFi 密码"},
		{Name: "GitHub", Login: "alice"},
	}
	first, err := Apply(bg, st, props, ApplyOptions{})
	if err != nil || first.Added != 3 {
		t.Fatalf("%+v %v", first, err)
	}
	ix := NewIndex(mustAccounts(t, st))
	for _, p := range props {
		if !ix.Has(p) {
			t.Errorf("index misses %v", p)
		}
	}
	if ix.Has(Proposal{Name: "Other", Login: "bob"}) {
		t.Error("index has an unknown proposal")
	}
	again, err := Apply(bg, st, props, ApplyOptions{})
	if err != nil || again.Added != 0 || again.AlreadyThere != 2 || again.Unchanged != 1 || rows(t, st, "accounts") != 3 {
		t.Errorf("again: %+v %v", again, err)
	}
}

func mustAccounts(t *testing.T, st *store.Store) []accounts.Account {
	t.Helper()
	all, err := st.Accounts(bg)
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// BenchmarkImportStore10k reads a 10,000-entry Chrome export, proposes and
// imports every entry into a new real store on disk.
func BenchmarkImportStore10k(b *testing.B) {
	var buf strings.Builder
	buf.WriteString("name,url,username,password,note\n")
	hosts := []string{"https://login.taobao.com/", "https://passport.jd.com/", "https://mobile.yangkeduo.com/", "https://www.tmall.com/"}
	for i := range 10_000 {
		fmt.Fprintf(&buf, "site%d,%s,user%d@example.com,Pw-%d,\"备注 %d, 一行\"\n", i, hosts[i%len(hosts)], i, i, i)
	}
	data := buf.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		b.StopTimer()
		st, err := store.OpenDir(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := Read(strings.NewReader(data), Options{})
		if err != nil {
			b.Fatal(err)
		}
		got, err := Apply(bg, st, Propose(res.Entries, fakeCatalog), ApplyOptions{Source: "bench", Now: time.Now()})
		if err != nil || got.Added != 10_000 {
			b.Fatal(err, got.Added)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}
