package backup

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"filippo.io/age"
)

// Sentinels of encrypted backups.
var (
	// ErrEncrypted: the backup is encrypted and no passphrase was given.
	ErrEncrypted = errors.New("encrypted backup")
	// ErrPassphrase: the passphrase does not open the backup.
	ErrPassphrase = errors.New("wrong passphrase")
	// ErrWeakPassphrase: a passphrase too short to protect a file that travels.
	ErrWeakPassphrase = errors.New("passphrase too short")
)

// MinPassphraseLen is the shortest passphrase a backup accepts, in
// characters.
const MinPassphraseLen = 10

// ScryptWorkFactor is age's scrypt cost for new backups (2^18: about a second and 256 MiB
// on a laptop). Only tests lower it; reading accepts age's default maximum.
var ScryptWorkFactor = 18

// ageHeader starts every age file.
var ageHeader = []byte("age-encryption.org/v1\n")

// IsEncrypted reports whether data is an encrypted (age) backup.
func IsEncrypted(data []byte) bool { return bytes.HasPrefix(data, ageHeader) }

// CheckPassphrase says whether pass may protect a backup.
func CheckPassphrase(pass string) error {
	if utf8.RuneCountInString(pass) < MinPassphraseLen {
		return fmt.Errorf("backup: %w: use at least %d characters (a few words are easier to remember)", ErrWeakPassphrase, MinPassphraseLen)
	}
	return nil
}

// encryptBackup seals plain with an age scrypt recipient for pass:
// ChaCha20-Poly1305 under a key scrypt derives from the passphrase.
func encryptBackup(plain []byte, pass string) ([]byte, error) {
	if err := CheckPassphrase(pass); err != nil {
		return nil, err
	}
	r, err := age.NewScryptRecipient(pass)
	if err != nil {
		return nil, fmt.Errorf("backup: encrypt: %w", err)
	}
	r.SetWorkFactor(ScryptWorkFactor)
	var out bytes.Buffer
	w, err := age.Encrypt(&out, r)
	if err != nil {
		return nil, fmt.Errorf("backup: encrypt: %w", err)
	}
	if _, err := w.Write(plain); err != nil {
		return nil, fmt.Errorf("backup: encrypt: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("backup: encrypt: %w", err)
	}
	return out.Bytes(), nil
}

// decryptBackup opens an age backup with pass. A wrong passphrase (or a
// file sealed to something else) is ErrPassphrase; a damaged file
// ErrInvalid. At most MaxBytes of plain text are read.
func decryptBackup(data []byte, pass string) ([]byte, error) {
	if pass == "" {
		return nil, backupErr(ErrEncrypted, 0, "the backup is encrypted; give its passphrase")
	}
	id, err := age.NewScryptIdentity(pass)
	if err != nil {
		return nil, backupErr(ErrPassphrase, 0, "the passphrase cannot be used: %v", err)
	}
	r, err := age.Decrypt(bytes.NewReader(data), id)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			return nil, backupErr(ErrPassphrase, 0, "the passphrase does not open this backup; nothing was restored")
		}
		return nil, backupErr(ErrInvalid, 0, "the encrypted backup is damaged: %v", clip(err.Error()))
	}
	plain, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, backupErr(ErrInvalid, 0, "the encrypted backup is damaged or cut short: %v", clip(err.Error()))
	}
	if len(plain) > MaxBytes {
		return nil, tooLarge()
	}
	return plain, nil
}
