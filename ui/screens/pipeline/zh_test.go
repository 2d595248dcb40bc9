package pipeline

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// TestPipelineGoldenZh is TestPipelineGolden in Chinese (stage names are
// the book's and stay as stored), at 80×24 and 40×12.
func TestPipelineGoldenZh(t *testing.T) {
	d, _ := pipelineBook(t)
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
			p := New(c)
			a := screentest.InApp(t, p, size[0], size[1])
			if !p.loaded {
				t.Fatal("the board did not load")
			}
			a.Press("j")
			out := ansi.Strip(p.View())
			if bad := screentest.Fits(out, size[0], size[1]-screentest.AppChrome); bad != "" {
				t.Fatal(bad)
			}
			golden.RequireEqual(t, []byte(screentest.TrimRight(out)))
		})
	}
}

// TestPipelineQuestionsInChinese: the won and lost questions, the refusal
// of an empty reason and the status after the move, in Chinese, fitting a
// 40-cell line; the stage names stay as stored.
func TestPipelineQuestionsInChinese(t *testing.T) {
	d, f := pipelineBook(t)
	c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
	p := New(c)
	a := screentest.InApp(t, p, 160, 40)
	selectDeal(t, a, p, f.Fleet)
	a.Press("w")
	screentest.MustContain(t, a.Plain(), `赢单 "Fleet upgrade"：记录一笔 $40,000.00 的订单？[Y/n] · esc 保持进行中`)
	a.Press("esc")
	screentest.MustContain(t, a.Status(), "未标记为赢单")
	selectDeal(t, a, p, f.Spares)
	a.Press("X")
	screentest.MustContain(t, a.Plain(), `将 "Spare parts" 标记为输单——原因？`)
	screentest.MustContain(t, a.Plain(), "原因：")
	a.Press("enter")
	screentest.MustContain(t, a.Plain(), "请说明输单原因（用于赢单/输单报表）")
	p.SetSize(40, 12-screentest.AppChrome)
	if bad := screentest.Fits(p.View(), 40, 12-screentest.AppChrome); bad != "" {
		t.Fatal(bad)
	}
	p.SetSize(160, 40-screentest.AppChrome)
	a.Press("价格太高", "enter")
	screentest.MustContain(t, a.Status(), `输单 "Spare parts"：价格太高（u 撤销）`)
}
