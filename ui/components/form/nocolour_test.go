package form

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/rapportcrm/rapport/model"
)

// Issue 21 item 8: without colour the cursor of a notes box (a bubbles
// textarea) is a character of its own, at the end of the text and inside
// it, and the box still fits its width.
func TestNotesCursorShowsWithoutColour(t *testing.T) {
	// As under NO_COLOR: the default renderer draws no colour or attribute.
	lipgloss.SetColorProfile(termenv.Ascii)
	f := InteractionForm(model.Interaction{CustomerID: 1, Score: -1}, testOptions())
	f.SetSize(60, 20)
	f, _ = press(t, f, "shift+tab", "text:Call back")
	if f.Focused() != "body" {
		t.Fatalf("focus on %q, want the notes box", f.Focused())
	}
	details := func() string {
		for _, l := range strings.Split(ansi.Strip(f.View()), "\n") {
			if ansi.StringWidth(l) > 60 {
				t.Fatalf("line %q is wider than 60", l)
			}
			if strings.Contains(l, "Details") {
				return l
			}
		}
		t.Fatalf("no Details line:\n%s", ansi.Strip(f.View()))
		return ""
	}
	if got := details(); !strings.Contains(got, "Call back█") {
		t.Fatalf("cursor at the end of the notes: %q", got)
	}
	f, _ = press(t, f, "left", "left")
	if got := details(); !strings.Contains(got, "Call ba▌ck") {
		t.Fatalf("cursor inside the notes: %q", got)
	}
	// Blurred, the box shows the text alone.
	f, _ = press(t, f, "tab")
	if got := details(); strings.ContainsAny(got, "▌█") || !strings.Contains(got, "Call back") {
		t.Fatalf("blurred notes: %q", got)
	}
	// Typed before "ck", a long line wraps inside the box, the cursor included.
	f, _ = press(t, f, "shift+tab", "text:"+strings.Repeat("word ", 20))
	for _, l := range strings.Split(ansi.Strip(f.View()), "\n") {
		if ansi.StringWidth(l) > 60 {
			t.Fatalf("line %q is wider than 60", l)
		}
	}
	if !strings.Contains(ansi.Strip(f.View()), "word ▌ck") {
		t.Fatalf("no cursor after wrapping:\n%s", ansi.Strip(f.View()))
	}
}
