package accounts_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

// ValidateField gives the same answer as Validate on a whole account, for
// every field a form checks while it is typed.
func TestValidateFieldAgreesWithValidate(t *testing.T) {
	cases := []struct{ field, value string }{
		{"name", ""}, {"name", "  "}, {"name", "淘宝"}, {"name", strings.Repeat("名", 201)},
		{"login", strings.Repeat("a", 321)}, {"login", "tb_alice"},
		{"phone", "13812345678"}, {"phone", "+86 138 1234 5678"}, {"phone", "abc"}, {"phone", " 138 "},
		{"email", "Alice@Example.com "}, {"email", "not-mail"}, {"email", ""},
		{"notes", strings.Repeat("x", 10001)},
	}
	for _, c := range cases {
		a := accounts.Account{PlatformID: "taobao", Name: "x"}
		switch c.field {
		case "name":
			a.Name = c.value
		case "login":
			a.Login = c.value
		case "phone":
			a.Phone = c.value
		case "email":
			a.Email = c.value
		case "notes":
			a.Notes = c.value
		}
		a.Normalise()
		whole := a.Validate()
		one := accounts.ValidateField(c.field, c.value)
		var ve *accounts.ValidationError
		wholeHere := errors.As(whole, &ve) && ve.Field == c.field
		if wholeHere != (one != nil) || (one != nil && one.Error() != whole.Error()) {
			t.Errorf("%s=%.20q: ValidateField %v, Validate %v", c.field, c.value, one, whole)
		}
		if one != nil && !errors.Is(one, accounts.ErrInvalid) {
			t.Errorf("%s: %v is not ErrInvalid", c.field, one)
		}
	}
}

func TestIDWithSuffixStaysValid(t *testing.T) {
	long := "user-" + strings.Repeat("a", 50) + "-" + strings.Repeat("b", 20)
	for _, c := range []struct{ base, suffix, want string }{
		{"user-best-buy", "2", "user-best-buy-2"},
		{long, "12", long[:60] + "-12"},
		{strings.Repeat("a", 61) + "-b", "3", strings.Repeat("a", 61) + "-3"},
	} {
		got := accounts.IDWithSuffix(c.base, c.suffix)
		if got != c.want || !accounts.ValidID(got) || len(got) > accounts.MaxIDLen {
			t.Errorf("IDWithSuffix(%q, %q) = %q (%d), want %q", c.base, c.suffix, got, len(got), c.want)
		}
	}
	if accounts.ValidID("-x") || accounts.ValidID(strings.Repeat("a", 64)) || !accounts.ValidID(strings.Repeat("a", 63)) {
		t.Error("ValidID disagrees with the ID rule")
	}
}
