package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

func init() {
	register(group{name: "secret", summary: "store, read and delete secrets in the OS keyring", run: runSecret})
}

const secretUsage = `usage:
  unbindctl secret set ID FIELD      (the value is read from standard input)
  unbindctl secret get ID FIELD
  unbindctl secret delete ID FIELD
fields: password, payment_password, security_answers, recovery_codes, secret_note`

func runSecret(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("%s", secretUsage)
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(e.stdout, secretUsage)
		return nil
	}
	cmd := args[0]
	pos, err := parseFlags(newFlags("secret "+cmd), args[1:])
	if err != nil {
		return err
	}
	if cmd != "set" && cmd != "get" && cmd != "delete" {
		return usagef("unknown secret command %q\n%s", cmd, secretUsage)
	}
	if err := wantArgs("secret "+cmd, pos, 2, "an account ID and a field"); err != nil {
		return err
	}
	field, err := accounts.ParseSecretField(pos[1])
	if err != nil {
		return usagef("%v", err)
	}
	svc, err := e.service()
	if err != nil {
		return err
	}
	switch cmd {
	case "set":
		value, err := readSecret(e.stdin)
		if err != nil {
			return err
		}
		return svc.SetSecret(e.ctx, pos[0], field, value)
	case "get":
		value, err := svc.Secret(e.ctx, pos[0], field)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.raw, value) // the person asked for the exact value
		return nil
	default:
		return svc.DeleteSecret(e.ctx, pos[0], field)
	}
}

// readSecret reads the whole of standard input (so multi-line recovery
// codes work) and drops one trailing newline, as echo and here-strings add.
func readSecret(r io.Reader) (string, error) {
	data, err := io.ReadAll(bufio.NewReader(io.LimitReader(r, 1<<20)))
	if err != nil {
		return "", fmt.Errorf("read the secret from standard input: %w", err)
	}
	s := strings.TrimSuffix(strings.TrimSuffix(string(data), "\n"), "\r")
	if s == "" {
		return "", usagef("secret set reads the value from standard input, and it was empty")
	}
	return s, nil
}
