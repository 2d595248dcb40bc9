// Package screentest drives one screen the way the real program does: a
// key goes to the screen's Update, View renders after every message, the
// commands it returns run and their answers come back to it. What a screen
// asks of the root (a status line, opening a customer, a form, another
// screen) is recorded instead, so a screen's tests need no App.
package screentest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// Patience is how long Drain waits for one command: the filter's debounce
// tick fits; the app's one-second poll does not.
const Patience = 700 * time.Millisecond

// Screen is what the harness drives (ui.Screen without the help).
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
}

// Harness holds one screen and what it asked of the root.
type Harness struct {
	t testing.TB
	S Screen
	// What the root would have done.
	status    string
	statusErr bool
	Opened    []int64                 // OpenCustomerMsg ids
	Requests  []common.EditRequestMsg // forms and questions asked for
	Changed   []string                // ChangedMsg statuses: the screen wrote
	Switched  []common.ScreenID       // SwitchScreenMsg
	Backs     int                     // BackMsg
	// P says a status the screen asked for as a catalog message
	// (StatusMsg.Say), as the root would; nil is English.
	P *i18n.Printer
}

// Common builds the Common of d as the app does, with a 1 ms debounce, in
// English.
func Common(t testing.TB, d *db.DB) *common.Common {
	t.Helper()
	return CommonIn(t, d, nil)
}

// CommonIn is Common speaking p's language (i18n.New(i18n.Zh) for the
// Chinese screens; nil is English).
func CommonIn(t testing.TB, d *db.DB, p *i18n.Printer) *common.Common {
	t.Helper()
	c, err := common.New(context.Background(), d, common.DefaultTheme(), 5*time.Second, time.Millisecond, p)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// AppChrome is the lines the app's frame takes around a screen: the tab
// bar, the summary and the footer.
const AppChrome = 3

// InApp sizes s as the app would in a w×h terminal (the body under the
// tabs and summary, above the footer), runs its Init and waits for it.
func InApp(t testing.TB, s Screen, w, h int) *Harness {
	t.Helper()
	return New(t, s, w, h-AppChrome)
}

// New sizes s to w×h, runs its Init and waits for what that loads.
func New(t testing.TB, s Screen, w, h int) *Harness {
	t.Helper()
	hs := &Harness{t: t, S: s}
	s.SetSize(w, h)
	hs.Drain(s.Init())
	return hs
}

// Status is the footer line the screen asked for last ("" after a key
// that asked for none, as the root clears it on every key).
func (h *Harness) Status() string { return h.status }

// StatusErr reports whether the status is an error.
func (h *Harness) StatusErr() bool { return h.statusErr }

// Plain is the screen's view without ANSI.
func (h *Harness) Plain() string { return ansi.Strip(h.S.View()) }

// Press sends keys and runs what follows each. A key is a name ("enter",
// "esc", "tab", "ctrl+r", "down", "space", "shift+left") or text typed
// rune by rune.
func (h *Harness) Press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		for _, msg := range KeyMsgs(k) {
			h.status, h.statusErr = "", false
			h.Send(msg)
		}
	}
}

// Send hands one message to the screen, renders, and drains its command.
func (h *Harness) Send(msg tea.Msg) {
	h.t.Helper()
	cmd := h.S.Update(msg)
	h.S.View()
	h.Drain(cmd)
}

// Drain runs cmd and every command that follows from it; root messages are
// recorded, the rest go back to the screen (rendered after each).
func (h *Harness) Drain(cmd tea.Cmd) {
	h.t.Helper()
	Pump(h.t, cmd, Patience, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case common.StatusMsg:
			h.status, h.statusErr = msg.Text, msg.Err
			if msg.Say != nil {
				h.status = common.ErrorTextIn(h.P, msg.Say)
			}
		case common.ChangedMsg:
			h.status, h.statusErr = msg.Status, false
			h.Changed = append(h.Changed, msg.Status)
		case common.OpenCustomerMsg:
			h.Opened = append(h.Opened, msg.ID)
		case common.EditRequestMsg:
			h.Requests = append(h.Requests, msg)
		case common.SwitchScreenMsg:
			h.Switched = append(h.Switched, msg.ID)
		case common.BackMsg:
			h.Backs++
		default:
			next := h.S.Update(msg)
			h.S.View()
			return next
		}
		return nil
	})
}

// Pump runs cmd and every command that follows, as Bubble Tea does:
// batches are split, each other message goes to deliver (which renders, as
// the program does after every message) and its command joins the queue.
// A command that takes longer than patience is dropped (a long tick is
// not part of a test's step). It reports whether tea.Quit came.
func Pump(t testing.TB, cmd tea.Cmd, patience time.Duration, deliver func(tea.Msg) tea.Cmd) (quit bool) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg, ok := Run(c, patience)
		if !ok {
			continue
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			quit = true
		default:
			queue = append(queue, deliver(msg))
		}
	}
	return quit
}

// Open builds a screen with build over d's Common and opens it in the
// harness sized as the app would in a w×h terminal.
func Open[S Screen](t testing.TB, d *db.DB, w, h int, build func(*common.Common) S) (*Harness, S) {
	t.Helper()
	s := build(Common(t, d))
	return InApp(t, s, w, h), s
}

// Run runs a command, giving up after d (its message is then dropped: a
// long tick, polling or midnight, is not part of a test's step).
func Run(c tea.Cmd, d time.Duration) (tea.Msg, bool) {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg, true
	case <-time.After(d):
		return nil, false
	}
}

// KeyMsgs turns a key name, or text, into the messages a terminal sends.
func KeyMsgs(k string) []tea.KeyMsg {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"ctrl+r": tea.KeyCtrlR, "ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU,
		"down": tea.KeyDown, "up": tea.KeyUp, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "backspace": tea.KeyBackspace,
		"ctrl+s": tea.KeyCtrlS, "ctrl+e": tea.KeyCtrlE, "ctrl+n": tea.KeyCtrlN, "ctrl+p": tea.KeyCtrlP, "left": tea.KeyLeft, "right": tea.KeyRight, "ctrl+a": tea.KeyCtrlA, "ctrl+k": tea.KeyCtrlK,
		"shift+left": tea.KeyShiftLeft, "shift+right": tea.KeyShiftRight, "space": tea.KeySpace, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if kt, ok := special[k]; ok {
		msg := tea.KeyMsg{Type: kt}
		if kt == tea.KeySpace {
			msg.Runes = []rune{' '}
		}
		return []tea.KeyMsg{msg}
	}
	var out []tea.KeyMsg
	for _, r := range k {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// MustContain fails unless s holds want.
func MustContain(t testing.TB, s, want string) {
	t.Helper()
	if !strings.Contains(s, want) {
		t.Fatalf("want %q in:\n%s", want, s)
	}
}

// MustNotContain fails when s holds unwanted.
func MustNotContain(t testing.TB, s, unwanted string) {
	t.Helper()
	if strings.Contains(s, unwanted) {
		t.Fatalf("did not want %q in:\n%s", unwanted, s)
	}
}

// TrimRight drops trailing spaces of every line (snapshots compare what
// is written, not the padding) and ends with a newline.
func TrimRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// Fits reports how a frame breaks its w×h: not exactly h lines, or a line
// wider than w as lipgloss or go-runewidth (without East Asian widths)
// measures it. "" when it fits.
func Fits(out string, w, h int) string {
	narrow := &runewidth.Condition{EastAsianWidth: false}
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		return fmt.Sprintf("%d lines", len(lines))
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			return fmt.Sprintf("line %d is %d wide: %q", i, n, ansi.Strip(l))
		}
		if n := narrow.StringWidth(ansi.Strip(l)); n > w {
			return fmt.Sprintf("line %d is %d wide for go-runewidth: %q", i, n, ansi.Strip(l))
		}
	}
	return ""
}
