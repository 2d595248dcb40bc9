package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// screenStates builds the app in each state worth drawing: every screen,
// the filter being typed, the date prompt, the help.
func screenStates(t *testing.T) []struct {
	name string
	app  *App
} {
	return screenStatesIn(t, nil)
}

// screenStatesIn is screenStates with the app speaking p's language.
func screenStatesIn(t *testing.T, p *i18n.Printer) []struct {
	name string
	app  *App
} {
	t.Helper()
	newTestApp := func(t testing.TB, d *db.DB, w, h int) *App { return newTestAppIn(t, d, w, h, p) }
	d, f := fixtureBook(t)
	mk := func(keys ...string) *App {
		a := newTestApp(t, d, 80, 24)
		press(t, a, keys...)
		return a
	}
	detail := newTestApp(t, d, 80, 24)
	_, cmd := detail.Update(common.OpenCustomerMsg{ID: f.Wang})
	drain(t, detail, cmd)
	risky := newTestApp(t, d, 80, 24)
	_, cmd = risky.Update(common.OpenCustomerMsg{ID: f.Muller})
	drain(t, risky, cmd)
	empty, _ := openBook(t)
	detailWith := func(keys ...string) *App {
		a := newTestApp(t, d, 80, 24)
		_, cmd := a.Update(common.OpenCustomerMsg{ID: f.Wang})
		drain(t, a, cmd)
		press(t, a, keys...)
		return a
	}
	// The next-follow-up prompt needs a save: on a book of its own, so the
	// other states do not see the interaction.
	d2, f2 := fixtureBook(t)
	logged := newTestApp(t, d2, 80, 24)
	filterTo(t, logged, "Acme")
	press(t, logged, "i", "Renewal call", "ctrl+s")
	_ = f2
	return []struct {
		name string
		app  *App
	}{
		{"today", mk()},
		{"today_prompt", mk("Z", "fri")},
		{"customers", mk("2")},
		{"customers_filter", mk("2", "/", "müller")},
		{"detail", detail},
		{"detail_risk", risky},
		{"help", mk("?")},
		{"welcome", newTestApp(t, empty, 80, 24)},
		{"customers_form_customer", mk("2", "a", "Nova Trading", "tab")},
		{"customers_form_interaction", mk("2", "i", "Called about the renewal", "tab", "right", "tab")},
		{"customers_form_error", mk("2", "a", "tab", "bad", "tab", "not-an-email", "ctrl+s")},
		{"today_form_followup", mk("e")},
		{"today_form_discard", mk("t", "x", "esc")},
		{"detail_form_contact", detailWith("c", "李娜")},
		{"detail_archive_question", detailWith("D")},
		{"next_followup_prompt", logged},
	}
}

// frameOf resizes the app and draws it, with the temp path made stable.
func frameOf(a *App, w, h int) string {
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a.View()
}

func TestGoldenScreens(t *testing.T) {
	for _, st := range screenStates(t) {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", st.name, size[0], size[1]), func(t *testing.T) {
				out := ansi.Strip(frameOf(st.app, size[0], size[1]))
				out = strings.ReplaceAll(out, st.app.c.DB.Path(), "BOOK")
				out = trimRight(out)
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// trimRight is screentest.TrimRight.
func trimRight(s string) string { return screentest.TrimRight(s) }

// gridSizes are the sizes the layout tests draw at: a grid from 20×5 to
// 250×80, the smallest frame, the common ones and any extra.
func gridSizes(extra ...[2]int) [][2]int {
	sizes := [][2]int{{1, 1}}
	for w := 20; w <= 250; w += 23 {
		for h := 5; h <= 80; h += 15 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	return append(append(sizes, [2]int{40, 12}, [2]int{80, 24}, [2]int{250, 80}), extra...)
}

func TestLayoutFitsEverySize(t *testing.T) {
	widths := []int{1, 20, 33, 39, 40, 41, 47, 60, 80, 99, 120, 160, 200, 250, 300}
	heights := []int{1, 5, 11, 12, 13, 17, 24, 31, 40, 60, 80, 100}
	for _, st := range screenStates(t) {
		for _, w := range widths {
			for _, h := range heights {
				out := frameOf(st.app, w, h)
				if bad := screentest.Fits(out, w, h); bad != "" {
					t.Fatalf("%s at %dx%d: %s", st.name, w, h, bad)
				}
				small := w < minWidth || h < minHeight
				if got := strings.Contains(out, "window too small"); w >= 16 && got != small {
					t.Fatalf("%s at %dx%d: \"window too small\" shown=%v", st.name, w, h, got)
				}
			}
		}
	}
}
