package reports

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/reportview"
)

// TestReportsGoldenZh is TestReportsGolden in Chinese, at 80×24 and 40×12.
func TestReportsGoldenZh(t *testing.T) {
	d, _ := reportsBook(t)
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
			s := New(c)
			screentest.InApp(t, s, size[0], size[1])
			if !s.loaded || s.err != nil {
				t.Fatalf("the report did not load: %v", s.err)
			}
			out := ansi.Strip(s.View())
			if bad := screentest.Fits(out, size[0], size[1]-screentest.AppChrome); bad != "" {
				t.Fatal(bad)
			}
			golden.RequireEqual(t, []byte(screentest.TrimRight(out)))
		})
	}
}

// TestDrillInChinese: the drill lists say their titles, notes and reason
// words in Chinese; stage names stay as stored.
func TestDrillInChinese(t *testing.T) {
	d, _ := reportsBook(t)
	c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
	s := New(c)
	a := screentest.InApp(t, s, 100, 40)
	a.Press("n", "n", "enter")
	out := a.Plain()
	screentest.MustContain(t, out, "到达 Qualified 的商机，2026-08-26 … 2026-11-23 · 3")
	screentest.MustContain(t, out, "王芳 · Volume 2027 · 到达 Won")
	a.Press("esc")
	for s.selectedDrill().Kind != reportview.DrillRisk {
		a.Press("n")
		if s.sel < 0 {
			t.Fatal("no risk reasons line")
		}
	}
	a.Press("enter")
	out = a.Plain()
	screentest.MustContain(t, out, "流失风险与关注客户 · 3")
	screentest.MustContain(t, out, "› Jürgen Müller · 流失风险：近期无订单")
	screentest.MustNotContain(t, out, "at risk")
	if got := screentest.Fits(out, 100, 40-screentest.AppChrome); got != "" {
		t.Fatal(got)
	}
}
