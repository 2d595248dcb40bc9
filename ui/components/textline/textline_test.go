package textline

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/textinput"
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
