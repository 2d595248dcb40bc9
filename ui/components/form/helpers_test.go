package form

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
)

// today is Monday 2026-11-23; the clock stands at 09:00.
var testNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{
		Now:       func() time.Time { return testNow },
		DateOrder: model.MonthFirst,
		Currency:  "CNY",
		Styles:    NewStyles(DefaultPalette()),
	}
}

// keyMsg turns a key name into the message the terminal would send.
func keyMsg(name string) tea.KeyMsg {
	switch name {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "alt+enter":
		return tea.KeyMsg{Type: tea.KeyEnter, Alt: true}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// press sends keys and returns the messages the form reported. A key of
// the form "text:abc" types abc one rune at a time.
func press(t *testing.T, m Model, keys ...string) (Model, []tea.Msg) {
	t.Helper()
	var msgs []tea.Msg
	send := func(k tea.KeyMsg) {
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		_ = m.View() // as the runtime does after every update (a notes box scrolls in View)
		if cmd != nil {
			if msg := cmd(); msg != nil {
				msgs = append(msgs, msg)
			}
		}
	}
	for _, k := range keys {
		if s, ok := strings.CutPrefix(k, "text:"); ok {
			for _, r := range s {
				send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
			continue
		}
		send(keyMsg(k))
	}
	return m, msgs
}

// submitted returns the values of the one SubmittedMsg in msgs.
func submitted(t *testing.T, msgs []tea.Msg) Values {
	t.Helper()
	for _, msg := range msgs {
		if s, ok := msg.(SubmittedMsg); ok {
			return s.Values
		}
	}
	t.Fatalf("no SubmittedMsg in %#v", msgs)
	return Values{}
}

func hasMsg[T any](msgs []tea.Msg) bool {
	for _, msg := range msgs {
		if _, ok := msg.(T); ok {
			return true
		}
	}
	return false
}
