package accounts

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	good := Account{PlatformID: " Taobao ", Name: " 我的淘宝 ", Phone: "+86 138 1234 5678", Email: "A@Example.com",
		ThirdParty: []ThirdParty{"QQ", "wechat", "qq", ""}}
	good.Normalise()
	if err := good.Validate(); err != nil {
		t.Fatalf("valid account refused: %v", err)
	}
	if good.PlatformID != "taobao" || good.Name != "我的淘宝" || good.Email != "a@example.com" || good.Status != StatusActive {
		t.Errorf("normalise: got %+v", good)
	}
	if len(good.ThirdParty) != 2 || good.ThirdParty[0] != "qq" || good.ThirdParty[1] != "wechat" {
		t.Errorf("third party = %v, want [qq wechat]", good.ThirdParty)
	}
	cases := map[string]Account{
		"platform": {PlatformID: "Tao bao!", Name: "x"},
		"name":     {PlatformID: "taobao"},
		"phone":    {PlatformID: "taobao", Name: "x", Phone: "call me"},
		"email":    {PlatformID: "taobao", Name: "x", Email: "not-an-address"},
		"notes":    {PlatformID: "taobao", Name: "x", Notes: strings.Repeat("长", 10001)},
	}
	for field, a := range cases {
		a.Normalise()
		err := a.Validate()
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != field || !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: want a ValidationError on %s, got %v", field, field, err)
		}
	}
}

func TestMasking(t *testing.T) {
	cases := []struct{ got, want string }{
		{MaskPhone("13812345678"), "138****5678"},
		{MaskEmail("alice@example.com"), "a***@example.com"},
		{MaskEmail("张三@example.cn"), "张***@example.cn"},
		{MaskLogin("13812345678"), "138****5678"},
		{MaskLogin("bob@qq.com"), "b***@qq.com"},
		{MaskLogin("shopper_2024"), "s******4"},
		{MaskLogin("ab"), "**"},
		{MaskPhone(""), ""},
		{MaskLogin("@example.com"), "***@example.com"},
		{MaskLogin("+86 138-1234-5678"), "138****5678"},
		{MaskEmail("no-at-sign"), "n******n"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if PhoneDigits("+86 138-1234-5678") != "13812345678" || PhoneDigits("008613812345678") != "13812345678" {
		t.Error("PhoneDigits does not drop the +86/0086 prefix")
	}
}
