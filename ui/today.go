package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// todaySectionLimit caps the rows each section loads; the counts stay whole
// and a "… N more" line says what is not shown. Acting on rows brings the
// next ones in.
const todaySectionLimit = 200

// todayOwner tags the Today screen's actions.
const todayOwner = "today"

type todayKind int

const (
	rowOverdue todayKind = iota
	rowDueToday
	rowAtRisk
	rowRotting
	rowTouch
)

// todayRow is one selectable row: a section and an index into it.
type todayRow struct {
	kind todayKind
	idx  int
}

// todayLine is one line of the screen: a section title or a row.
type todayLine struct {
	title string // set for a section title
	more  string // set for a "… N more" line
	row   int    // index into rows, when title and more are ""
}

// todayLoadedMsg is the result of loading the triage.
type todayLoadedMsg struct {
	Seq    int
	Triage db.Triage
	Err    error
}

type todayKeys struct {
	moveKeys
	Open     key.Binding
	Done     key.Binding
	Snooze   key.Binding
	SnoozeTo key.Binding
	Fold     key.Binding
	edit     editKeys
	prompt   promptKeys
}

// Today is the triage screen: overdue follow-ups, due today, at risk,
// rotting deals and due for a touch, one cursor across all rows.
type Today struct {
	c      *Common
	keys   todayKeys
	w, h   int
	tr     db.Triage
	loaded bool
	err    error
	seq    int
	rows   []todayRow
	lines  []todayLine
	cursor int
	top    int
	prompt *snoozePrompt
	// open lists the sections shown whole; the others show their first
	// rows when the whole triage does not fit, so every section is in view.
	open map[todayKind]bool
	// folding is set when the triage does not fit: space then folds.
	folding bool
}

// todayFoldRows is how many rows a folded section shows.
const todayFoldRows = 5

// NewToday builds the Today screen; Init loads it.
func NewToday(c *Common) *Today {
	t := &Today{c: c, keys: todayKeys{
		moveKeys: newMoveKeys(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Done:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "done")),
		Snooze:   key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "+1 day")),
		SnoozeTo: key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", "snooze to")),
		Fold:     key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "show all/fewer")),
		edit:     newEditKeys(false, false),
		prompt:   newPromptKeys(),
	}}
	t.layout()
	t.sync()
	return t
}

// Init loads the triage.
func (t *Today) Init() tea.Cmd { return t.load() }

func (t *Today) load() tea.Cmd {
	t.seq++
	seq, c := t.seq, t.c
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		tr, err := c.DB.Triage(ctx, todaySectionLimit)
		return todayLoadedMsg{Seq: seq, Triage: tr, Err: err}
	}
}

// SetSize gives the screen its area.
func (t *Today) SetSize(w, h int) {
	prev, had := t.selectedKey()
	t.w, t.h = w, h
	t.layout()
	if had {
		for i := range t.rows {
			if k, _ := t.rowKey(i); k == prev {
				t.cursor = i
				t.sync()
				return
			}
		}
	}
	t.cursor = clamp(t.cursor, 0, len(t.rows)-1)
	t.sync()
}

// InputFocused is true while the snooze prompt is open.
func (t *Today) InputFocused() bool { return t.prompt != nil }

// Mode reports a form while the prompt is open.
func (t *Today) Mode() Mode {
	if t.prompt != nil {
		return ModeForm
	}
	return ModeNormal
}

// ShortHelp is the footer's help. It only reads the key map: sync decided
// in Update which keys apply.
func (t *Today) ShortHelp() []key.Binding {
	if t.prompt != nil {
		return []key.Binding{t.keys.prompt.Confirm, t.keys.prompt.Cancel}
	}
	return []key.Binding{t.keys.Move, t.keys.Open, t.keys.Done, t.keys.Snooze, t.keys.SnoozeTo, t.keys.edit.Log, t.keys.edit.Follow, t.keys.edit.Edit}
}

// FullHelp is the `?` help: every key, also those that do not apply to
// the selected row (copies, enabled for the listing).
func (t *Today) FullHelp() [][]key.Binding {
	actions := []key.Binding{t.keys.Open, t.keys.Done, t.keys.Snooze, t.keys.SnoozeTo, t.keys.Fold}
	for i := range actions {
		actions[i].SetEnabled(true)
	}
	// The edit keys share the actions' column so the global keys still fit at 80.
	return [][]key.Binding{t.keys.bindings(), append(actions, t.keys.edit.full()...)}
}

// sync decides which keys apply and where the view scrolls; Update and
// SetSize end with it. x only on a follow-up, z/Z on a follow-up or
// rotting deal, space when sections are folded.
func (t *Today) sync() {
	r, ok := t.selected()
	fu := ok && (r.kind == rowOverdue || r.kind == rowDueToday)
	t.keys.enable(len(t.rows))
	t.keys.Done.SetEnabled(fu)
	t.keys.Snooze.SetEnabled(fu || ok && r.kind == rowRotting)
	t.keys.SnoozeTo.SetEnabled(fu || ok && r.kind == rowRotting)
	t.keys.Open.SetEnabled(ok)
	t.keys.Fold.SetEnabled(ok && t.folding)
	sel, ok := t.selection()
	t.keys.edit.enable(sel, ok)
	t.scroll()
}

// scroll keeps the cursor's line in view; the first row also shows its
// section title.
func (t *Today) scroll() {
	h := t.h
	if t.prompt != nil {
		h -= t.prompt.lines()
	}
	cur := 0
	for i, l := range t.lines {
		if l.title == "" && l.more == "" && l.row == t.cursor {
			cur = i
			break
		}
	}
	if t.cursor == 0 {
		cur = 0
	}
	t.top = scrollTo(t.top, cur, h, len(t.lines))
}

// selection is what the selected row gives the edit keys: its customer,
// and the follow-up, deal or customer that e edits and D archives.
func (t *Today) selection() (selection, bool) {
	r, ok := t.selected()
	if !ok {
		return selection{}, false
	}
	sel := selection{CustomerID: t.customerOf(r), Kind: kindCustomer}
	sel.ItemID = sel.CustomerID
	switch r.kind {
	case rowOverdue, rowDueToday:
		f, _ := t.followup(r)
		sel.Customer, sel.Kind, sel.ItemID, sel.Label = f.Customer, kindFollowup, f.FollowupID, f.Title
	case rowAtRisk:
		sel.Customer = t.tr.AtRisk[r.idx].Customer
	case rowRotting:
		d := t.tr.Rotting[r.idx]
		sel.Customer, sel.Kind, sel.ItemID, sel.Label = d.Customer, kindDeal, d.DealID, d.Title
	case rowTouch:
		sel.Customer = t.tr.TouchDue[r.idx].Customer
	}
	if sel.Kind == kindCustomer {
		sel.Label = sel.Customer
	}
	return sel, true
}

func (t *Today) selected() (todayRow, bool) {
	if t.cursor < 0 || t.cursor >= len(t.rows) {
		return todayRow{}, false
	}
	return t.rows[t.cursor], true
}

// Update handles keys, loads and action results, then decides which keys
// apply in the state it left.
func (t *Today) Update(msg tea.Msg) (Screen, tea.Cmd) {
	cmd := t.update(msg)
	t.sync()
	return t, cmd
}

func (t *Today) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case todayLoadedMsg:
		if msg.Seq != t.seq {
			return nil
		}
		t.applyLoad(msg)
		return nil
	case reloadMsg:
		return t.load()
	case actedMsg:
		if msg.Owner != todayOwner {
			return nil
		}
		return tea.Batch(actedResult(msg), t.load())
	case tea.KeyMsg:
		return t.handleKey(msg)
	}
	if t.prompt != nil {
		cmd, _ := t.prompt.update(msg, t.keys.prompt, nil)
		return cmd
	}
	return nil
}

func (t *Today) applyLoad(msg todayLoadedMsg) {
	t.err = msg.Err
	if msg.Err != nil {
		return
	}
	prev, had := t.selectedKey()
	t.tr, t.loaded = msg.Triage, true
	t.layout()
	if had {
		for i := range t.rows {
			if k, _ := t.rowKey(i); k == prev {
				t.cursor = i
				return
			}
		}
	}
	t.cursor = clamp(t.cursor, 0, len(t.rows)-1)
}

// rowKey identifies a row across reloads (kind and the id it stands for).
func (t *Today) rowKey(i int) (string, bool) {
	if i < 0 || i >= len(t.rows) {
		return "", false
	}
	r := t.rows[i]
	var id int64
	switch r.kind {
	case rowOverdue:
		id = t.tr.Overdue[r.idx].FollowupID
	case rowDueToday:
		id = t.tr.DueToday[r.idx].FollowupID
	case rowAtRisk:
		id = t.tr.AtRisk[r.idx].CustomerID
	case rowRotting:
		id = t.tr.Rotting[r.idx].DealID
	case rowTouch:
		id = t.tr.TouchDue[r.idx].CustomerID
	}
	return fmt.Sprintf("%d:%d", r.kind, id), true
}

func (t *Today) selectedKey() (string, bool) { return t.rowKey(t.cursor) }

// layout rebuilds the rows and lines from the loaded triage.
func (t *Today) layout() {
	t.rows, t.lines = t.rows[:0], t.lines[:0]
	c := t.tr.Counts
	sections := []struct {
		title string
		kind  todayKind
		n     int
		total int
	}{
		{"Overdue follow-ups", rowOverdue, len(t.tr.Overdue), c.Overdue},
		{"Due today", rowDueToday, len(t.tr.DueToday), c.DueToday},
		{"At risk", rowAtRisk, len(t.tr.AtRisk), c.AtRisk},
		{"Rotting deals", rowRotting, len(t.tr.Rotting), c.Rotting},
		{"Due for a touch", rowTouch, len(t.tr.TouchDue), c.TouchDue},
	}
	// When everything does not fit, sections not opened with space show
	// their first rows, so the whole triage is in view at once.
	lines := 0
	for _, s := range sections {
		lines += 1 + s.n
		if s.total > s.n {
			lines++
		}
	}
	fold := t.h > 0 && lines > t.h
	t.folding = fold
	for _, s := range sections {
		title := fmt.Sprintf("%s (%d)", s.title, s.total)
		if s.total == 0 {
			title = s.title + " · none"
		}
		t.lines = append(t.lines, todayLine{title: title})
		n := s.n
		if fold && !t.open[s.kind] && n > todayFoldRows {
			n = todayFoldRows
		}
		for i := 0; i < n; i++ {
			t.lines = append(t.lines, todayLine{row: len(t.rows)})
			t.rows = append(t.rows, todayRow{kind: s.kind, idx: i})
		}
		switch {
		case s.total > n && n < s.n:
			t.lines = append(t.lines, todayLine{more: fmt.Sprintf("… %d more · space shows them", s.total-n)})
		case s.total > n:
			t.lines = append(t.lines, todayLine{more: fmt.Sprintf("… %d more", s.total-n)})
		}
	}
}

// toggleFold opens or folds the section of the selected row.
func (t *Today) toggleFold() {
	r, ok := t.selected()
	if !ok {
		return
	}
	prev, _ := t.selectedKey()
	if t.open == nil {
		t.open = map[todayKind]bool{}
	}
	t.open[r.kind] = !t.open[r.kind]
	t.layout()
	for i := range t.rows {
		if k, _ := t.rowKey(i); k == prev {
			t.cursor = i
			return
		}
	}
	// The row was folded away: stay in its section.
	for i, row := range t.rows {
		if row.kind == r.kind {
			t.cursor = i
		}
	}
}

func (t *Today) handleKey(msg tea.KeyMsg) tea.Cmd {
	if t.prompt != nil {
		p := t.prompt
		cmd, done := p.update(msg, t.keys.prompt, func(day model.Day, hhmm, reason string) tea.Cmd {
			if p.dealID != 0 {
				return snoozeDealCmd(t.c, todayOwner, p.dealID, p.title, day, reason)
			}
			return snoozeFollowupCmd(t.c, todayOwner, p.followupID, p.title, day, hhmm)
		})
		if done {
			t.prompt = nil
		}
		return cmd
	}
	if cur, ok := t.keys.move(msg, t.cursor, len(t.rows), t.h-1); ok {
		t.cursor = cur
		return nil
	}
	sel, selOK := t.selection()
	if cmd, ok := t.keys.edit.editKey(msg, sel, selOK, todayOwner); ok {
		return cmd
	}
	r, ok := t.selected()
	if !ok {
		return nil
	}
	f, isFollowup := t.followup(r)
	switch {
	case key.Matches(msg, t.keys.Fold):
		t.toggleFold()
		return nil
	case key.Matches(msg, t.keys.Open):
		return openCustomer(t.customerOf(r))
	case key.Matches(msg, t.keys.Done):
		return completeFollowupCmd(t.c, todayOwner, f.FollowupID, f.Title)
	case key.Matches(msg, t.keys.Snooze) && isFollowup:
		return snoozeFollowupCmd(t.c, todayOwner, f.FollowupID, f.Title, t.c.Today().AddDays(1), f.DueTime)
	case key.Matches(msg, t.keys.SnoozeTo) && isFollowup:
		t.prompt = newSnoozePrompt(t.c, "Snooze to:", false)
		t.prompt.followupID, t.prompt.title, t.prompt.dueTime = f.FollowupID, f.Title, f.DueTime
		return nil
	case key.Matches(msg, t.keys.Snooze, t.keys.SnoozeTo):
		return t.openDealPrompt(r) // enabled on a rotting deal
	}
	return t.disabledReason(msg)
}

// disabledReason is the hint for a key that does not apply to the row.
func (t *Today) disabledReason(msg tea.KeyMsg) tea.Cmd {
	switch {
	case disabledKey(msg, t.keys.Done):
		return status("x marks a follow-up done: select one in the first two sections")
	case disabledKey(msg, t.keys.Snooze):
		return status("z snoozes a follow-up or a rotting deal")
	case disabledKey(msg, t.keys.SnoozeTo):
		return status("Z snoozes a follow-up or a rotting deal to a date")
	case disabledKey(msg, t.keys.Fold):
		return status("Every section is shown whole: space folds them when they do not fit")
	}
	return nil
}

func (t *Today) openDealPrompt(r todayRow) tea.Cmd {
	d := t.tr.Rotting[r.idx]
	t.prompt = newSnoozePrompt(t.c, "Snooze until:", true)
	t.prompt.dealID, t.prompt.title = d.DealID, d.Title
	return nil
}

func (t *Today) followup(r todayRow) (db.FollowupItem, bool) {
	switch r.kind {
	case rowOverdue:
		return t.tr.Overdue[r.idx], true
	case rowDueToday:
		return t.tr.DueToday[r.idx], true
	}
	return db.FollowupItem{}, false
}

func (t *Today) customerOf(r todayRow) int64 {
	switch r.kind {
	case rowOverdue:
		return t.tr.Overdue[r.idx].CustomerID
	case rowDueToday:
		return t.tr.DueToday[r.idx].CustomerID
	case rowAtRisk:
		return t.tr.AtRisk[r.idx].CustomerID
	case rowRotting:
		return t.tr.Rotting[r.idx].CustomerID
	}
	return t.tr.TouchDue[r.idx].CustomerID
}

// View draws the visible part of the sections.
func (t *Today) View() string {
	s := t.c.Styles
	switch {
	case t.err != nil:
		return frame([]string{s.App.StatusError.Render(errorText(t.err))}, t.w, t.h)
	case !t.loaded:
		return frame([]string{s.Table.Loading.Render("Loading today's triage…")}, t.w, t.h)
	}
	h := t.h
	var promptLines []string
	if t.prompt != nil {
		promptLines = t.prompt.view(s, t.w)
		h -= len(promptLines)
	}
	out := make([]string, 0, t.h)
	for i := t.top; i < len(t.lines) && len(out) < h; i++ {
		l := t.lines[i]
		switch {
		case l.title != "":
			out = append(out, s.Section.Title.Render(truncate(l.title, t.w)))
		case l.more != "":
			out = append(out, s.Section.Empty.Render(truncate("  "+l.more, t.w)))
		default:
			out = append(out, t.rowView(l.row))
		}
	}
	for len(out) < h {
		out = append(out, "")
	}
	out = append(out, promptLines...)
	return frame(out, t.w, t.h)
}

// rowView renders row i: marker, flag, a fixed label column, the customer
// and the rest (title, reason, deal).
func (t *Today) rowView(i int) string {
	s := t.c.Styles
	r := t.rows[i]
	var flag, label, who, rest string
	var st lipgloss.Style
	switch r.kind {
	case rowOverdue:
		f := t.tr.Overdue[r.idx]
		flag, label, who, rest, st = markOverdue, fmt.Sprintf("%dd overdue", f.DaysOverdue), f.Customer, f.Title, s.Item.Overdue
		if f.DaysOverdue == 0 {
			label = "overdue " + f.DueTime
		}
	case rowDueToday:
		f := t.tr.DueToday[r.idx]
		flag, label, who, rest, st = "·", strings.TrimSpace("today "+f.DueTime), f.Customer, f.Title, s.Item.Today
	case rowAtRisk:
		a := t.tr.AtRisk[r.idx]
		flag, label, who, st = markAtRisk, fmt.Sprintf("risk %d", a.Score), a.Customer, s.RiskStyle(a.Level)
		if len(a.Reasons) > 0 {
			rest = topReason(a.Reasons).Text
		}
	case rowRotting:
		d := t.tr.Rotting[r.idx]
		flag, label, who, st = markOverdue, fmt.Sprintf("%dd stuck", d.DaysInStage), d.Customer, s.Item.Rotting
		rest = fmt.Sprintf("%q in %s · %s", clean(d.Title), clean(d.Stage), moneyShort(d.ValueMinor, d.Currency))
	case rowTouch:
		c := t.tr.TouchDue[r.idx]
		flag, label, who, st = string(c.Tier), fmt.Sprintf("%dd/%dd", c.DaysSinceContact, c.CadenceDays), c.Customer, s.Item.Dim
		rest = fmt.Sprintf("no contact for %d d (every %d d for tier %s)", c.DaysSinceContact, c.CadenceDays, c.Tier)
	}
	// Column widths: the label fits "120d overdue"; the customer gets a
	// quarter of the line, and the rest what remains.
	const labelW = 12
	whoW := clamp(t.w/4, 8, 28)
	mark := "  "
	if i == t.cursor {
		mark = markSelected + " "
	}
	restW := t.w - 2 - 2 - labelW - 1 - whoW - 1
	if i == t.cursor {
		line := mark + flag + " " + cell(label, labelW) + " " + cell(clean(who), whoW) + " " + cell(clean(rest), max(0, restW))
		return s.Table.Selected.Render(truncate(line, t.w))
	}
	line := mark + st.Render(flag+" "+cell(label, labelW)) + " " + s.Item.Name.Render(cell(clean(who), whoW)) + " " + truncate(clean(rest), max(0, restW))
	return line
}

// topReason is the reason with the most points (the first on a tie).
func topReason(rs []model.Reason) model.Reason {
	best := rs[0]
	for _, r := range rs[1:] {
		if r.Points > best.Points {
			best = r
		}
	}
	return best
}

// openCustomer asks the root to open a customer.
func openCustomer(id int64) tea.Cmd {
	return func() tea.Msg { return openCustomerMsg{ID: id} }
}

// status asks the root to show a hint in the footer.
func status(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{Text: text} }
}
