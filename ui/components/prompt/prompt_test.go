package prompt

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/rapportcrm/rapport/model"
)

// friday is 2026-11-20 at 10:00: yesterday is Thursday the 19th.
var friday = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Now: func() time.Time { return friday }, DateOrder: model.MonthFirst}
}

// keys sends each key (a name or text typed rune by rune) and renders the
// prompt after every one, as the program does; it returns the last frame
// and the command of the confirm, if one came.
func keys(t *testing.T, p *Snooze, w int, ks ...string) (frame string, confirmed bool) {
	t.Helper()
	send := func(msg tea.KeyMsg) {
		_, done := p.Update(msg, DefaultKeyMap(), func(model.Day, string, string) tea.Cmd { return nil })
		if done && msg.Type == tea.KeyEnter {
			confirmed = true
		}
		frame = strings.Join(p.View(w), "\n")
	}
	for _, k := range ks {
		switch k {
		case "enter":
			send(tea.KeyMsg{Type: tea.KeyEnter})
		case "tab":
			send(tea.KeyMsg{Type: tea.KeyTab})
		case "ctrl+u":
			send(tea.KeyMsg{Type: tea.KeyCtrlU})
		default:
			for _, r := range k {
				send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
		}
	}
	return frame, confirmed
}

// Issue 21 item 14: the preview of a day the snooze would refuse says so,
// and why, before enter.
func TestSnoozePreviewRefusesThePast(t *testing.T) {
	p := NewSnooze(testOptions(), "Snooze to:", false)
	p.Title = "Send quote"
	frame, _ := keys(t, p, 100, "yesterday")
	plain := ansi.Strip(frame)
	if strings.Contains(plain, "→") {
		t.Fatalf("a refused day is previewed as accepted:\n%s", plain)
	}
	if !strings.Contains(plain, "✗ Thu 2026-11-19 (yesterday) is in the past: pick today or later") {
		t.Fatalf("the preview does not say the day is refused and why:\n%s", plain)
	}
	if _, ok := keys(t, p, 100, "enter"); ok {
		t.Fatal("a past day was confirmed")
	}
	// Today and later preview as before and confirm.
	frame, _ = keys(t, p, 100, "ctrl+u", "today")
	if plain := ansi.Strip(frame); !strings.Contains(plain, "→ Fri 2026-11-20 (today)") {
		t.Fatalf("today is not previewed:\n%s", plain)
	}
	if _, ok := keys(t, p, 100, "enter"); !ok {
		t.Fatal("today was not confirmed")
	}
}

// Issue 21 item 8: in the two-field snooze prompt, › marks the field with
// the keyboard, and the cursor shows, without colour.
func TestSnoozeFocusShowsWithoutColour(t *testing.T) {
	// As under NO_COLOR: the default renderer draws no colour or attribute.
	lipgloss.SetColorProfile(termenv.Ascii)
	p := NewSnooze(testOptions(), "Snooze until:", true)
	p.Title = "Renewal"
	frame, _ := keys(t, p, 80, "fri")
	lines := strings.Split(ansi.Strip(frame), "\n")
	if !strings.HasPrefix(lines[1], "› Snooze until: fri█") || !strings.HasPrefix(lines[2], "  Reason: ") {
		t.Fatalf("the date field should be marked:\n%s", strings.Join(lines, "\n"))
	}
	frame, _ = keys(t, p, 80, "tab")
	lines = strings.Split(ansi.Strip(frame), "\n")
	if !strings.HasPrefix(lines[1], "  Snooze until: fri") || !strings.HasPrefix(lines[2], "› Reason: █e.g. why it can wait") {
		t.Fatalf("the reason field should be marked:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 80 {
			t.Fatalf("line %q is wider than 80", l)
		}
	}
}
