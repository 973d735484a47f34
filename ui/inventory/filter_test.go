package inventory

import (
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/demo"
)

func names(id string) (string, []string) {
	switch id {
	case "taobao":
		return "淘宝", []string{"Taobao", "淘宝"}
	case "jd":
		return "京东", []string{"JD.com"}
	}
	return id, nil
}

func sample() []Item {
	done := time.Now()
	accs := []accounts.Account{
		{ID: "1", PlatformID: "taobao", Name: "淘宝主号", Login: "chen_xiaoyu", Phone: "138 1234 5678", RealName: true, Status: accounts.StatusPreparing},
		{ID: "2", PlatformID: "jd", Name: "JD Plus", Login: "jd@example.com", RealName: true, Phone: "13900001111", Status: accounts.StatusSubmitted},
		{ID: "3", PlatformID: "jd", Name: "JD old", Status: accounts.StatusDeactivated, RealName: true, Phone: "13900002222"},
	}
	extra := map[string]Input{
		"2": {Tracks: []accounts.Track{{Kind: accounts.TrackRealNameUnbind, CompletedAt: &done}}, Due: 2},
	}
	return Build(accs, extra, names)
}

func ids(items []Item, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, items[i].Account.ID)
	}
	return out
}

func TestFilter(t *testing.T) {
	items := sample()
	cases := []struct {
		name string
		q    Query
		want string
	}{
		{"all", Query{}, "1,2,3"},
		{"platform name in another language", Query{Text: "TAOBAO"}, "1"},
		{"chinese platform name", Query{Text: "京东"}, "2,3"},
		{"account name", Query{Text: "old"}, "3"},
		{"login", Query{Text: "xiaoyu"}, "1"},
		{"phone with spaces", Query{Text: "1381234"}, "1"},
		{"phone digits across separators", Query{Text: "138 12345"}, "1"},
		{"status", Query{Status: accounts.StatusSubmitted}, "2"},
		{"platform", Query{Platform: "jd"}, "2,3"},
		// The deactivated JD old still holds the real name: platforms keep
		// it after a deletion until its unbinding is recorded complete
		// (accounts.StillBound); its phone went with the account.
		{"real name still bound", Query{RealNameBound: true}, "1,3"},
		{"phone still bound", Query{PhoneBound: true}, "1,2"},
		{"reminders due", Query{RemindersDue: true}, "2"},
		{"combined", Query{Text: "jd", PhoneBound: true}, "2"},
		{"an overview figure", Query{Only: NewSubset("blocked", "Blocked", []string{"1", "3"})}, "1,3"},
		{"a figure and a search", Query{Text: "jd", Only: NewSubset("blocked", "Blocked", []string{"1", "3"})}, "3"},
		{"an empty figure", Query{Only: NewSubset("x", "X", nil)}, ""},
		{"nothing", Query{Text: "amazon"}, ""},
	}
	for _, c := range cases {
		got := ""
		for i, id := range ids(items, Filter(items, c.q, nil)) {
			if i > 0 {
				got += ","
			}
			got += id
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestItem(t *testing.T) {
	items := sample()
	if items[0].Initial != "淘" || items[0].MaskedLogin == "chen_xiaoyu" || items[0].PlatformName != "淘宝" {
		t.Errorf("item: %+v", items[0])
	}
	c := Count(items)
	if c.Total != 3 || c.ByStatus[accounts.StatusDeactivated] != 1 {
		t.Errorf("counts: %+v", c)
	}
	pids, pnames := Platforms(items)
	if len(pids) != 2 || pnames[1] != "京东" {
		t.Errorf("platforms: %v %v", pids, pnames)
	}
}

func bigInventory(b *testing.B) []Item {
	accs := demo.Generate(10000)
	return Build(accs, nil, func(id string) (string, []string) { return id, []string{id + " name"} })
}

// BenchmarkFilter10k filters 10,000 accounts the way a keystroke in the
// search box does (target: ≤ 5 ms).
func BenchmarkFilter10k(b *testing.B) {
	items := bigInventory(b)
	out := make([]int, 0, len(items))
	for _, q := range []struct {
		name string
		q    Query
	}{
		{"text", Query{Text: "shop 0042"}},
		{"phone", Query{Text: "1380"}},
		{"status+bound", Query{Status: accounts.StatusPreparing, PhoneBound: true}},
		{"everything", Query{}},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				out = Filter(items, q.q, out[:0])
			}
		})
	}
}

// BenchmarkBuild10k is the cost of (re)building the list after a reload.
func BenchmarkBuild10k(b *testing.B) {
	accs := demo.Generate(10000)
	for b.Loop() {
		Build(accs, nil, func(id string) (string, []string) { return id, nil })
	}
}
