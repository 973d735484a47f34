package accounts

import "fmt"

// SecretField names one secret an account can keep in the OS keyring.
type SecretField string

// The secret fields. Their values are only ever in the keyring.
const (
	SecretPassword        SecretField = "password"
	SecretPaymentPassword SecretField = "payment_password"
	SecretSecurityAnswers SecretField = "security_answers"
	SecretRecoveryCodes   SecretField = "recovery_codes"
	SecretNote            SecretField = "secret_note"
)

// SecretFields lists every field in display order.
var SecretFields = []SecretField{
	SecretPassword, SecretPaymentPassword, SecretSecurityAnswers, SecretRecoveryCodes, SecretNote,
}

// ParseSecretField turns user input into a SecretField.
func ParseSecretField(text string) (SecretField, error) {
	f := SecretField(normaliseKey(text))
	for _, known := range SecretFields {
		if f == known {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown secret field %q (one of: %v): %w", text, SecretFields, ErrInvalid)
}
