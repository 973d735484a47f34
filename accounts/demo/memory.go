package demo

import (
	"fmt"
	"sync"

	"github.com/unbindapp/unbind/accounts"
)

// MemorySecrets keeps secrets in memory only: the demo's passwords must
// never land in the person's real keyring.
type MemorySecrets struct {
	mu sync.Mutex
	m  map[string]string
}

var _ accounts.Secrets = (*MemorySecrets)(nil)

func memKey(id string, f accounts.SecretField) string { return id + "/" + string(f) }

// Set stores value.
func (s *MemorySecrets) Set(id string, f accounts.SecretField, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]string{}
	}
	s.m[memKey(id, f)] = value
	return nil
}

// Get returns the value, or an error wrapping accounts.ErrNotFound.
func (s *MemorySecrets) Get(id string, f accounts.SecretField) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[memKey(id, f)]
	if !ok {
		return "", fmt.Errorf("demo keyring: %s of %s: %w", f, id, accounts.ErrNotFound)
	}
	return v, nil
}

// Delete removes the value; a missing one wraps accounts.ErrNotFound.
func (s *MemorySecrets) Delete(id string, f accounts.SecretField) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[memKey(id, f)]; !ok {
		return fmt.Errorf("demo keyring: %s of %s: %w", f, id, accounts.ErrNotFound)
	}
	delete(s.m, memKey(id, f))
	return nil
}

// Check always succeeds: memory is always there.
func (s *MemorySecrets) Check() error { return nil }
