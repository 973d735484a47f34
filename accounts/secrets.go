package accounts

import (
	"context"
	"errors"
	"fmt"
)

// SetSecret stores value in the keyring and records that the field is set.
func (s *Service) SetSecret(ctx context.Context, id string, field SecretField, value string) error {
	if s.secrets == nil {
		return fmt.Errorf("store %s: %w", field, ErrNoKeyring)
	}
	if value == "" {
		return fmt.Errorf("store %s: %w", field, &ValidationError{string(field), "is empty"})
	}
	if _, err := s.repo.Account(ctx, id); err != nil {
		return fmt.Errorf("store %s of %s: %w", field, id, err)
	}
	// Keyring errors already name the operation and the account.
	if err := s.secrets.Set(id, field, value); err != nil {
		return err
	}
	if err := s.repo.MarkSecret(ctx, id, field, true, s.now()); err != nil {
		return fmt.Errorf("store %s of %s: %w", field, id, err)
	}
	return nil
}

// Secret reads a field's value from the keyring.
func (s *Service) Secret(ctx context.Context, id string, field SecretField) (string, error) {
	if s.secrets == nil {
		return "", fmt.Errorf("read %s: %w", field, ErrNoKeyring)
	}
	// Only accounts of this data folder: an ID from elsewhere reads nothing.
	if _, err := s.repo.Account(ctx, id); err != nil {
		return "", fmt.Errorf("read %s of %s: %w", field, id, err)
	}
	v, err := s.secrets.Get(id, field)
	if err != nil {
		return "", err
	}
	return v, nil
}

// DeleteSecret removes a field from the keyring and the record that it is
// set. A value already gone from the keyring is not an error.
func (s *Service) DeleteSecret(ctx context.Context, id string, field SecretField) error {
	if _, err := s.repo.Account(ctx, id); err != nil {
		return fmt.Errorf("delete %s of %s: %w", field, id, err)
	}
	if err := s.deleteSecretValue(id, field); err != nil {
		return err
	}
	if err := s.repo.MarkSecret(ctx, id, field, false, s.now()); err != nil {
		return fmt.Errorf("delete %s of %s: %w", field, id, err)
	}
	return nil
}

func (s *Service) deleteSecretValue(id string, field SecretField) error {
	if s.secrets == nil {
		return ErrNoKeyring
	}
	if err := s.secrets.Delete(id, field); err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	return nil
}
