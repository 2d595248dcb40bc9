package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/components/datefield"
)

// snoozePrompt asks for a date (and, for a deal, a reason) at the bottom of
// a screen. While it is open the screen's input has focus.
type snoozePrompt struct {
	date       datefield.Model
	reason     textinput.Model
	needReason bool
	onReason   bool // the reason field has focus
	err        string
	// What is being snoozed.
	followupID int64
	dealID     int64
	title      string
	dueTime    string
	today      func() model.Day
}

// promptKeys are the prompt's own keys (shown in help while it is open).
type promptKeys struct {
	Confirm key.Binding
	Cancel  key.Binding
}

func newPromptKeys() promptKeys {
	return promptKeys{
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

func newSnoozePrompt(c *Common, label string, needReason bool) *snoozePrompt {
	p := &snoozePrompt{
		date:       datefield.New(label, c.Now, c.DateOrder, model.Future, c.Styles.DateField),
		needReason: needReason,
		today:      c.Today,
	}
	p.date.Focus()
	if needReason {
		p.reason = textinput.New()
		p.reason.Prompt = "Reason: "
		p.reason.Placeholder = "why it can wait"
		p.reason.CharLimit = model.MaxShortLen
		p.reason.Cursor.SetMode(cursor.CursorStatic)
	}
	return p
}

// lines is the prompt's height in the screen.
func (p *snoozePrompt) lines() int {
	if p.needReason {
		return 3
	}
	return 2
}

// update handles a key. It returns a command to run once the prompt is
// confirmed (via confirm) and whether the prompt is finished.
func (p *snoozePrompt) update(msg tea.Msg, keys promptKeys, confirm func(day model.Day, hhmm, reason string) tea.Cmd) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, keys.Cancel):
			return nil, true
		case key.Matches(k, keys.Confirm):
			w, err := p.date.When()
			if err != nil {
				p.err = err.Error()
				p.onReason = false
				p.reason.Blur()
				return p.date.Focus(), false
			}
			if w.Day < p.today() {
				p.err = "that date is in the past: pick today or later"
				return nil, false
			}
			if p.needReason && !p.onReason {
				p.onReason = true
				p.date.Blur()
				return p.reason.Focus(), false
			}
			reason := strings.TrimSpace(p.reason.Value())
			if p.needReason && reason == "" {
				p.err = "say why the deal can wait"
				return nil, false
			}
			hhmm := w.HHMM()
			if hhmm == "" {
				hhmm = p.dueTime
			}
			return confirm(w.Day, hhmm, reason), true
		case k.String() == "tab" || k.String() == "shift+tab":
			if p.needReason {
				p.onReason = !p.onReason
				if p.onReason {
					p.date.Blur()
					return p.reason.Focus(), false
				}
				p.reason.Blur()
				return p.date.Focus(), false
			}
			return nil, false
		}
	}
	p.err = ""
	var cmd tea.Cmd
	if p.onReason {
		p.reason, cmd = p.reason.Update(msg)
	} else {
		p.date, cmd = p.date.Update(msg)
	}
	return cmd, false
}

// view draws the prompt in w cells; it sizes copies of its inputs, so
// drawing changes nothing.
func (p *snoozePrompt) view(s *Styles, w int) []string {
	date := p.date
	date.SetWidth(w)
	out := []string{s.Section.Title.Render(truncate("Snooze "+p.title, w)), date.View()}
	if p.needReason {
		reason := p.reason
		reason.Width = max(1, w-len(reason.Prompt)-1)
		out = append(out, reason.View())
	}
	if p.err != "" {
		out[0] = s.Item.Overdue.Render(truncate(p.err, w))
	}
	return out
}
