package customers

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// TestCustomersInChinese: the Chinese column titles stand over their
// columns (measured in cells: 分层 is four), the statuses and the sort are
// said in Chinese, a filter that matches nothing says so, and the table
// fits 40×12 and 80×24.
func TestCustomersInChinese(t *testing.T) {
	d, _ := fixtureBook(t)
	c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
	m := New(c)
	a := screentest.InApp(t, m, 120, 40)
	lines := strings.Split(a.Plain(), "\n")
	header, col := -1, -1
	for i, l := range lines {
		if j := strings.Index(l, "分层 状态"); j >= 0 {
			header, col = i, ansi.StringWidth(l[:j])
		}
	}
	if header < 0 {
		t.Fatalf("no Chinese table header:\n%s", a.Plain())
	}
	checked := 0
	for _, l := range lines[header+1:] {
		for _, tier := range []string{" A    ", " B    ", " C    "} {
			if i := strings.Index(l, tier); i >= 0 {
				if got := ansi.StringWidth(l[:i+1]); got != col {
					t.Fatalf("tier column at %d, header at %d: %q", got, col, l)
				}
				checked++
				break
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d rows checked", checked)
	}
	out := a.Plain()
	for _, want := range []string{"排序：风险", "流失风险", "活跃", "商机金额", "上次联系"} {
		screentest.MustContain(t, out, want)
	}
	a.Press("s")
	screentest.MustContain(t, a.Plain(), "排序：姓名")
	a.Press("/", "tier:Z", "enter")
	screentest.MustContain(t, a.Plain(), "没有符合筛选条件的客户（esc 清除筛选）")
	for _, size := range [][2]int{{40, 12}, {80, 24}} {
		m.SetSize(size[0], size[1]-screentest.AppChrome)
		if bad := screentest.Fits(m.View(), size[0], size[1]-screentest.AppChrome); bad != "" {
			t.Fatalf("%dx%d: %s", size[0], size[1], bad)
		}
	}
}

// BenchmarkCustomersView: one View of the fixture's table at 120×40, in
// English and in Chinese (the Chinese one says every title, status and
// date through the catalog).
func BenchmarkCustomersView(b *testing.B) {
	for _, lang := range []i18n.Lang{i18n.En, i18n.Zh} {
		b.Run(string(lang), func(b *testing.B) {
			d, _ := fixtureBook(b)
			c := screentest.Common(b, d)
			c.P = i18n.New(lang)
			m := New(c)
			screentest.InApp(b, m, 120, 40)
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}
