// Package vault keeps account secrets in the operating system's keyring
// (Secret Service on Linux, Keychain on macOS, Credential Manager on
// Windows) through go-keyring, under the service name "Unbind". Every call
// is bounded by a timeout, because a locked Secret Service can block
// forever; failures come back as *Error values that say what to do. There
// is no plaintext fallback: without a keyring, secrets cannot be stored.
package vault
