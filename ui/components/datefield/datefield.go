// Package datefield is a one-line date input for rapport's forms and
// prompts: a text input whose value is parsed with model.ParseWhen as the
// user types, with the parsed date ("Fri 2026-11-27 (in 4 days)") or the
// parse error shown beside it. Nothing is accepted until it parses.
package datefield

import (
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/components/textline"
)

// Styles are the field's looks; the caller builds them once.
type Styles struct {
	Label   lipgloss.Style
	Preview lipgloss.Style
	Error   lipgloss.Style
	// Line is the look of the text input.
	Line textline.Styles
}

// Model is a date field. Use New; the zero value is not usable.
type Model struct {
	input  textinput.Model
	label  string
	now    func() time.Time
	order  model.DateOrder
	mode   model.DateMode
	styles Styles
	width  int

	when    model.When
	err     error
	preview string
	// noPast refuses a day before today (a snooze never goes back).
	noPast bool
	// p says the field's words (nil: English).
	p *i18n.Printer
}

// minInputWidth is the fewest cells the text input takes; it grows with
// what is typed (and the placeholder while focused) up to the width given.
const minInputWidth = 14

// New returns a blurred, empty date field. now is the clock the dates are
// relative to; mode says whether a bare weekday lies ahead (due dates) or
// behind (when something happened).
func New(label string, now func() time.Time, order model.DateOrder, mode model.DateMode, st Styles) Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = i18n.N("tomorrow, fri, +3d, 12/01, 明天")
	in.CharLimit = 64
	in.Width = minInputWidth
	in.Cursor.SetMode(cursor.CursorStatic)
	m := Model{input: in, label: label, now: now, order: order, mode: mode, styles: st}
	m.parse()
	return m
}

// SetPrinter makes the field speak p's language: its placeholder, the
// preview of the date and why a text is not one (nil: English).
func (m *Model) SetPrinter(p *i18n.Printer) {
	m.p = p
	m.input.Placeholder = p.T("tomorrow, fri, +3d, 12/01, 明天")
	m.styles.Line.Prefix = textline.PrefixIn(p)
	m.parse()
	m.fit()
}

// SetValue replaces the text and parses it.
func (m *Model) SetValue(s string) {
	m.input.SetValue(s)
	m.input.CursorEnd()
	m.parse()
	m.fit()
}

// RefusePast makes a day before today an error, shown as the user types
// (a snooze date must be today or later), instead of a preview that the
// confirm then refuses.
func (m *Model) RefusePast() {
	m.noPast = true
	m.parse()
}

// Value returns the text as typed.
func (m Model) Value() string { return m.input.Value() }

// When returns the parsed date, or the error that says what to type instead.
// An empty field is an error ("type a date").
func (m Model) When() (model.When, error) { return m.when, m.err }

// Err returns the current parse error (nil when the text is a date).
func (m Model) Err() error { return m.err }

// Preview returns the parsed date described relative to today, "" when the
// text is not a date.
func (m Model) Preview() string { return m.preview }

// Focus gives the field the keyboard.
func (m *Model) Focus() tea.Cmd {
	cmd := m.input.Focus()
	m.fit()
	return cmd
}

// Blur takes the keyboard away.
func (m *Model) Blur() {
	m.input.Blur()
	m.fit()
}

// Focused reports whether the field has the keyboard.
func (m Model) Focused() bool { return m.input.Focused() }

// SetWidth sets the total width View may use.
func (m *Model) SetWidth(w int) {
	m.width = w
	m.fit()
}

// fit sizes the text input to its content: every typed cell and the cursor
// show (nothing scrolls off while there is room), within the width left
// of the label.
func (m *Model) fit() {
	need := ansi.StringWidth(textline.Settle(m.input.Value())) + 1 // and the cursor
	if m.input.Focused() && m.input.Value() == "" {
		need = ansi.StringWidth(m.styles.Line.Prefix+m.input.Placeholder) + 1
		if m.styles.Line.Prefix == "" {
			need += ansi.StringWidth(textline.PlaceholderPrefix)
		}
	}
	w := max(need, minInputWidth)
	if m.width > 0 {
		avail := m.width - 1 // the … when the preview is cut
		if m.label != "" {
			avail -= ansi.StringWidth(m.label) + 1
		}
		w = min(w, max(avail, 1))
	}
	m.input.Width = w
	m.input.SetCursor(m.input.Position()) // scroll again for the new width
}

// Update handles key presses while focused and re-parses after each.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	before := m.input.Value()
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.parse()
	}
	m.fit()
	return m, cmd
}

func (m *Model) parse() {
	s := strings.TrimSpace(m.input.Value())
	if s == "" {
		m.when, m.preview = model.When{}, ""
		m.err = emptyError{}
		return
	}
	now := m.now()
	w, err := model.ParseWhen(s, now, m.order, m.mode)
	if err != nil {
		m.when, m.preview, m.err = model.When{}, "", err
		return
	}
	today := model.DayOf(now)
	if m.noPast && w.Day < today {
		m.when, m.preview = model.When{}, ""
		m.err = PastError{Desc: w.DescribeIn(m.p, today)}
		return
	}
	m.when, m.err = w, nil
	m.preview = w.DescribeIn(m.p, today)
}

// PastError is the error of a day before today in a field that refuses
// the past (RefusePast): it names the day it read and what to pick instead.
type PastError struct {
	// Desc is the day as the preview would have shown it.
	Desc string
}

func (e PastError) Error() string {
	return e.Desc + " is in the past: pick today or later"
}

// Problem is why the text is not a date, in the field's language ("" when
// it is one).
func (m Model) Problem() string {
	var past PastError
	switch {
	case m.err == nil:
		return ""
	case errors.As(m.err, &past):
		return m.p.T("%s is in the past: pick today or later", past.Desc)
	case isEmpty(m.err):
		return m.p.T("type a date: today, tomorrow, fri, +3d, 2026-12-01, 12/01, 明天")
	}
	return m.p.Err(m.err)
}

// emptyError is the error of an empty field: View shows nothing for it.
type emptyError struct{}

func isEmpty(err error) bool {
	_, ok := err.(emptyError)
	return ok
}

func (emptyError) Error() string {
	return "type a date: today, tomorrow, fri, +3d, 2026-12-01, 12/01, 明天"
}

// View renders "label input  preview-or-error" on one line, never wider than
// the width given to SetWidth (the error is cut with …).
func (m Model) View() string {
	var b strings.Builder
	if m.label != "" {
		b.WriteString(m.styles.Label.Render(m.label))
		b.WriteString(" ")
	}
	b.WriteString(textline.View(m.input, m.input.Width, m.styles.Line))
	b.WriteString("  ")
	switch {
	case m.err == nil:
		b.WriteString(m.styles.Preview.Render("→ " + m.preview))
	case !isEmpty(m.err):
		b.WriteString(m.styles.Error.Render("✗ " + m.Problem()))
	}
	out := b.String()
	if m.width > 0 && ansi.StringWidth(out) > m.width {
		out = ansi.Truncate(out, m.width, "…")
	}
	return out
}
