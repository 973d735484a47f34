package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// The keyring faults need their own D-Bus session, so .ci/stress.sh runs
// these tests under .ci/with-keyring.sh none and hanging.

// TestStressKeyringAbsent: no Secret Service on the bus at all.
func TestStressKeyringAbsent(t *testing.T) {
	stressMode(t)
	if os.Getenv("UNBIND_KEYRING") != "none" {
		t.Skip("needs .ci/with-keyring.sh none")
	}
	p := stressProc{bin: stressBuildCLI(t), env: []string{"UNBIND_KEYRING_TIMEOUT=2s"}}
	stressKeyringFault(t, p, "absent", 2*time.Second, "keyring unavailable", "start and unlock gnome-keyring")
}

// TestStressKeyringHanging: a Secret Service that never answers, and one
// that is locked and waits for a password prompt nobody answers. With
// UNBIND_KEYRING_TIMEOUT=2s the CLI must give up after about 2 s and say so.
func TestStressKeyringHanging(t *testing.T) {
	stressMode(t)
	if os.Getenv("UNBIND_KEYRING") != "hanging" {
		t.Skip("needs .ci/with-keyring.sh hanging")
	}
	p := stressProc{bin: stressBuildCLI(t), env: []string{"UNBIND_KEYRING_TIMEOUT=2s"}}
	want := []string{"keyring did not answer", "unlock it and try again"}

	release := make(chan struct{})
	stop := stressOwnSecrets(t, func(conn *dbus.Conn) error {
		return conn.Export(stressSilentSecrets{release}, "/org/freedesktop/secrets", "org.freedesktop.Secret.Service")
	})
	stressKeyringFault(t, p, "hanging (never answers)", 2*time.Second, want...)
	stop()
	close(release)

	stop = stressOwnSecrets(t, func(conn *dbus.Conn) error {
		if err := conn.Export(stressLockedSecrets{}, "/org/freedesktop/secrets", "org.freedesktop.Secret.Service"); err != nil {
			return err
		}
		if err := conn.Export(stressSilentPrompt{}, stressLockedPrompt, "org.freedesktop.Secret.Prompt"); err != nil {
			return err
		}
		return conn.Export(stressCloser{}, stressLockedSession, "org.freedesktop.Secret.Session")
	})
	defer stop()
	stressKeyringFault(t, p, "locked (unlock prompt unanswered)", 2*time.Second, want...)
}

// stressOwnSecrets connects to the session bus, lets export put the objects
// there and takes the name org.freedesktop.secrets; stop gives it back.
func stressOwnSecrets(t *testing.T, export func(*dbus.Conn) error) (stop func()) {
	t.Helper()
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	if err := export(conn); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName("org.freedesktop.secrets", dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("could not own org.freedesktop.secrets: %v %v", reply, err)
	}
	return func() {
		conn.ReleaseName("org.freedesktop.secrets")
		conn.Close()
	}
}

// stressSilentSecrets owns the name and never answers (go-keyring first asks to
// Unlock, or to OpenSession when storing).
type stressSilentSecrets struct{ release chan struct{} }

func (s stressSilentSecrets) Unlock(objects []dbus.ObjectPath) ([]dbus.ObjectPath, dbus.ObjectPath, *dbus.Error) {
	<-s.release
	return nil, "/", nil
}

func (s stressSilentSecrets) OpenSession(alg string, in dbus.Variant) (dbus.Variant, dbus.ObjectPath, *dbus.Error) {
	<-s.release
	return dbus.MakeVariant(""), "/", nil
}

const (
	stressLockedPrompt  = dbus.ObjectPath("/org/freedesktop/secrets/prompt/p1")
	stressLockedSession = dbus.ObjectPath("/org/freedesktop/secrets/session/s1")
)

// stressLockedSecrets answers at once, but its collection is locked: Unlock
// returns a prompt, and the prompt (the password dialog) never completes.
type stressLockedSecrets struct{}

func (stressLockedSecrets) OpenSession(alg string, in dbus.Variant) (dbus.Variant, dbus.ObjectPath, *dbus.Error) {
	return dbus.MakeVariant(""), stressLockedSession, nil
}

func (stressLockedSecrets) Unlock(objects []dbus.ObjectPath) ([]dbus.ObjectPath, dbus.ObjectPath, *dbus.Error) {
	return []dbus.ObjectPath{}, stressLockedPrompt, nil
}

type stressSilentPrompt struct{}

func (stressSilentPrompt) Prompt(windowID string) *dbus.Error { return nil }
func (stressSilentPrompt) Dismiss() *dbus.Error               { return nil }

type stressCloser struct{}

func (stressCloser) Close() *dbus.Error { return nil }

// stressKeyringFault checks that secret set/get and an import with passwords
// answer within timeout plus slack with one clear line, and lose nothing:
// the database is as before, and the imported accounts are there.
func stressKeyringFault(t *testing.T, p stressProc, what string, timeout time.Duration, want ...string) {
	t.Helper()
	dir := stressDir(t, "data", "keyring-"+strings.Fields(what)[0])
	id := strings.TrimSpace(p.must(t, dir, "account", "add", "--platform", "jd", "--name", "钥匙串", "--login", "kr@example.com"))
	dbPath := filepath.Join(dir, "unbind.db")
	before := stressFingerprint(t, dbPath)

	set := p.run(dir, stressSecret("keyring-"+what), "secret", "set", id, "password")
	msg, ok := stressFaultLine(t, set, want...)
	get := p.run(dir, "", "secret", "get", id, "password")
	_, okGet := stressFaultLine(t, get, want...)
	unchanged := stressFingerprint(t, dbPath) == before
	if !unchanged {
		t.Errorf("keyring %s: a failed secret call changed the database", what)
	}

	csv := filepath.Join(stressDir(t, "inputs"), "chrome.csv")
	rows := "name,url,username,password\n"
	for i := range 3 {
		rows += fmt.Sprintf("jd %d,https://passport.jd.com/,kr%d@example.com,%s\n", i, i, stressSecret(fmt.Sprintf("keyring-import-%d", i)))
	}
	if err := os.WriteFile(csv, []byte(rows), 0o600); err != nil {
		t.Fatal(err)
	}
	imp := p.run(dir, "", "import", csv, "--with-passwords")
	os.Remove(csv)
	_, okImp := stressFaultLine(t, imp, append([]string{"the accounts were imported", "passwords were stored"}, want...)...)
	n, err := p.listCount(dir)
	if err != nil || n != 4 {
		t.Errorf("keyring %s: after the import %d accounts (%v), want 4", what, n, err)
	}
	slowest := max(set.took, get.took, imp.took)
	limit := timeout + 1500*time.Millisecond
	if slowest > limit {
		t.Errorf("keyring %s: slowest answer after %v, want ≤ %v", what, slowest, limit)
	}
	if i := strings.Index(msg, want[0]); i > 0 {
		msg = msg[i:] // the line after "vault: store password of ID: "
	}
	stressSummary(t, "keyring "+strings.Fields(what)[0]+": secret set/get, import", fmt.Sprintf("%s; slowest %v", stressClip(msg, dir, id), slowest.Round(10*time.Millisecond)),
		fmt.Sprintf("≤ %v, 1 clear line, 0 lost", limit), ok && okGet && okImp && unchanged && n == 4 && slowest <= limit)
}
