// Package filterbar is the one filter input of the list screens (Customers
// and Pipeline): `/` opens it on the filter in force, typing runs the
// filter after a pause (debounced), enter keeps what was typed, esc clears
// it, and esc on the list clears a kept filter. Which of its keys work is
// decided when its state changes, never while drawing.
package filterbar

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
	"github.com/rapportcrm/rapport/ui/components/textline"
)

// charLimit bounds what a filter may hold.
const charLimit = 200

// KeyMap is the filter's keys. Open and Clear work on the list (the screen
// matches them and calls Open and Clear); Apply and Cancel while typing.
type KeyMap struct {
	Open   key.Binding // `/`: type a filter
	Clear  key.Binding // esc on the list: drop the kept filter (enabled while one is kept)
	Apply  key.Binding // enter while typing: keep the filter
	Cancel key.Binding // esc while typing: clear the filter and stop typing
}

// DefaultKeyMap returns the filter's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Open:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", i18n.N("filter"))),
		Clear:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("clear filter"))),
		Apply:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("keep filter"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.N("clear"))),
	}
}

// Styles are the filter line's looks.
type Styles struct {
	Prompt  lipgloss.Style // "/ "
	Text    lipgloss.Style // the kept filter
	Hint    lipgloss.Style // the hint and the placeholder
	Problem lipgloss.Style // what the filter could not read
}

// Options configure New.
type Options struct {
	// ID tells this filter's ticks from another's.
	ID string
	// Placeholder is shown in the empty input; Hint on the list when no
	// filter is kept.
	Placeholder, Hint string
	// Debounce is how long typing must pause before the filter runs.
	Debounce time.Duration
	Styles   Styles
	// P says the bar's words in the reader's language (nil:
	// English): Placeholder and Hint are catalog keys.
	P *i18n.Printer
}

// TickMsg fires Debounce after a keystroke; only the newest one of its
// filter runs it. Produced by Update; the screen hands it back to Update.
type TickMsg struct {
	ID  string
	Seq int
}

// Model is the filter: the text being typed and the filter in force.
type Model struct {
	Keys     KeyMap
	opts     Options
	input    textinput.Model
	typing   bool
	query    string
	problems []error
	seq      int
}

// New builds an empty filter.
func New(o Options) Model {
	in := textinput.New()
	in.Prompt = "/ "
	o.Placeholder, o.Hint = o.P.T(o.Placeholder), o.P.T(o.Hint)
	in.Placeholder = o.Placeholder
	in.CharLimit = charLimit
	in.Cursor.SetMode(cursor.CursorStatic)
	in.PromptStyle = o.Styles.Prompt
	in.TextStyle = o.Styles.Text
	in.PlaceholderStyle = o.Styles.Hint
	m := Model{Keys: DefaultKeyMap(), opts: o, input: in}
	m.syncKeys()
	return m
}

// Typing is true while the input has the keyboard.
func (m Model) Typing() bool { return m.typing }

// Query is the filter in force (what the rows answer).
func (m Model) Query() string { return m.query }

// Problems are the parts of the filter that could not be read.
func (m Model) Problems() []error { return m.problems }

// ShortHelp is the footer's help while typing.
func (m Model) ShortHelp() []key.Binding { return []key.Binding{m.Keys.Apply, m.Keys.Cancel} }

// Open starts typing, on the filter in force.
func (m *Model) Open() tea.Cmd {
	m.typing = true
	m.input.SetValue(m.query)
	m.input.CursorEnd()
	cmd := m.input.Focus()
	m.syncKeys()
	return cmd
}

// Clear drops the filter in force. It reports whether the query changed.
func (m *Model) Clear() bool { return m.SetQuery("") }

// SetQuery puts q in force as if it had been typed and kept. It reports
// whether the query changed.
func (m *Model) SetQuery(q string) bool {
	m.input.SetValue(q)
	changed := m.set(q)
	m.syncKeys()
	return changed
}

// Update handles a key while typing and the filter's own tick. changed
// reports that Query changed: the screen then loads its rows again.
func (m *Model) Update(msg tea.Msg) (cmd tea.Cmd, changed bool) {
	defer m.syncKeys()
	switch msg := msg.(type) {
	case TickMsg:
		if msg.ID != m.opts.ID || msg.Seq != m.seq || !m.typing {
			return nil, false
		}
		return nil, m.set(m.input.Value())
	case tea.KeyMsg:
		if !m.typing {
			return nil, false
		}
		switch {
		case key.Matches(msg, m.Keys.Cancel):
			m.stop()
			m.input.SetValue("")
			return nil, m.set("")
		case key.Matches(msg, m.Keys.Apply):
			m.stop()
			return nil, m.set(m.input.Value())
		}
		before := m.input.Value()
		m.input, cmd = m.input.Update(msg)
		if m.input.Value() == before {
			return cmd, false
		}
		m.seq++
		tick := TickMsg{ID: m.opts.ID, Seq: m.seq}
		return tea.Batch(cmd, tea.Tick(m.opts.Debounce, func(time.Time) tea.Msg { return tick })), false
	}
	if m.typing {
		m.input, cmd = m.input.Update(msg)
	}
	return cmd, false
}

func (m *Model) stop() {
	m.typing = false
	m.input.Blur()
}

// set puts q in force; it reports whether that changed anything.
func (m *Model) set(q string) bool {
	if q == m.query {
		return false
	}
	m.query = q
	m.problems = model.ParseFilter(q).Problems
	return true
}

// syncKeys keeps the help true: esc on the list clears only a kept filter.
func (m *Model) syncKeys() { m.Keys.Clear.SetEnabled(!m.typing && m.query != "") }

// View is the filter line's left part in at most w cells: the input while
// typing, else the kept filter and what it could not read, else the hint.
func (m Model) View(w int) string {
	st := m.opts.Styles
	var out string
	switch {
	case m.typing:
		in := m.input
		in.Prompt = ""
		line := textline.Styles{Text: st.Text, Placeholder: st.Hint, Prefix: textline.PrefixIn(m.opts.P)}
		// What the typed text cannot be read as shows while typing, so a
		// mistyped tier:Z is seen before it empties the list.
		hint := ""
		if probs := model.ParseFilter(in.Value()).Problems; len(probs) > 0 {
			hint = "  ? " + m.sayProblems(probs)
		}
		room := max(1, w-ansi.StringWidth(m.input.Prompt)-ansi.StringWidth(hint))
		out = st.Prompt.Render(m.input.Prompt) + textline.View(in, room, line) + st.Problem.Render(hint)
	case m.query != "":
		out = st.Prompt.Render("/ ") + st.Text.Render(model.Sanitize(m.query))
	default:
		out = st.Hint.Render(m.opts.Hint)
	}
	if len(m.problems) > 0 && !m.typing {
		out += st.Problem.Render("  ? " + m.sayProblems(m.problems))
	}
	return out
}

// sayProblems joins what the filter could not read, in the reader's
// language: each problem is the word as typed and a hint on what to use
// (model.ParseFilter's catalog errors).
func (m Model) sayProblems(probs []error) string {
	p := m.opts.P
	out := make([]string, len(probs))
	for i, pr := range probs {
		out[i] = p.Err(pr)
	}
	return strings.Join(out, p.T("; "))
}
