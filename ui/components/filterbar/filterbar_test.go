package filterbar

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func keys(s string) []tea.KeyMsg {
	switch s {
	case "esc":
		return []tea.KeyMsg{{Type: tea.KeyEsc}}
	case "enter":
		return []tea.KeyMsg{{Type: tea.KeyEnter}}
	}
	var out []tea.KeyMsg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// typeIn sends keys, drawing after each one as the program does, and
// reports whether the query changed on the way.
func typeIn(m *Model, ks ...string) (changed bool) {
	for _, k := range ks {
		for _, msg := range keys(k) {
			_, c := m.Update(msg)
			changed = changed || c
			m.View(40)
		}
	}
	return changed
}

func TestEscWhileTypingClearsAndLeaves(t *testing.T) {
	m := New(Options{ID: "x", Hint: "/ filter", Debounce: time.Millisecond})
	m.Open()
	if typeIn(&m, "acme") {
		t.Fatal("typing put the filter in force before the pause")
	}
	if typeIn(&m, "esc"); m.Typing() || m.Query() != "" {
		t.Fatalf("esc: typing %v, query %q", m.Typing(), m.Query())
	}
	if got := ansi.Strip(m.View(40)); got != "/ filter" {
		t.Fatalf("after esc the line shows %q", got)
	}
}

func TestEnterKeepsAndEscOnTheListClears(t *testing.T) {
	m := New(Options{ID: "x", Hint: "/ filter", Debounce: time.Millisecond})
	if m.Keys.Clear.Enabled() {
		t.Fatal("esc clears a filter before there is one")
	}
	m.Open()
	if !typeIn(&m, "tier:Z", "enter") || m.Typing() || m.Query() != "tier:Z" {
		t.Fatalf("enter: typing %v, query %q", m.Typing(), m.Query())
	}
	if !m.Keys.Clear.Enabled() {
		t.Fatal("a kept filter cannot be cleared")
	}
	if len(m.Problems()) == 0 || ansi.Strip(m.View(80)) == "/ tier:Z" {
		t.Fatalf("the unread tier is not shown: %q", ansi.Strip(m.View(80)))
	}
	if !m.Clear() || m.Query() != "" || m.Keys.Clear.Enabled() {
		t.Fatalf("clear: query %q, esc enabled %v", m.Query(), m.Keys.Clear.Enabled())
	}
}

func TestOnlyTheNewestTickRunsTheFilter(t *testing.T) {
	m := New(Options{ID: "x", Debounce: time.Millisecond})
	m.Open()
	typeIn(&m, "ab")
	if _, changed := m.Update(TickMsg{ID: "x", Seq: 1}); changed {
		t.Fatal("the tick of the first key ran the filter")
	}
	if _, changed := m.Update(TickMsg{ID: "other", Seq: 2}); changed {
		t.Fatal("another filter's tick ran this one")
	}
	if _, changed := m.Update(TickMsg{ID: "x", Seq: 2}); !changed || m.Query() != "ab" || !m.Typing() {
		t.Fatalf("the newest tick: query %q, typing %v", m.Query(), m.Typing())
	}
}

// TestBadWordsShowWhileTyping: tier:Z shows its hint as it is typed, not
// only after enter (issue 21, 12).
func TestBadWordsShowWhileTyping(t *testing.T) {
	m := New(Options{ID: "t", Hint: "/ filter"})
	m.Open()
	for _, r := range "acme tier:Z" {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	if !m.Typing() {
		t.Fatal("not typing")
	}
	out := ansi.Strip(m.View(80))
	if !strings.Contains(out, "? tier:z (use tier:A, tier:B or tier:C)") {
		t.Fatalf("no hint while typing: %q", out)
	}
	if w := ansi.StringWidth(out); w > 80 {
		t.Fatalf("line %d wide", w)
	}
}
