package reports

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/textline"
)

// periodPrompt is the one-line prompt `P` opens at the bottom of the
// screen: a period as the command line takes it (2026-01..2026-06,
// 2026-03, 45d). A period db.ParsePeriod refuses shows its message and
// keeps the prompt open; esc leaves it.
type periodPrompt struct {
	in  textinput.Model
	err error
}

// periodKeys are the prompt's keys (shown in help while it is open).
type periodKeys struct {
	Apply, Cancel key.Binding
}

func newPeriodKeys() periodKeys {
	return periodKeys{
		Apply:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("show this period"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("cancel"))),
	}
}

// openPeriod opens the prompt with the period shown now as its text.
func (s *Model) openPeriod() tea.Cmd {
	in := textinput.New()
	in.Prompt = ""
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Placeholder = textline.PlaceholderPrefix + "2026-01..2026-06"
	in.CharLimit = 40
	in.SetValue(s.periodLabel())
	in.CursorEnd()
	s.prompt = &periodPrompt{in: in}
	s.render()
	return s.prompt.in.Focus()
}

// periodKey handles a key while the prompt is open.
func (s *Model) periodKey(msg tea.KeyMsg) tea.Cmd {
	p := s.prompt
	switch {
	case key.Matches(msg, s.pkeys.Cancel):
		s.prompt = nil
		s.render()
		return nil
	case key.Matches(msg, s.pkeys.Apply):
		text := p.in.Value()
		if _, err := db.ParsePeriod(text, s.c.Today()); err != nil {
			p.err = err
			return nil
		}
		s.custom, s.prompt = text, nil
		s.render()
		return s.load()
	}
	var cmd tea.Cmd
	p.in, cmd = p.in.Update(msg)
	p.err = nil
	return cmd
}

// promptLines is the height the prompt takes under the body: its input
// line, and the refusal above it when there is one.
func (s *Model) promptLines() int {
	switch {
	case s.prompt == nil:
		return 0
	case s.prompt.err != nil:
		return 2
	}
	return 1
}

// promptView draws the prompt in the screen's width.
func (s *Model) promptView() []string {
	st := s.c.Styles
	var out []string
	if s.prompt.err != nil {
		out = append(out, st.App.StatusError.Render(common.Truncate(s.c.ErrorText(s.prompt.err), s.w)))
	}
	label := s.c.P.T("Period (YYYY-MM..YYYY-MM, YYYY-MM or 45d): ")
	room := max(1, s.w-common.Width(label))
	in := s.prompt.in
	in.Width = room - 1
	line := textline.Styles{Text: st.Filter.Text, Placeholder: st.Filter.Hint}
	out = append(out, common.Truncate(st.Filter.Prompt.Render(label)+textline.View(in, room, line), s.w))
	return out
}
