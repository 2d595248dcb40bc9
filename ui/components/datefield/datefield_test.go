package datefield

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
)

var monday = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func typed(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return m
}

func TestPreviewAndErrorsAsYouType(t *testing.T) {
	m := New("Due:", func() time.Time { return monday }, model.MonthFirst, model.Future, Styles{})
	m.Focus()
	if _, err := m.When(); err == nil {
		t.Fatal("an empty field parsed")
	}
	if v := ansi.Strip(m.View()); strings.Contains(v, "✗") {
		t.Fatalf("an empty field shows an error: %q", v)
	}
	cases := []struct {
		in, preview string
		day         string
	}{
		{"fri", "Fri 2026-11-27 (in 4 days)", "2026-11-27"},
		{"明天", "Tue 2026-11-24 (tomorrow)", "2026-11-24"},
		{"+3d 14:30", "Thu 2026-11-26 (in 3 days) 14:30", "2026-11-26"},
		{"12/01", "Tue 2026-12-01 (in 8 days)", "2026-12-01"},
	}
	for _, tc := range cases {
		m.SetValue("")
		m = typed(m, tc.in)
		w, err := m.When()
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if w.Day.String() != tc.day || m.Preview() != tc.preview {
			t.Fatalf("%q: day %s preview %q", tc.in, w.Day, m.Preview())
		}
		if v := ansi.Strip(m.View()); !strings.Contains(v, tc.preview) || !strings.HasPrefix(v, "Due: ") {
			t.Fatalf("%q: view %q", tc.in, v)
		}
	}
	m.SetValue("")
	m = typed(m, "someday")
	if _, err := m.When(); err == nil {
		t.Fatal("someday parsed")
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, `✗ "someday" is not a date`) || !strings.Contains(v, "try today") {
		t.Fatalf("error not beside the field: %q", v)
	}
	// Backspace re-parses.
	m.SetValue("fri")
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	if _, err := m.When(); err == nil {
		t.Fatal(`"fr" parsed`)
	}
}

func TestViewFitsTheWidth(t *testing.T) {
	m := New("Snooze to:", func() time.Time { return monday }, model.MonthFirst, model.Future, Styles{})
	m.Focus()
	m = typed(m, "not a date at all")
	for w := 1; w < 120; w++ {
		m.SetWidth(w)
		if n := ansi.StringWidth(m.View()); n > w {
			t.Fatalf("width %d: view is %d wide", w, n)
		}
	}
}

func TestBlurredFieldIgnoresKeys(t *testing.T) {
	m := New("", func() time.Time { return monday }, model.MonthFirst, model.Future, Styles{})
	m = typed(m, "fri")
	if m.Value() != "" || m.Focused() {
		t.Fatalf("a blurred field took %q", m.Value())
	}
}

// Issue 21 item 10: what was typed shows whole, focused or not, when the
// line has room ("yesterday 15:00" lost its y; a stored date lost its 20).
func TestFieldShowsAllItHolds(t *testing.T) {
	m := New("Due:", func() time.Time { return monday }, model.MonthFirst, model.Past, Styles{})
	m.SetWidth(80)
	m.Focus()
	m = typed(m, "yesterday 15:00")
	if v := ansi.Strip(m.View()); !strings.HasPrefix(v, "Due: yesterday 15:00") {
		t.Fatalf("typed text scrolled off: %q", v)
	}
	m.Blur()
	m.SetValue("2026-11-19 15:00")
	if v := ansi.Strip(m.View()); !strings.HasPrefix(v, "Due: 2026-11-19 15:00") {
		t.Fatalf("a blurred date is cut: %q", v)
	}
	// Narrow: it still fits, and the end (where the cursor is) shows.
	m.Focus()
	m.SetWidth(16)
	if v := ansi.Strip(m.View()); ansi.StringWidth(v) > 16 || !strings.Contains(v, "15:00") {
		t.Fatalf("narrow view %q", v)
	}
}
