// Command unbindctl is Unbind's command-line interface: the same store,
// keyring and catalog as the desktop app, for scripts and terminals. It is
// built without cgo and never imports Fyne.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], newEnv()))
}
