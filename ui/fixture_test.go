package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
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
	return newTestAppIn(t, d, w, h, nil)
}

// newTestAppIn is newTestApp speaking p's language (nil: English).
func newTestAppIn(t testing.TB, d *db.DB, w, h int, p *i18n.Printer) *App {
	t.Helper()
	a, err := NewApp(context.Background(), d, Options{Width: w, Height: h, NoWatch: true, Debounce: time.Millisecond, Printer: p})
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

// drainWithin is drain waiting up to patience for each command; every
// message goes to m, which is rendered after it, as the program does.
func drainWithin(t testing.TB, m tea.Model, cmd tea.Cmd, patience time.Duration) bool {
	t.Helper()
	return screentest.Pump(t, cmd, patience, func(msg tea.Msg) tea.Cmd {
		var next tea.Cmd
		m, next = m.Update(msg)
		m.View() // so a View that changes state cannot hide from the test
		return next
	})
}

// cmdPatience is how long drain waits for one command: the filter's
// debounce tick fits, the one-second poll and the midnight tick do not.
const cmdPatience = screentest.Patience

// runWithin is screentest.Run: a command, given up on after d.
func runWithin(c tea.Cmd, d time.Duration) (tea.Msg, bool) { return screentest.Run(c, d) }

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

// keyMsgs is screentest.KeyMsgs: a key name or text as terminal messages.
func keyMsgs(k string) []tea.KeyMsg { return screentest.KeyMsgs(k) }

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
