package welcome

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// TestWelcomeInChinese drives the welcome screen in Chinese (a key, a
// render, the next key) at 80×24 and 40×12: the text, the form and its
// refusal, the sample-data question; every line within the width in cells.
func TestWelcomeInChinese(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		d, _ := testbook.Open(t)
		v := New(screentest.CommonIn(t, d, i18n.New(i18n.Zh)))
		a := screentest.InApp(t, v, size[0], size[1])
		fits := func() string {
			t.Helper()
			out := strings.ReplaceAll(a.Plain(), d.Path(), "BOOK")
			for i, l := range strings.Split(out, "\n") {
				if n := lipgloss.Width(l); n > size[0] {
					t.Fatalf("%v: line %d is %d cells: %q", size, i, n, l)
				}
			}
			return out
		}
		out := fits()
		screentest.MustContain(t, out, "欢迎使用 rapport")
		screentest.MustContain(t, out, "这个账本是空的")
		screentest.MustContain(t, out, "添加客户")
		for _, en := range []string{"Welcome to", "is empty", "add a customer", "sample data"} {
			if strings.Contains(out, en) {
				t.Fatalf("%v: %q is still English:\n%s", size, en, out)
			}
		}
		a.Press("a")
		out = fits()
		screentest.MustContain(t, out, "添加第一位客户")
		screentest.MustContain(t, out, "› 名称：")
		a.Press("tab")
		screentest.MustContain(t, fits(), "› 公司：")
		a.Press("ctrl+s")
		if v.err != "客户需要一个名称" {
			t.Fatalf("an empty name is refused with %q", v.err)
		}
		if size[1] >= 24 { // below, the line under the form is cut off, as in English
			screentest.MustContain(t, fits(), "客户需要一个名称")
		}
		a.Press("esc")
		if v.Mode() != common.ModeNormal {
			t.Fatalf("esc left mode %d", v.Mode())
		}
		a.Press("d")
		screentest.MustContain(t, fits(), "把 2,000 位示例客户载入这个文件？")
		a.Press("n")
		if v.Mode() != common.ModeNormal || len(a.Changed) != 0 {
			t.Fatalf("n: mode %d, changed %v", v.Mode(), a.Changed)
		}
		a.Press("a", "王芳", "ctrl+s")
		if len(a.Changed) != 1 || a.Changed[0] != "已添加客户（u 撤销）" {
			t.Fatalf("saving the first customer said %v", a.Changed)
		}
	}
}
