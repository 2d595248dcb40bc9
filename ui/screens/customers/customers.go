// Package customers is the Customers screen (SPEC §4): the table of the
// whole book, paged from SQL, filtered in SQL through components/filterbar.
package customers

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/filterbar"
	"github.com/rapportcrm/rapport/ui/components/importer"
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
	// Keep is the customer the cursor was on when the page was asked for
	// (a reload or a re-sort); Found says it is still in the list, at Index.
	Keep  int64
	Found bool
	Index int
	// Archived says a kept customer left the list by being archived or
	// restored (that command's own status line says so; no second note).
	Archived bool
	Err      error
}

type customersKeys struct {
	common.MoveKeys
	Open   key.Binding
	Sort   key.Binding
	Import key.Binding
	edit   common.EditKeys
}

// Model is the Customers screen: the table of the whole book. Only the visible rows are
// rendered; rows come from SQL a page at a time as the cursor moves, and the
// filter runs in SQL, debounced, with late answers dropped.
type Model struct {
	c    *common.Common
	keys customersKeys
	w, h int

	filter filterbar.Model // the filter the rows answer
	sort   int

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
	// selID and selName are the customer under the cursor, kept across
	// reloads and re-sorts so the cursor stays on the same person.
	selID   int64
	selName string
	// follow is a customer just added here: the reload that follows puts
	// the cursor on it.
	follow int64
	// imp is the import flow (I).
	imp *importer.Model
	// askedAt is the cursor when a reload that keeps selID was asked for:
	// moves made while it is on its way are replayed on the answer.
	askedAt int
}

// New builds the Customers screen; Init loads the first page.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: customersKeys{
		MoveKeys: common.NewMoveKeys(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("open"))),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", i18n.N("sort"))),
		Import:   key.NewBinding(key.WithKeys("I"), key.WithHelp("I", i18n.N("import a file"))),
		edit:     common.NewEditKeys(false, false),
	}}
	m.filter = filterbar.New(filterbar.Options{ID: "customers", Placeholder: c.P.T("name, #tag, tier:A, risk:at, stage:proposal"),
		Hint: c.P.T("/ filter · s sort"), Debounce: c.Debounce, Styles: c.Styles.FilterBar})
	m.imp = importer.New(c)
	m.syncKeys()
	return m
}

// Init loads the first page and the count.
func (m *Model) Init() tea.Cmd { return m.fetch(0, true, true) }

// SetSize gives the screen its area and picks the columns that fit.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.imp.SetWidth(w)
	m.cols = fitColumns(w)
	m.top = common.ScrollTo(m.top, m.cursor, m.rowsHeight(), m.total)
	m.syncKeys()
}

// rowsHeight is the number of table rows on screen (minus the filter line
// and the column header).
func (m *Model) rowsHeight() int { return max(0, m.h-2) }

// InputFocused is true while the filter is being typed.
func (m *Model) InputFocused() bool { return m.filter.Typing() || m.imp.Active() }

// Mode reports the filter mode while typing.
func (m *Model) Mode() common.Mode {
	if mode, ok := m.importMode(); ok {
		return mode
	}
	if m.filter.Typing() {
		return common.ModeFilter
	}
	return common.ModeNormal
}

// ShortHelp is the footer's help. It only reads the key map: syncKeys
// decided in Update which keys apply.
func (m *Model) ShortHelp() []key.Binding {
	if m.imp.Active() {
		return m.imp.ShortHelp()
	}
	if m.filter.Typing() {
		return m.filter.ShortHelp()
	}
	f := m.filter.Keys
	return []key.Binding{m.keys.Move, m.keys.Open, f.Open, m.keys.Sort, f.Clear, m.keys.edit.Add, m.keys.edit.Edit, m.keys.edit.Log, m.keys.edit.Restore}
}

// FullHelp is the `?` help: every key, also those that do not apply to
// the selected row (copies, enabled for the listing).
func (m *Model) FullHelp() [][]key.Binding {
	f := m.filter.Keys
	clear := f.Clear
	clear.SetEnabled(true)
	// The edit keys share the actions' column so the global keys still fit at 80.
	return [][]key.Binding{m.keys.Bindings(), append([]key.Binding{m.keys.Open, f.Open, f.Apply, m.keys.Sort, clear, m.keys.Import}, m.keys.edit.Full()...)}
}

// syncKeys decides which keys apply now; Update and SetSize end with it.
func (m *Model) syncKeys() {
	m.keys.Enable(m.total)
	sel, ok := m.Selection()
	m.keys.edit.EnableWithoutRow(m.totalKnown && m.total == 0 && !m.resetting && m.err == nil)
	m.keys.edit.Enable(sel, ok)
}

// Selection is the selected customer, for the edit keys. Nothing is
// selected while a new filter's answer is on its way.
func (m *Model) Selection() (common.Selection, bool) {
	if m.resetting {
		return common.Selection{}, false
	}
	r, ok := m.row(m.cursor)
	if !ok {
		return common.Selection{}, false
	}
	return common.Selection{CustomerID: r.ID, Customer: r.Name, Archived: r.Archived, Kind: common.KindCustomer, ItemID: r.ID, Label: r.Name}, true
}

// Query returns the filter text the rows answer (for tests).
func (m *Model) Query() string { return m.filter.Query() }

// Cursor returns the cursor's row index and the first visible row.
func (m *Model) Cursor() (cursor, top int) { return m.cursor, m.top }

// Total returns the number of customers the filter selects.
func (m *Model) Total() int { return m.total }

// fetch asks for a page starting at start; count also counts, reset moves
// the cursor to the top (at once, so moves made before the answer count
// from the top of the new list).
func (m *Model) fetch(start int, count, reset bool) tea.Cmd {
	m.seq++
	m.pending = true
	m.resetting = reset
	if reset {
		m.cursor, m.top = 0, 0
	}
	seq, c := m.seq, m.c
	q := db.CustomerQuery{Filter: model.ParseFilter(m.filter.Query()), Sort: db.Sorts()[m.sort], Tags: true, Offset: start, Limit: customersPage}
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
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

// fetchKeeping reloads the list (counted) keeping the cursor on customer
// id: the answer says where id is now, and the page around it comes with
// it. With no customer selected yet it is a plain reload.
func (m *Model) fetchKeeping(id int64) tea.Cmd {
	if id == 0 {
		return m.fetch(max(0, m.top-customersPage/4), true, false)
	}
	m.seq++
	m.pending = true
	m.askedAt = m.cursor
	seq, c, fallback := m.seq, m.c, max(0, m.top-customersPage/4)
	q := db.CustomerQuery{Filter: model.ParseFilter(m.filter.Query()), Sort: db.Sorts()[m.sort], Tags: true, Limit: customersPage}
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		msg := customersPageMsg{Seq: seq, Keep: id}
		if msg.Total, msg.Err = c.DB.CountCustomers(ctx, q); msg.Err != nil {
			return msg
		}
		if msg.Index, msg.Found, msg.Err = c.DB.CustomerIndex(ctx, q, id); msg.Err != nil {
			return msg
		}
		if !msg.Found {
			cu, err := c.DB.Customer(ctx, id)
			msg.Archived = err != nil || (cu.ArchivedAt != 0) != q.Filter.Archived
		}
		q.Offset = fallback
		if msg.Found {
			q.Offset = max(0, msg.Index-customersPage/4)
		}
		msg.Start = q.Offset
		msg.Rows, msg.Err = c.DB.ListCustomers(ctx, q)
		return msg
	}
}

// ensure fetches the page under the visible rows unless it is loaded or a
// request is on its way (its answer calls ensure again).
func (m *Model) ensure() tea.Cmd {
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

// Update handles keys, pages and the debounced filter, then decides which
// keys apply in the state it left and notes the customer under the cursor.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	cmd := m.update(msg)
	if r, ok := m.row(m.cursor); ok && !m.resetting {
		m.selID, m.selName = r.ID, r.Name
	}
	m.syncKeys()
	return cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case customersPageMsg:
		if msg.Seq != m.seq {
			return nil // a late answer to an older question
		}
		m.pending = false
		m.err = msg.Err
		if msg.Err != nil {
			return nil
		}
		if msg.Total >= 0 {
			m.total, m.totalKnown = msg.Total, true
		}
		m.start, m.rows = msg.Start, msg.Rows
		m.resetting = false
		var left tea.Cmd
		if msg.Keep != 0 {
			if msg.Found {
				// Where the customer is now, plus any move made meanwhile.
				m.cursor = msg.Index + m.cursor - m.askedAt
			} else if msg.Keep == m.selID && !msg.Archived {
				// The customer left the list (a change made it fail the
				// filter): the cursor keeps its row, and the user is told.
				left = common.StatusCmd(m.c.P.T("%s is no longer in this list", common.Clean(m.selName)))
			}
		}
		m.cursor = common.Clamp(m.cursor, 0, m.total-1)
		m.top = common.ScrollTo(m.top, m.cursor, m.rowsHeight(), m.total)
		if m.openPending {
			m.openPending = false
			if r, ok := m.row(m.cursor); ok {
				return tea.Batch(left, common.OpenCustomerCmd(r.ID))
			}
		}
		return tea.Batch(left, m.ensure())
	case filterbar.TickMsg:
		if _, changed := m.filter.Update(msg); changed {
			return m.applyFilter()
		}
		return nil
	case common.EditedMsg:
		if msg.Kind == common.KindCustomer {
			m.follow = msg.ID
		}
		return nil
	case common.ReloadMsg:
		if id := m.follow; id != 0 {
			m.follow = 0
			return m.fetchKeeping(id)
		}
		return m.fetchKeeping(m.selID)
	case tea.KeyMsg:
		if m.imp.Active() {
			return m.imp.Update(msg)
		}
		if m.filter.Typing() {
			cmd, changed := m.filter.Update(msg)
			if changed {
				return tea.Batch(cmd, m.applyFilter())
			}
			return cmd
		}
		return m.listKey(msg)
	}
	return m.importMsg(msg)
}

// applyFilter loads the first page for the filter now in force.
func (m *Model) applyFilter() tea.Cmd { return m.fetch(0, true, true) }

func (m *Model) listKey(msg tea.KeyMsg) tea.Cmd {
	if cur, ok := m.keys.Step(msg, m.cursor, m.total, m.rowsHeight()); ok {
		m.cursor = cur
		m.top = common.ScrollTo(m.top, m.cursor, m.rowsHeight(), m.total)
		return m.ensure()
	}
	sel, selOK := m.Selection()
	if cmd, ok := m.keys.edit.Handle(msg, sel, selOK); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, m.filter.Keys.Open):
		return m.filter.Open()
	case key.Matches(msg, m.keys.Import):
		return m.imp.Open()
	case key.Matches(msg, m.keys.Sort):
		m.sort = (m.sort + 1) % len(db.Sorts())
		return m.fetchKeeping(m.selID)
	case key.Matches(msg, m.filter.Keys.Clear):
		if m.filter.Clear() {
			return m.applyFilter()
		}
	case key.Matches(msg, m.keys.Open):
		if m.resetting {
			m.openPending = true
			return nil
		}
		if r, ok := m.row(m.cursor); ok {
			return common.OpenCustomerCmd(r.ID)
		}
	}
	return nil
}

// row returns the loaded row at index i.
func (m *Model) row(i int) (*db.CustomerRow, bool) {
	j := i - m.start
	if j < 0 || j >= len(m.rows) {
		return nil, false
	}
	return &m.rows[j], true
}

// View draws the filter line, the column header and the visible rows.
func (m *Model) View() string {
	s := m.c.Styles
	out := make([]string, 0, m.h)
	out = append(out, m.topLine())
	if m.imp.Active() {
		out = append(append(out, m.imp.Lines(m.w)...), "")
	}
	out = append(out, s.Table.Header.Render(m.headerLine()))
	switch {
	case m.err != nil:
		out = append(out, s.App.StatusError.Render(m.c.ErrorText(m.err)))
	case !m.totalKnown:
		out = append(out, s.Table.Loading.Render(m.c.P.T("Loading customers…")))
	case m.total == 0:
		if m.filter.Query() != "" {
			out = append(out, s.Section.Empty.Render(m.c.P.T("No customer matches this filter (esc clears it)")))
		} else {
			out = append(out, s.Section.Empty.Render(m.c.P.T("No customers yet: I imports a CSV or Excel file, a adds one")))
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
	return common.Frame(out, m.w, m.h)
}

func (m *Model) topLine() string {
	s := m.c.Styles
	right := m.c.P.T("%s · sort: %s", countText(m.c.P, m.cursor, m.total, m.totalKnown), sortText(m.c.P, db.Sorts()[m.sort]))
	// The input gets the room left of the counts.
	left := m.filter.View(m.w - common.Width(right) - 2)
	rw := common.Width(right)
	if m.w-rw-2 < 12 {
		return common.Truncate(left, m.w)
	}
	left = common.Truncate(left, m.w-rw-2)
	return left + strings.Repeat(" ", m.w-rw-common.Width(left)) + s.Filter.Hint.Render(right)
}

// sortText says a sort's name (db.SortRisk, …) in p's language.
func sortText(p *i18n.Printer, sort string) string {
	return i18n.Pick(p.T("risk|name|contact|next|value"), []string{db.SortRisk, db.SortName, db.SortContact, db.SortNext, db.SortValue}, sort)
}

func countText(p *i18n.Printer, cursor, total int, known bool) string {
	if !known {
		return "…"
	}
	if total == 0 {
		return p.T("0 customers")
	}
	return fmt.Sprintf("%d/%s", cursor+1, common.Thousands(total))
}

func (m *Model) headerLine() string {
	var b strings.Builder
	b.WriteString("  ")
	for i, c := range m.cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		if c.right {
			b.WriteString(common.CellRight(columnTitle(m.c.P, c.title), c.width))
		} else {
			b.WriteString(common.Cell(columnTitle(m.c.P, c.title), c.width))
		}
	}
	return b.String()
}

func (m *Model) rowLine(r *db.CustomerRow, selected bool, today model.Day) string {
	s := m.c.Styles
	var b strings.Builder
	if selected {
		b.WriteString(common.MarkSelected + " ")
	} else {
		b.WriteString("  ")
	}
	for i, c := range m.cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		text, st := c.render(r, today, s, m.c.P)
		if c.right {
			text = common.CellRight(text, c.width)
		} else {
			text = common.Cell(text, c.width)
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
