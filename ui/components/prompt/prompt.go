// Package prompt is the snooze prompt at the bottom of a screen: a date
// (read by components/datefield, in the book's date order) and, for a deal,
// a reason. While it is open the screen's input has focus.
package prompt

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/components/datefield"
	"github.com/rapportcrm/rapport/ui/components/textline"
)

// Snooze asks for a date (and, for a deal, a reason) at the bottom of a
// screen.
type Snooze struct {
	date       datefield.Model
	reason     textinput.Model
	needReason bool
	onReason   bool // the reason field has focus
	err        string
	styles     Styles
	today      func() model.Day
	// What is being snoozed (the screen's; Title is shown).
	FollowupID int64
	DealID     int64
	Title      string
	DueTime    string
	// p says the prompt's words (nil: English).
	p *i18n.Printer
}

// KeyMap is the prompt's own keys (shown in help while it is open).
type KeyMap struct {
	Confirm key.Binding
	Cancel  key.Binding
}

// DefaultKeyMap returns the prompt's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("confirm"))),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("cancel"))),
	}
}

// Styles are the prompt's looks.
type Styles struct {
	Title     lipgloss.Style // "Snooze …"
	Error     lipgloss.Style // what was wrong with the answer
	DateField datefield.Styles
	Line      textline.Styles // the reason input
}

// Options are the clock and date order dates are read with, and the looks.
type Options struct {
	Now       func() time.Time
	DateOrder model.DateOrder
	Styles    Styles
	// P says the prompt's words in the reader's language (nil:
	// English); the label given to NewSnooze is a catalog key.
	P *i18n.Printer
}

// NewSnooze opens the prompt with its date field focused.
func NewSnooze(o Options, label string, needReason bool) *Snooze {
	p := &Snooze{
		date:       datefield.New(o.P.T(label), o.Now, o.DateOrder, model.Future, o.Styles.DateField),
		needReason: needReason,
		p:          o.P,
		styles:     o.Styles,
		today:      func() model.Day { return model.DayOf(o.Now()) },
	}
	p.date.SetPrinter(o.P)
	p.date.RefusePast()
	p.date.Focus()
	if needReason {
		p.reason = textinput.New()
		p.styles.Line.Prefix = textline.PrefixIn(o.P)
		p.reason.Prompt = o.P.T("Reason: ")
		p.reason.Placeholder = o.P.T("why it can wait")
		p.reason.CharLimit = model.MaxShortLen
		p.reason.Cursor.SetMode(cursor.CursorStatic)
	}
	return p
}

// Focus gives the date field the keyboard.
func (p *Snooze) Focus() tea.Cmd { return p.date.Focus() }

// Lines is the prompt's height in the screen.
func (p *Snooze) Lines() int {
	if p.needReason {
		return 3
	}
	return 2
}

// Update handles a key. It returns a command to run once the prompt is
// confirmed (via confirm) and whether the prompt is finished.
func (p *Snooze) Update(msg tea.Msg, keys KeyMap, confirm func(day model.Day, hhmm, reason string) tea.Cmd) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, keys.Cancel):
			return nil, true
		case key.Matches(k, keys.Confirm):
			w, err := p.date.When()
			if err != nil {
				p.err = p.date.Problem()
				p.onReason = false
				p.reason.Blur()
				return p.date.Focus(), false
			}
			if w.Day < p.today() { // RefusePast catches it; a clock that moved on may not
				p.err = p.p.T("that date is in the past: pick today or later")
				return nil, false
			}
			if p.needReason && !p.onReason {
				p.onReason = true
				p.date.Blur()
				return p.reason.Focus(), false
			}
			reason := strings.TrimSpace(p.reason.Value())
			if p.needReason && reason == "" {
				p.err = p.p.T("say why the deal can wait")
				return nil, false
			}
			hhmm := w.HHMM()
			if hhmm == "" {
				hhmm = p.DueTime
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

// View draws the prompt in w cells, Lines lines; it sizes copies of its
// inputs, so drawing changes nothing.
func (p *Snooze) View(w int) []string {
	date := p.date
	out := []string{p.styles.Title.Render(truncate(p.p.T("Snooze %s", model.Sanitize(p.Title)), w))}
	if !p.needReason {
		date.SetWidth(w)
		return p.withError(append(out, date.View()), w)
	}
	// Two fields: › marks the one with the keyboard (it reads without colour).
	date.SetWidth(max(w-markerWidth, 1))
	reason := p.reason
	rw := max(1, w-markerWidth-ansi.StringWidth(reason.Prompt))
	out = append(out, marker(!p.onReason)+date.View(),
		marker(p.onReason)+reason.PromptStyle.Render(reason.Prompt)+textline.View(noPrompt(reason), rw, p.styles.Line))
	return p.withError(out, w)
}

// markerWidth is the width of "› " before each field of a two-field prompt.
const markerWidth = 2

func marker(focused bool) string {
	if focused {
		return "› "
	}
	return "  "
}

func noPrompt(in textinput.Model) textinput.Model {
	in.Prompt = ""
	return in
}

// withError puts the last error in place of the title line.
func (p *Snooze) withError(out []string, w int) []string {
	if p.err != "" {
		out[0] = p.styles.Error.Render(truncate(p.err, w))
	}
	return out
}

// truncate cuts s to w cells, ending with … when something was cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}
