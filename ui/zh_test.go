package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// The app's frame in Chinese (issue 26): the app is driven as the program
// does — a key, a render, the next key — with the printer main gives it
// under LANG=zh_CN.UTF-8.

// newZhApp builds the app over d speaking Chinese.
func newZhApp(t testing.TB, d *db.DB, w, h int) *App {
	t.Helper()
	a, err := NewApp(context.Background(), d, Options{Width: w, Height: h, NoWatch: true, Debounce: time.Millisecond, Printer: i18n.New(i18n.Zh)})
	if err != nil {
		t.Fatal(err)
	}
	drain(t, a, a.Init())
	return a
}

// linesFit fails when a line of the frame is wider than w cells (CJK is
// two cells: lipgloss.Width) or the frame is not h lines.
func linesFit(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Fatalf("the frame is %d lines, not %d:\n%s", len(lines), h, frame)
	}
	for i, l := range lines {
		if n := lipgloss.Width(l); n > w {
			t.Fatalf("line %d is %d cells, wider than %d: %q", i, n, w, l)
		}
	}
	if bad := screentest.Fits(frame, w, h); bad != "" {
		t.Fatalf("%s:\n%s", bad, frame)
	}
}

func TestChineseTabsSummaryAndFooter(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newZhApp(t, d, 80, 24)
	v := plain(a)
	lines := strings.Split(v, "\n")
	tabs := lines[0]
	for _, want := range []string{"1 今日", "2 客户", "3 商机", "4 报表"} {
		mustContain(t, tabs, want)
	}
	for _, en := range []string{"Today", "Customers", "Pipeline", "Reports"} {
		mustNotContain(t, tabs, en)
	}
	mustContain(t, lines[1], "项逾期")
	mustContain(t, lines[1], "项今日到期")
	mustContain(t, lines[1], "位有流失风险")
	mustContain(t, lines[1], "个停滞商机")
	mustNotContain(t, lines[1], "overdue")
	foot := lines[len(lines)-1]
	mustContain(t, foot, "? 帮助")
	mustContain(t, foot, "q 退出")
	press(t, a, "2")
	mustContain(t, strings.Split(plain(a), "\n")[0], "›2 客户")
	// The same book in English reads as before.
	en := newTestApp(t, d, 80, 24)
	mustContain(t, strings.Split(plain(en), "\n")[0], "1 Today")
	mustContain(t, plain(en), a.counts.Summary())
}

// The help in Chinese fits the window at 80×24 and 40×12: every line at
// most the width in cells, the frame exactly the height; where it does not
// fit it scrolls and says so in Chinese; esc closes it.
func TestChineseHelpFits(t *testing.T) {
	d, _ := fixtureBook(t)
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			a := newZhApp(t, d, w, h)
			press(t, a, "?")
			v := plain(a)
			linesFit(t, v, w, h)
			mustContain(t, v, "按键 — ")
			for _, en := range []string{"next screen", "previous screen", "undo", "quit", "Keys —"} {
				mustNotContain(t, v, en)
			}
			// Scroll through the whole help: every line fits, and the
			// root's keys read in Chinese.
			seen := v
			for i := 0; i < 80; i++ {
				press(t, a, "j")
				v = plain(a)
				linesFit(t, v, w, h)
				seen += "\n" + v
			}
			for _, want := range []string{"下一屏", "上一屏", "撤销", "重做", "退出", "帮助", "今日", "报表"} {
				mustContain(t, seen, want)
			}
			if w == 40 {
				press(t, a, "g")
				mustContain(t, plain(a), "j/k 滚动")
				mustContain(t, plain(a), "还有")
			}
			press(t, a, "esc")
			if a.showHelp {
				t.Fatal("esc did not close the help")
			}
			mustNotContain(t, plain(a), "按键 — ")
		})
	}
}

// A form's validation error reads in Chinese, beside its field and at the
// bottom; the labels and title are Chinese; esc leaves it.
func TestChineseFormValidationError(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newZhApp(t, d, 80, 24)
	press(t, a, "2", "a")
	if a.EditorForm() == nil {
		t.Fatal("a opened no form")
	}
	v := plain(a)
	mustContain(t, v, "新建客户")
	mustContain(t, v, "名称")
	mustContain(t, v, "邮箱")
	mustContain(t, v, "例如 个人或公司")
	press(t, a, "ctrl+s")
	v = plain(a)
	linesFit(t, v, 80, 24)
	mustContain(t, v, "✗ 必填")
	mustNotContain(t, v, "is required")
	// An email that is not one: the model's message, said in Chinese.
	press(t, a, "Nova", "tab", "tab", "not-an-email", "ctrl+s")
	v = plain(a)
	mustNotContain(t, v, "is not an email")
	mustContain(t, v, "✗ ")
	press(t, a, "esc")
	mustContain(t, plain(a), "放弃修改？y/n")
	press(t, a, "y")
	if a.Editing() {
		t.Fatal("y to the discard question left the form open")
	}
	mustContain(t, plain(a), "›2 客户")
}

// Undo says what it undid in Chinese, with the name as it was typed.
func TestChineseUndoSaysWhatItUndid(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newZhApp(t, d, 100, 30)
	press(t, a, "2", "a", "王小明", "ctrl+s")
	mustContain(t, a.Status(), "已添加客户 王小明（u 撤销）")
	press(t, a, "u")
	if got, want := a.Status(), "已撤销：添加客户 王小明（ctrl+r 重做）"; got != want {
		t.Fatalf("after u the status is %q, want %q", got, want)
	}
	press(t, a, "ctrl+r")
	if got, want := a.Status(), "已重做：添加客户 王小明（u 撤销）"; got != want {
		t.Fatalf("after ctrl+r the status is %q, want %q", got, want)
	}
}

// The layout holds in Chinese at every size: every state of the app fits,
// and the too-small notice is Chinese.
func TestChineseLayoutFitsEverySize(t *testing.T) {
	d, _ := fixtureBook(t)
	empty, _ := openBook(t)
	mk := func(b *db.DB, keys ...string) *App {
		a := newZhApp(t, b, 80, 24)
		press(t, a, keys...)
		return a
	}
	states := map[string]*App{
		"today": mk(d), "today_prompt": mk(d, "Z", "周五"), "customers": mk(d, "2"), "filter": mk(d, "2", "/", "王"),
		"help": mk(d, "?"), "welcome": mk(empty), "form": mk(d, "2", "a", "ctrl+s"), "archive": mk(d, "2", "D"),
		"pipeline": mk(d, "3"), "reports": mk(d, "4"),
	}
	for name, a := range states {
		for _, w := range []int{20, 39, 40, 41, 60, 80, 120, 200} {
			for _, h := range []int{5, 11, 12, 13, 24, 40} {
				out := frameOf(a, w, h)
				if bad := screentest.Fits(out, w, h); bad != "" {
					t.Fatalf("%s at %dx%d: %s", name, w, h, bad)
				}
				small := w < minWidth || h < minHeight
				if got := strings.Contains(out, "窗口太小"); w >= 20 && got != small {
					t.Fatalf("%s at %dx%d: 窗口太小 shown=%v:\n%s", name, w, h, got, out)
				}
			}
		}
	}
}

// The goal on the summary line: in English exactly model's Line, in
// Chinese with 12月, 天 and the same figures, for a month under way, one
// not started, one ended and a quarter of another year.
func TestGoalLineInBothLanguages(t *testing.T) {
	today := model.DayFromYMD(2026, time.November, 23)
	zh, en := i18n.New(i18n.Zh), i18n.New(i18n.En)
	cases := []struct {
		period model.GoalPeriod
		want   string
	}{
		{model.GoalPeriod{Year: 2026, Month: 11}, "11月 ¥84,000，目标 ¥120,000 · 70% · 剩 7 天 · 预计 ¥109,565"},
		{model.GoalPeriod{Year: 2026, Month: 12}, "12月 ¥84,000，目标 ¥120,000 · 70% · 31 天后开始"},
		{model.GoalPeriod{Year: 2026, Month: 10}, "10月 ¥84,000，目标 ¥120,000 · 70% · 已结束"},
		{model.GoalPeriod{Year: 2027, Quarter: 1}, "2027年Q1 ¥84,000，目标 ¥120,000 · 70% · 90 天后开始"},
	}
	for _, c := range cases {
		g := model.Progress(model.Goal{Measure: model.GoalRevenue, Period: c.period, Target: 12_000_000, Currency: "CNY"}, 8_400_000, today)
		fig := func(n int64) string { return model.Money{Minor: n, Currency: "CNY"}.FormatShort() }
		if got := goalLines(en, g, today, fig)[0]; got != g.Line(today) {
			t.Errorf("%v in English: %q, want %q", c.period, got, g.Line(today))
		}
		if got := goalLines(zh, g, today, fig)[0]; got != c.want {
			t.Errorf("%v in Chinese: %q, want %q", c.period, got, c.want)
		}
	}
}
