package form

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// TestFormsInChinese: the interaction form in Chinese — title, labels,
// choices, the date preview, an out-of-range score and a date that is not
// one, each refused in Chinese beside its field — at 80 and 40 columns,
// no line wider than the width in cells. In English the same keys give
// the English messages.
func TestFormsInChinese(t *testing.T) {
	for _, w := range []int{80, 40} {
		o := testOptions()
		o.P = i18n.New(i18n.Zh)
		m := InteractionForm(model.Interaction{CustomerID: 1, Score: -1}, o)
		m.SetSize(w, 20)
		view := func() string {
			t.Helper()
			out := ansi.Strip(m.View())
			for i, l := range strings.Split(out, "\n") {
				if n := lipgloss.Width(l); n > w {
					t.Fatalf("%d columns: line %d is %d cells: %q", w, i, n, l)
				}
			}
			return out
		}
		v := view()
		for _, want := range []string{"记录一次沟通", "摘要", "类型", "方向", "结果", "评分", "电话", "呼出"} {
			if !strings.Contains(v, want) {
				t.Fatalf("%d columns: want %q in:\n%s", w, want, v)
			}
		}
		m, _ = press(t, m, "text:回访报价", "tab")
		if got := ansi.Strip(m.View()); !strings.Contains(got, "←/→ 电话 / 邮箱") {
			t.Fatalf("%d columns: the kind's hint is not Chinese:\n%s", w, got)
		}
		m, _ = press(t, m, "tab", "tab", "tab", "text:11", "tab", "backspace", "backspace", "backspace", "backspace", "backspace", "text:xyz", "ctrl+s")
		if got := m.FieldError("score"); got != "必须在0到10之间" {
			t.Errorf("%d columns: the score's error is %q", w, got)
		}
		if got := m.FieldError("date"); !strings.Contains(got, "不是") || strings.Contains(got, "is not") {
			t.Errorf("%d columns: the date's error is %q", w, got)
		}
		view()
		m, _ = press(t, m, "esc")
		if !strings.Contains(view(), "放弃修改？y/n") {
			t.Errorf("%d columns: esc does not ask in Chinese:\n%s", w, view())
		}
	}
	// English is unchanged.
	m := InteractionForm(model.Interaction{CustomerID: 1, Score: -1}, testOptions())
	m.SetSize(80, 20)
	m, _ = press(t, m, "text:x", "tab", "tab", "tab", "tab", "text:11", "ctrl+s")
	if got := m.FieldError("score"); got != "must be between 0 and 10" {
		t.Errorf("English score error: %q", got)
	}
}
