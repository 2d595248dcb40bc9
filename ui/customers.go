package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// customersPage is how many rows one SQL page fetches; a page covers several
// screens, so moving the cursor rarely waits for one.
const customersPage = 200

// customersPageMsg is one page of the list (and its total when counted).
type customersPageMsg struct {
	Seq   int
	Start int
	Rows  []db.CustomerRow
	Total int // -1 when not counted
	Reset bool
	Err   error
}

// filterTickMsg fires Common.Debounce after a keystroke; only the newest runs.
type filterTickMsg struct{ Seq int }

type customersKeys struct {
	moveKeys
	Open   key.Binding
	Filter key.Binding
	Sort   key.Binding
	Clear  key.Binding
	Apply  key.Binding
	edit   editKeys
}

// Customers is the table of the whole book. Only the visible rows are
// rendered; rows come from SQL a page at a time as the cursor moves, and the
// filter runs in SQL, debounced, with late answers dropped.
type Customers struct {
	c    *Common
	keys customersKeys
	w, h int

	input     textinput.Model
	filtering bool
	query     string // the filter the rows answer
	problems  []string
	sort      int
	filterSeq int

	seq        int // the newest request; older answers are dropped
	pending    bool
	total      int
	totalKnown bool
	start      int // index of rows[0]
	rows       []db.CustomerRow
	cursor     int
	top        int
	err        error
	cols       []column
	// resetting is true while the answer to a new filter or sort is on its
	// way: the rows on screen are the old ones. enter then waits for it
	// (openPending) instead of opening a customer of the old list.
	resetting   bool
	openPending bool
}

// NewCustomers builds the Customers screen; Init loads the first page.
func NewCustomers(c *Common) *Customers {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "name, #tag, tier:A, risk:at, stage:proposal"
	in.CharLimit = 200
	in.Cursor.SetMode(cursor.CursorStatic)
	in.PromptStyle = c.Styles.Filter.Prompt
	in.TextStyle = c.Styles.Filter.Text
	in.PlaceholderStyle = c.Styles.Filter.Hint
	return &Customers{c: c, input: in, keys: customersKeys{
		moveKeys: newMoveKeys(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Apply:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		edit:     newEditKeys(false, false),
	}}
}

// Init loads the first page and the count.
func (m *Customers) Init() tea.Cmd { return m.fetch(0, true, true) }

// SetSize gives the screen its area and picks the columns that fit.
func (m *Customers) SetSize(w, h int) {
	m.w, m.h = w, h
	m.cols = fitColumns(w)
	m.input.Width = max(1, w-4)
}

// rowsHeight is the number of table rows on screen (minus the filter line
// and the column header).
func (m *Customers) rowsHeight() int { return max(0, m.h-2) }

// InputFocused is true while the filter is being typed.
func (m *Customers) InputFocused() bool { return m.filtering }

// Mode reports the filter mode while typing.
func (m *Customers) Mode() Mode {
	if m.filtering {
		return ModeFilter
	}
	return ModeNormal
}

// ShortHelp is the footer's help.
func (m *Customers) ShortHelp() []key.Binding {
	if m.filtering {
		m.keys.Clear.SetHelp("esc", "clear")
		return []key.Binding{m.keys.Apply, m.keys.Clear}
	}
	m.keys.Clear.SetHelp("esc", "clear filter")
	m.keys.Clear.SetEnabled(m.query != "")
	sel, ok := m.selection()
	m.keys.edit.enable(sel, ok)
	return []key.Binding{m.keys.Move, m.keys.Open, m.keys.Filter, m.keys.Sort, m.keys.Clear, m.keys.edit.Add, m.keys.edit.Edit, m.keys.edit.Log, m.keys.edit.Restore}
}

// FullHelp is the `?` help.
func (m *Customers) FullHelp() [][]key.Binding {
	m.keys.Clear.SetEnabled(true)
	sel, ok := m.selection()
	m.keys.edit.enable(sel, ok)
	// The edit keys share the actions' column so the global keys still fit at 80.
	return [][]key.Binding{m.keys.bindings(), append([]key.Binding{m.keys.Open, m.keys.Filter, m.keys.Apply, m.keys.Sort, m.keys.Clear}, m.keys.edit.full()...)}
}

// selection is the selected customer, for the edit keys. Nothing is
// selected while a new filter's answer is on its way.
func (m *Customers) selection() (selection, bool) {
	if m.resetting {
		return selection{}, false
	}
	r, ok := m.row(m.cursor)
	if !ok {
		return selection{}, false
	}
	return selection{CustomerID: r.ID, Customer: r.Name, Archived: r.Archived, Kind: kindCustomer, ItemID: r.ID, Label: r.Name}, true
}

// Query returns the filter text the rows answer (for tests).
func (m *Customers) Query() string { return m.query }

// Cursor returns the cursor's row index and the first visible row.
func (m *Customers) Cursor() (cursor, top int) { return m.cursor, m.top }

// Total returns the number of customers the filter selects.
func (m *Customers) Total() int { return m.total }

// fetch asks for a page starting at start; count also counts, reset moves
// the cursor to the top when the answer arrives.
func (m *Customers) fetch(start int, count, reset bool) tea.Cmd {
	m.seq++
	m.pending = true
	m.resetting = reset
	seq, c := m.seq, m.c
	q := db.CustomerQuery{Filter: model.ParseFilter(m.query), Sort: db.Sorts()[m.sort], Offset: start, Limit: customersPage}
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		msg := customersPageMsg{Seq: seq, Start: start, Total: -1, Reset: reset}
		if count {
			if msg.Total, msg.Err = c.DB.CountCustomers(ctx, q); msg.Err != nil {
				return msg
			}
		}
		msg.Rows, msg.Err = c.DB.ListCustomers(ctx, q)
		return msg
	}
}

// ensure fetches the page under the visible rows unless it is loaded or a
// request is on its way (its answer calls ensure again).
func (m *Customers) ensure() tea.Cmd {
	if m.pending || !m.totalKnown {
		return nil
	}
	end := min(m.top+m.rowsHeight(), m.total)
	if m.top >= m.start && end <= m.start+len(m.rows) {
		return nil
	}
	// Start a quarter page above the window so moving up is covered too.
	return m.fetch(max(0, m.top-customersPage/4), false, false)
}

// Update handles keys, pages and the debounced filter.
func (m *Customers) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case customersPageMsg:
		if msg.Seq != m.seq {
			return m, nil // a late answer to an older question
		}
		m.pending = false
		m.err = msg.Err
		if msg.Err != nil {
			return m, nil
		}
		if msg.Total >= 0 {
			m.total, m.totalKnown = msg.Total, true
		}
		m.start, m.rows = msg.Start, msg.Rows
		m.resetting = false
		if msg.Reset {
			m.cursor, m.top = 0, 0
		}
		m.cursor = clamp(m.cursor, 0, m.total-1)
		m.top = scrollTo(m.top, m.cursor, m.rowsHeight(), m.total)
		if m.openPending {
			m.openPending = false
			if r, ok := m.row(m.cursor); ok {
				return m, openCustomer(r.ID)
			}
		}
		return m, m.ensure()
	case filterTickMsg:
		if msg.Seq != m.filterSeq || m.input.Value() == m.query {
			return m, nil
		}
		return m, m.applyFilter(m.input.Value())
	case reloadMsg:
		return m, m.fetch(max(0, m.top-customersPage/4), true, false)
	case tea.KeyMsg:
		if m.filtering {
			return m, m.filterKey(msg)
		}
		return m, m.listKey(msg)
	}
	return m, nil
}

func (m *Customers) applyFilter(q string) tea.Cmd {
	m.query = q
	m.problems = model.ParseFilter(q).Problems
	return m.fetch(0, true, true)
}

func (m *Customers) filterKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Clear):
		m.filtering = false
		m.input.Blur()
		m.input.SetValue("")
		if m.query == "" {
			return nil
		}
		return m.applyFilter("")
	case key.Matches(msg, m.keys.Apply):
		m.filtering = false
		m.input.Blur()
		if m.input.Value() != m.query {
			return m.applyFilter(m.input.Value())
		}
		return nil
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == before {
		return cmd
	}
	m.filterSeq++
	seq := m.filterSeq
	return tea.Batch(cmd, tea.Tick(m.c.Debounce, func(time.Time) tea.Msg { return filterTickMsg{Seq: seq} }))
}

func (m *Customers) listKey(msg tea.KeyMsg) tea.Cmd {
	if cur, ok := m.keys.move(msg, m.cursor, m.total, m.rowsHeight()); ok {
		m.cursor = cur
		m.top = scrollTo(m.top, m.cursor, m.rowsHeight(), m.total)
		return m.ensure()
	}
	sel, selOK := m.selection()
	if cmd, ok := m.keys.edit.editKey(msg, sel, selOK, "customers"); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, m.keys.Filter):
		m.filtering = true
		m.input.SetValue(m.query)
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(msg, m.keys.Sort):
		m.sort = (m.sort + 1) % len(db.Sorts())
		return m.fetch(0, true, true)
	case key.Matches(msg, m.keys.Clear):
		if m.query != "" {
			m.input.SetValue("")
			return m.applyFilter("")
		}
	case key.Matches(msg, m.keys.Open):
		if m.resetting {
			m.openPending = true
			return nil
		}
		if r, ok := m.row(m.cursor); ok {
			return openCustomer(r.ID)
		}
	}
	return nil
}

// row returns the loaded row at index i.
func (m *Customers) row(i int) (*db.CustomerRow, bool) {
	j := i - m.start
	if j < 0 || j >= len(m.rows) {
		return nil, false
	}
	return &m.rows[j], true
}

// View draws the filter line, the column header and the visible rows.
func (m *Customers) View() string {
	s := m.c.Styles
	out := make([]string, 0, m.h)
	out = append(out, m.topLine())
	out = append(out, s.Table.Header.Render(m.headerLine()))
	switch {
	case m.err != nil:
		out = append(out, s.App.StatusError.Render(errorText(m.err)))
	case !m.totalKnown:
		out = append(out, s.Table.Loading.Render("Loading customers…"))
	case m.total == 0:
		if m.query != "" {
			out = append(out, s.Section.Empty.Render("No customer matches this filter (esc clears it)"))
		} else {
			out = append(out, s.Section.Empty.Render("No customers yet: import some with rapport import csv FILE"))
		}
	}
	today := m.c.Today()
	for i := m.top; m.totalKnown && i < m.total && len(out) < m.h; i++ {
		r, ok := m.row(i)
		if !ok {
			out = append(out, s.Table.Loading.Render("  …"))
			continue
		}
		out = append(out, m.rowLine(r, i == m.cursor, today))
	}
	return frame(out, m.w, m.h)
}

func (m *Customers) topLine() string {
	s := m.c.Styles
	right := fmt.Sprintf("%s · sort: %s", countText(m.cursor, m.total, m.totalKnown), db.Sorts()[m.sort])
	var left string
	switch {
	case m.filtering:
		in := m.input // a copy sized to the room left of the counts
		in.Width = max(1, m.w-width(right)-2-width(in.Prompt)-1)
		left = in.View()
	case m.query != "":
		left = s.Filter.Prompt.Render("/ ") + s.Filter.Text.Render(clean(m.query))
	default:
		left = s.Filter.Hint.Render("/ filter · s sort")
	}
	if len(m.problems) > 0 && !m.filtering {
		left += s.Item.Overdue.Render("  ? " + strings.Join(m.problems, "; "))
	}
	rw := width(right)
	if m.w-rw-2 < 12 {
		return truncate(left, m.w)
	}
	left = truncate(left, m.w-rw-2)
	return left + strings.Repeat(" ", m.w-rw-width(left)) + s.Filter.Hint.Render(right)
}

func countText(cursor, total int, known bool) string {
	if !known {
		return "…"
	}
	if total == 0 {
		return "0 customers"
	}
	return fmt.Sprintf("%d/%s", cursor+1, thousands(total))
}

// thousands groups an integer: 100000 → "100,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (m *Customers) headerLine() string {
	var b strings.Builder
	b.WriteString("  ")
	for i, c := range m.cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		if c.right {
			b.WriteString(cellRight(c.title, c.width))
		} else {
			b.WriteString(cell(c.title, c.width))
		}
	}
	return b.String()
}

func (m *Customers) rowLine(r *db.CustomerRow, selected bool, today model.Day) string {
	s := m.c.Styles
	var b strings.Builder
	if selected {
		b.WriteString(markSelected + " ")
	} else {
		b.WriteString("  ")
	}
	for i, c := range m.cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		text, st := c.render(r, today, s)
		if c.right {
			text = cellRight(text, c.width)
		} else {
			text = cell(text, c.width)
		}
		if st != nil && !selected {
			text = st.Render(text)
		}
		b.WriteString(text)
	}
	if selected {
		return s.Table.Selected.Render(b.String())
	}
	return b.String()
}
