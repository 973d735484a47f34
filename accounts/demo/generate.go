package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

var genPlatforms = []string{
	"taobao", "tmall", "jd", "pinduoduo", "douyin", "douyin-shop", "xianyu", "alipay", "meituan",
	"suning", "xiaohongshu", "dangdang", "amazon", "ebay", "aliexpress", "temu", "shein",
}

var genNames = []string{"主号", "小号", "工作号", "家庭号", "main", "old", "shop", "gifts"}

// Generate returns n synthetic accounts with stable IDs, spread over
// platforms, statuses, logins and phones, for benchmarks. They are not
// saved; see Fill.
func Generate(n int) []accounts.Account {
	out := make([]accounts.Account, n)
	base := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range out {
		p := genPlatforms[i%len(genPlatforms)]
		phone := fmt.Sprintf("13%d%08d", i%10, (i*7919)%100000000)
		t := base.Add(time.Duration(i) * time.Minute)
		out[i] = accounts.Account{
			ID:         fmt.Sprintf("00000000-0000-4000-8000-%012d", i),
			PlatformID: p,
			Name:       fmt.Sprintf("%s %s %05d", p, genNames[i%len(genNames)], i),
			Login:      fmt.Sprintf("user%05d@example.com", i),
			Phone:      phone,
			RealName:   i%3 != 0,
			Seller:     i%17 == 0,
			Status:     accounts.Statuses[i%len(accounts.Statuses)],
			CreatedAt:  t, UpdatedAt: t, Version: 1,
		}
	}
	return out
}

// Creator is the part of a Repo that Fill needs.
type Creator interface {
	CreateAccount(ctx context.Context, a accounts.Account, ev accounts.Event) error
}

// Fill saves accs with their creation events, for startup and load
// benchmarks on a real database.
func Fill(ctx context.Context, repo Creator, accs []accounts.Account) error {
	for _, a := range accs {
		ev := accounts.Event{AccountID: a.ID, Label: a.Name, At: a.CreatedAt, Kind: accounts.EventCreated, To: string(a.Status)}
		if err := repo.CreateAccount(ctx, a, ev); err != nil {
			return fmt.Errorf("demo: fill %s: %w", a.ID, err)
		}
	}
	return nil
}
