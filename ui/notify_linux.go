package ui

import (
	"context"
	"time"

	"github.com/godbus/dbus/v5"
)

// sendNative calls org.freedesktop.Notifications.Notify on the session
// bus with appName as the sender and icon as the icon name (the .deb
// installs it in the hicolor theme), bounded by a timeout.
func sendNative(appName, icon, title, body string) error {
	conn, err := dbus.SessionBus()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	obj := conn.Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
	return obj.CallWithContext(ctx, "org.freedesktop.Notifications.Notify", 0, appName, uint32(0), icon,
		title, body, []string{}, map[string]dbus.Variant{}, int32(-1)).Err
}
