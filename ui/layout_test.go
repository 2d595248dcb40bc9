package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/mattn/go-runewidth"
	"github.com/rapportcrm/rapport/ui/common"
)

// screenStates builds the app in each state worth drawing: every screen,
// the filter being typed, the date prompt, the help.
func screenStates(t *testing.T) []struct {
	name string
	app  *App
} {
	t.Helper()
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

// trimRight drops trailing spaces (selected rows pad to the width; the
// snapshot compares what is written, not the padding).
func trimRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestLayoutFitsEverySize(t *testing.T) {
	widths := []int{1, 20, 33, 39, 40, 41, 47, 60, 80, 99, 120, 160, 200, 250, 300}
	heights := []int{1, 5, 11, 12, 13, 17, 24, 31, 40, 60, 80, 100}
	narrow := &runewidth.Condition{EastAsianWidth: false}
	for _, st := range screenStates(t) {
		for _, w := range widths {
			for _, h := range heights {
				out := frameOf(st.app, w, h)
				lines := strings.Split(out, "\n")
				if len(lines) != h {
					t.Fatalf("%s at %dx%d: %d lines", st.name, w, h, len(lines))
				}
				for i, l := range lines {
					if n := ansi.StringWidth(l); n > w {
						t.Fatalf("%s at %dx%d: line %d is %d wide: %q", st.name, w, h, i, n, ansi.Strip(l))
					}
					if n := narrow.StringWidth(ansi.Strip(l)); n > w {
						t.Fatalf("%s at %dx%d: line %d is %d wide for go-runewidth: %q", st.name, w, h, i, n, ansi.Strip(l))
					}
				}
				small := w < minWidth || h < minHeight
				if got := strings.Contains(out, "window too small"); w >= 16 && got != small {
					t.Fatalf("%s at %dx%d: \"window too small\" shown=%v", st.name, w, h, got)
				}
			}
		}
	}
}
