package catalog

import (
	"fmt"

	"github.com/unbindapp/unbind/accounts"
)

// Display names of the catalog's own codes. Track kinds are named by
// accounts.TrackKind.Name, the one table the GUI, reminders and report use.
var (
	channelLabels = map[Channel]Text{
		SelfService:     {"自助办理", "self-service"},
		CustomerService: {"联系客服", "customer service"},
		WebForm:         {"网页表单", "web form"},
		Email:           {"电子邮件", "e-mail"},
	}
	difficultyLabels = map[Difficulty]Text{
		Easy: {"容易", "easy"}, Medium: {"中等", "medium"}, Hard: {"困难", "hard"},
		Limited: {"受限", "limited"}, Impossible: {"无法办理", "impossible"},
	}
)

// KindLabel is a track kind's name (accounts.TrackKind.Name) as Text; an
// unknown kind is shown as it is.
func KindLabel(k accounts.TrackKind) Text { return Text{Zh: k.Name("zh"), En: k.Name("en")} }

// Label names the channel.
func (c Channel) Label() Text { return label(channelLabels, c) }

// Label names the difficulty.
func (d Difficulty) Label() Text { return label(difficultyLabels, d) }

func label[K ~string](m map[K]Text, k K) Text {
	if t, ok := m[k]; ok {
		return t
	}
	return Text{Zh: string(k), En: string(k)}
}

// ReviewLabel describes a review window: "1–3 个工作日" / "1–3 working
// days", "immediate" for 0, "unknown" for nil.
func ReviewLabel(w *Workdays) Text {
	switch {
	case w == nil:
		return Text{"未知", "unknown"}
	case w.Max == 0:
		return Text{"立即生效", "immediate"}
	case w.Min == w.Max:
		return Text{fmt.Sprintf("%d 个工作日", w.Max), fmt.Sprintf("%d working days", w.Max)}
	}
	return Text{fmt.Sprintf("%d–%d 个工作日", w.Min, w.Max), fmt.Sprintf("%d–%d working days", w.Min, w.Max)}
}
