package detail

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// TestDetailInChinese: the 360 in Chinese: the card, the risk panel (its
// reasons through Reason.TextIn), the timeline's kinds and outcomes, and
// an interaction read in full (its moment with a Chinese weekday, its
// kind and direction); at 40×12 every line fits in cells.
func TestDetailInChinese(t *testing.T) {
	d, f := testbook.Book(t)
	ctx := context.Background()
	if err := d.Write(ctx, "log", func(tx *db.Tx) error {
		_, err := tx.LogInteraction(&model.Interaction{CustomerID: f.Olivia, Kind: model.KindComplaint, Direction: model.Inbound, Outcome: model.OutcomeNegative,
			Score: -1, Summary: "Late delivery", Body: "两箱货晚到三天", OccurredAt: testbook.Now().Unix() - 3600})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
	v := New(c, f.Olivia)
	a := screentest.InApp(t, v, 100, 50)
	out := a.Plain()
	for _, want := range []string{"A 类（已固定） · 客户 · 每 14 天联系", "风险", "待办跟进（", "最近订单", "时间线（", "投诉（未解决）", "[消极] Late delivery"} {
		screentest.MustContain(t, out, want)
	}
	screentest.MustNotContain(t, out, "Open follow-ups")
	for i := 0; i < 40; i++ {
		if it, ok := v.selectedItem(); ok && it.kind == itemTimeline && strings.Contains(it.text, "Late delivery") {
			break
		}
		a.Press("j")
	}
	a.Press("enter")
	out = a.Plain()
	screentest.MustContain(t, out, "周一 ")
	screentest.MustContain(t, out, " · 投诉 · 客户发起")
	screentest.MustContain(t, out, "│ 两箱货晚到三天")
	screentest.MustContain(t, out, "│ 未解决：r 标记为已解决")
	for _, size := range [][2]int{{40, 12}, {80, 24}} {
		v.SetSize(size[0], size[1]-screentest.AppChrome)
		if bad := screentest.Fits(v.View(), size[0], size[1]-screentest.AppChrome); bad != "" {
			t.Fatalf("%dx%d: %s", size[0], size[1], bad)
		}
	}
}
