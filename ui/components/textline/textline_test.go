package textline

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func input(value string, focused bool) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = "Send quote"
	in.SetValue(value)
	in.CursorEnd()
	if focused {
		in.Focus()
	} else {
		in.Blur()
	}
	return in
}

// Issue 21 item 8: without colour the placeholder, the cursor and the text
// still read apart.
func TestWithoutColourNothingIsLost(t *testing.T) {
	st := Styles{}
	if got := render(input("", true), 30, st, true); !strings.HasPrefix(got, "█e.g. Send quote") {
		t.Fatalf("placeholder %q: it must not read as a value", got)
	}
	if got := render(input("", false), 30, st, true); strings.TrimSpace(got) != "" {
		t.Fatalf("a blurred empty field shows %q", got)
	}
	if got := render(input("Call", true), 10, st, true); got != "Call█     " {
		t.Fatalf("cursor at the end %q", got)
	}
	in := input("Call", true)
	in.SetCursor(1)
	if got := render(in, 10, st, true); got != "C▌all     " {
		t.Fatalf("cursor inside %q", got)
	}
}

// Issue 21 item 9: an input measures and scrolls by cluster, as the
// terminal draws them.
func TestClustersAreWholeAndWidthsExact(t *testing.T) {
	for _, name := range []string{"Amy 👍🏽 Lee", "👨‍👩‍👧 family", "I ❤️ tea", "王芳👍🏽❤️👨‍👩‍👧"} {
		for w := 1; w < 16; w++ {
			for _, focused := range []bool{true, false} {
				in := input(name, focused)
				for pos := 0; pos <= len([]rune(name)); pos++ {
					in.SetCursor(pos)
					got := render(in, w, Styles{}, true)
					if n := ansi.StringWidth(got); n != w {
						t.Fatalf("%q w=%d pos=%d focused=%v: %q is %d wide", name, w, pos, focused, got, n)
					}
					for _, frag := range []string{"\u200d", "\ufe0f", "\U0001f3fd", "\U0001f3fb"} {
						if strings.HasPrefix(strings.TrimLeft(got, "▌█"), frag) {
							t.Fatalf("%q w=%d pos=%d: a cluster was split: %q", name, w, pos, got)
						}
					}
					if !strings.Contains(name, "👨‍👩‍👧") || strings.Contains(got, "👨") == strings.Contains(got, "👨‍👩‍👧") {
						continue
					}
					t.Fatalf("%q w=%d: the family was split: %q", name, w, got)
				}
			}
		}
	}
	// Typing a cluster rune by rune ends with it whole.
	in := input("", true)
	for _, r := range "👍🏽" {
		in, _ = in.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	if got := render(in, 6, Styles{}, true); got != "👍█   " {
		t.Fatalf("typed cluster %q", got)
	}
}
