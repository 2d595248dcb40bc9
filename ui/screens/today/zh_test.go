package today

import (
	"testing"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// TestTodayInChinese: a busy morning in Chinese at 80×24 and 40×12: the
// section titles in the users' words, the fold line, the rows' labels,
// every line within the width in cells; space still opens the section.
func TestTodayInChinese(t *testing.T) {
	d := manyOverdue(t, 30)
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
		m := New(c)
		a := screentest.InApp(t, m, size[0], size[1])
		v := a.Plain()
		if bad := screentest.Fits(m.View(), size[0], size[1]-screentest.AppChrome); bad != "" {
			t.Fatalf("%dx%d: %s", size[0], size[1], bad)
		}
		screentest.MustContain(t, v, "逾期（30）")
		screentest.MustContain(t, v, "! 逾期30天")
		screentest.MustContain(t, v, "… 还有 25 项 · 空格键展开")
		screentest.MustNotContain(t, v, "overdue")
		a.Press(" ")
		screentest.MustNotContain(t, a.Plain(), "空格键展开")
	}
	// The 80×24 frame shows every section's title, the empty ones too.
	c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
	a := screentest.InApp(t, New(c), 80, 24)
	for _, want := range []string{"今日到期 · 无", "流失风险 · 无", "停滞商机 · 无", "待联系 · 无"} {
		screentest.MustContain(t, a.Plain(), want)
	}
}

// TestTodayHintsInChinese: a key that does not apply says why in Chinese.
func TestTodayHintsInChinese(t *testing.T) {
	d, _ := testbook.Book(t)
	c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
	a := screentest.InApp(t, New(c), 100, 30)
	a.Press("j", "j", "x") // the first at-risk row
	screentest.MustContain(t, a.Status(), "x 将跟进标记为完成")
}
