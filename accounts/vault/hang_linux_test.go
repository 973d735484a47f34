package vault

import (
	"errors"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/unbindapp/unbind/accounts"
)

// silentService owns org.freedesktop.secrets and never answers, like a
// Secret Service stuck behind an unlock prompt nobody sees.
type silentService struct{ release chan struct{} }

// go-keyring asks to Unlock the login collection first, then opens a session.
func (s silentService) Unlock(objects []dbus.ObjectPath) ([]dbus.ObjectPath, dbus.ObjectPath, *dbus.Error) {
	<-s.release
	return nil, "/", nil
}

func (s silentService) OpenSession(alg string, in dbus.Variant) (dbus.Variant, dbus.ObjectPath, *dbus.Error) {
	<-s.release
	return dbus.MakeVariant(""), "/", nil
}

func TestRealHangingKeyringTimesOut(t *testing.T) {
	needKeyring(t, "hanging")
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	svc := silentService{release: make(chan struct{})}
	defer close(svc.release)
	if err := conn.Export(svc, "/org/freedesktop/secrets", "org.freedesktop.Secret.Service"); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName("org.freedesktop.secrets", dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("could not own org.freedesktop.secrets: %v %v", reply, err)
	}
	v := New(Options{Timeout: time.Second})
	start := time.Now()
	_, err = v.Get("acc", accounts.SecretPassword)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("want a timeout from a silent keyring, got %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("answered after %v, want about 1s", d)
	}
}
