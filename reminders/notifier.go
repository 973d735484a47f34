package reminders

// Notifier delivers a notification to the person. The GUI implements it
// with Fyne's SendNotification (an OS notification); tests use a fake.
// Notify must be safe to call from any goroutine.
type Notifier interface {
	Notify(title, body string) error
}

// NotifyFunc adapts a plain function to Notifier.
type NotifyFunc func(title, body string) error

// Notify calls f.
func (f NotifyFunc) Notify(title, body string) error { return f(title, body) }
