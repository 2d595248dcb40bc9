package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// fixtureNow is the fixed "now" of the test books (testbook.Now).
var fixtureNow = testbook.Now()

// openBook, fixtureBook and pipelineBook are testbook's books.
func openBook(t testing.TB) (*db.DB, *testbook.Clock)     { return testbook.Open(t) }
func fixtureBook(t testing.TB) (*db.DB, testbook.Fixture) { return testbook.Book(t) }
func pipelineBook(t testing.TB) (*db.DB, testbook.Pipe)   { return testbook.Pipeline(t) }
func demoBook(t testing.TB, customers int) *db.DB         { return testbook.Demo(t, customers) }

// newTestApp builds the app over d at a size, with no file watching.
func newTestApp(t testing.TB, d *db.DB, w, h int) *App {
	t.Helper()
	a, err := NewApp(context.Background(), d, Options{Width: w, Height: h, NoWatch: true, Debounce: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	drain(t, a, a.Init())
	return a
}

// drain runs cmd and every command that follows from it, feeding each
// message to m, until nothing is left. It reports whether tea.Quit came.
func drain(t testing.TB, m tea.Model, cmd tea.Cmd) bool {
	t.Helper()
	return drainWithin(t, m, cmd, cmdPatience)
}

// drainWithin is drain waiting up to patience for each command.
func drainWithin(t testing.TB, m tea.Model, cmd tea.Cmd, patience time.Duration) bool {
	t.Helper()
	queue := []tea.Cmd{cmd}
	quit := false
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg, ok := runWithin(c, patience)
		if !ok {
			continue // a long tick (polling, midnight): not part of this step
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			quit = true
		default:
			var next tea.Cmd
			m, next = m.Update(msg)
			// Bubble Tea renders after every message: so does the test,
			// so a View that changes state cannot hide from it.
			m.View()
			queue = append(queue, next)
		}
	}
	return quit
}

// cmdPatience is how long drain waits for one command: the filter's
// debounce tick fits, the one-second poll and the midnight tick do not.
const cmdPatience = 700 * time.Millisecond

// runWithin runs a command, giving up after d (the command goes on in the
// background and its message is dropped).
func runWithin(c tea.Cmd, d time.Duration) (tea.Msg, bool) {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg, true
	case <-time.After(d):
		return nil, false
	}
}

// press sends keys to the app and runs what follows. Each argument is a
// key name ("enter", "esc", "tab", "ctrl+r", "down") or text typed rune by rune.
func press(t testing.TB, a *App, keys ...string) bool {
	t.Helper()
	quit := false
	for _, k := range keys {
		for _, msg := range keyMsgs(k) {
			_, cmd := a.Update(msg)
			a.View() // rendered between keys, as the real program does
			if drain(t, a, cmd) {
				quit = true
			}
		}
	}
	return quit
}

func keyMsgs(k string) []tea.KeyMsg {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"ctrl+r": tea.KeyCtrlR, "ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU,
		"down": tea.KeyDown, "up": tea.KeyUp, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "backspace": tea.KeyBackspace,
		"ctrl+s": tea.KeyCtrlS, "left": tea.KeyLeft, "right": tea.KeyRight, "ctrl+a": tea.KeyCtrlA, "ctrl+k": tea.KeyCtrlK,
	}
	if kt, ok := special[k]; ok {
		return []tea.KeyMsg{{Type: kt}}
	}
	var out []tea.KeyMsg
	for _, r := range k {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// plain renders the app's frame without ANSI.
func plain(a *App) string { return ansi.Strip(a.View()) }

func mustContain(t testing.TB, s, want string) {
	t.Helper()
	if !strings.Contains(s, want) {
		t.Fatalf("want %q in:\n%s", want, s)
	}
}

func mustNotContain(t testing.TB, s, unwanted string) {
	t.Helper()
	if strings.Contains(s, unwanted) {
		t.Fatalf("did not want %q in:\n%s", unwanted, s)
	}
}

// ansiFree strips ANSI from a string.
func ansiFree(s string) string { return ansi.Strip(s) }
