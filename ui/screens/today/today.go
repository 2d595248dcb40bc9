// Package today is the Today screen (SPEC §4): the triage of overdue
// follow-ups, due today, at risk, rotting deals and due for a touch, then
// Care (birthdays, anniversaries and holidays coming, issue 24), one
// cursor across all rows, with done, snooze and the edit keys (i logs the
// greeting, m writes it from a template).
package today

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/prompt"
)

// todaySectionLimit caps the rows each section loads; the counts stay whole
// and a "… N more" line says what is not shown. Acting on rows brings the
// next ones in.
const todaySectionLimit = 200

type todayKind int

const (
	rowOverdue todayKind = iota
	rowDueToday
	rowAtRisk
	rowRotting
	rowTouch
	rowCare
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
	Care   db.CareList
	Err    error
}

type todayKeys struct {
	common.MoveKeys
	Open     key.Binding
	Done     key.Binding
	Snooze   key.Binding
	SnoozeTo key.Binding
	Fold     key.Binding
	edit     common.EditKeys
	prompt   prompt.KeyMap
}

// Model is the Today screen, the triage: overdue follow-ups, due today, at risk,
// rotting deals and due for a touch, one cursor across all rows.
type Model struct {
	c      *common.Common
	keys   todayKeys
	w, h   int
	tr     db.Triage
	care   db.CareList // the Care section: birthdays, anniversaries, holidays
	loaded bool
	err    error
	seq    int
	rows   []todayRow
	lines  []todayLine
	cursor int
	top    int
	prompt *prompt.Snooze
	// open lists the sections shown whole; the others show their first
	// rows when the whole triage does not fit, so every section is in view.
	open map[todayKind]bool
	// folding is set when the triage does not fit: space then folds.
	folding bool
}

// todayFoldRows is how many rows a folded section shows.
const todayFoldRows = 5

// New builds the Today screen; Init loads it.
func New(c *common.Common) *Model {
	t := &Model{c: c, keys: todayKeys{
		MoveKeys: common.NewMoveKeys(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("open"))),
		Done:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", i18n.N("done"))),
		Snooze:   key.NewBinding(key.WithKeys("z"), key.WithHelp("z", i18n.N("a day later"))),
		SnoozeTo: key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", i18n.N("snooze to"))),
		Fold:     key.NewBinding(key.WithKeys(" "), key.WithHelp("space", i18n.N("show all/fewer"))),
		edit:     common.NewEditKeys(false, false),
		prompt:   prompt.DefaultKeyMap(),
	}}
	t.layout()
	t.sync()
	return t
}

// Init loads the triage.
func (t *Model) Init() tea.Cmd { return t.load() }

func (t *Model) load() tea.Cmd {
	t.seq++
	seq, c := t.seq, t.c
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		tr, err := c.DB.Triage(ctx, todaySectionLimit)
		if err != nil {
			return todayLoadedMsg{Seq: seq, Err: err}
		}
		care, err := c.DB.Care(ctx, todaySectionLimit)
		return todayLoadedMsg{Seq: seq, Triage: tr, Care: care, Err: err}
	}
}

// SetSize gives the screen its area.
func (t *Model) SetSize(w, h int) {
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
	t.cursor = common.Clamp(t.cursor, 0, len(t.rows)-1)
	t.sync()
}

// InputFocused is true while the snooze prompt is open.
func (t *Model) InputFocused() bool { return t.prompt != nil }

// Mode reports a form while the prompt is open.
func (t *Model) Mode() common.Mode {
	if t.prompt != nil {
		return common.ModeForm
	}
	return common.ModeNormal
}

// ShortHelp is the footer's help. It only reads the key map: sync decided
// in Update which keys apply.
func (t *Model) ShortHelp() []key.Binding {
	if t.prompt != nil {
		return []key.Binding{t.keys.prompt.Confirm, t.keys.prompt.Cancel}
	}
	return []key.Binding{t.keys.Move, t.keys.Open, t.keys.Done, t.keys.Snooze, t.keys.SnoozeTo, t.keys.edit.Log, t.keys.edit.Follow, t.keys.edit.Edit}
}

// FullHelp is the `?` help: every key, also those that do not apply to
// the selected row (copies, enabled for the listing).
func (t *Model) FullHelp() [][]key.Binding {
	actions := []key.Binding{t.keys.Open, t.keys.Done, t.keys.Snooze, t.keys.SnoozeTo, t.keys.Fold}
	for i := range actions {
		actions[i].SetEnabled(true)
	}
	// The edit keys share the actions' column so the global keys still fit
	// at 80. R is left out: Today never lists an archived customer.
	for _, b := range t.keys.edit.Full() {
		if !slices.Equal(b.Keys(), t.keys.edit.Restore.Keys()) {
			actions = append(actions, b)
		}
	}
	return [][]key.Binding{t.keys.Bindings(), actions}
}

// sync decides which keys apply and where the view scrolls; Update and
// SetSize end with it. x only on a follow-up, z/Z on a follow-up or
// rotting deal, space when sections are folded.
func (t *Model) sync() {
	r, ok := t.selected()
	fu := ok && (r.kind == rowOverdue || r.kind == rowDueToday)
	t.keys.Enable(len(t.rows))
	t.keys.Done.SetEnabled(fu)
	t.keys.Snooze.SetEnabled(fu || ok && r.kind == rowRotting)
	t.keys.SnoozeTo.SetEnabled(fu || ok && r.kind == rowRotting)
	t.keys.Open.SetEnabled(ok)
	t.keys.Fold.SetEnabled(ok && t.folding)
	sel, ok := t.Selection()
	t.keys.edit.EnableWithoutRow(t.loaded && t.err == nil && len(t.rows) == 0)
	t.keys.edit.Enable(sel, ok)
	t.scroll()
}

// scroll keeps the cursor's line in view; the first row also shows its
// section title.
func (t *Model) scroll() {
	h := t.h
	if t.prompt != nil {
		h -= t.prompt.Lines()
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
	// A section's "… N more" line comes into view with its last row.
	if cur+1 < len(t.lines) && t.lines[cur+1].more != "" {
		t.top = common.ScrollTo(t.top, cur+1, h, len(t.lines))
	}
	t.top = common.ScrollTo(t.top, cur, h, len(t.lines))
	// The last row also brings what follows it into view (the titles of
	// empty sections after it, such as "Care · none") when its own
	// section's title stays in view.
	if end := len(t.lines) - h; t.cursor == len(t.rows)-1 && end > t.top && end <= t.titleLine(t.cursor) {
		t.top = len(t.lines) - h
	}
}

// titleLine is the line of the title of the section of row i.
func (t *Model) titleLine(i int) int {
	title := 0
	for n, l := range t.lines {
		switch {
		case l.title != "":
			title = n
		case l.more == "" && l.row == i:
			return title
		}
	}
	return 0
}

// Selection is what the selected row gives the edit keys: its customer,
// and the follow-up, deal or customer that e edits and D archives.
func (t *Model) Selection() (common.Selection, bool) {
	r, ok := t.selected()
	if !ok {
		return common.Selection{}, false
	}
	sel := common.Selection{CustomerID: t.customerOf(r), Kind: common.KindCustomer}
	sel.ItemID = sel.CustomerID
	switch r.kind {
	case rowOverdue, rowDueToday:
		f, _ := t.followup(r)
		sel.Customer, sel.Kind, sel.ItemID, sel.Label = f.Customer, common.KindFollowup, f.FollowupID, f.Title
	case rowAtRisk:
		sel.Customer = t.tr.AtRisk[r.idx].Customer
	case rowRotting:
		d := t.tr.Rotting[r.idx]
		sel.Customer, sel.Kind, sel.ItemID, sel.Label = d.Customer, common.KindDeal, d.DealID, d.Title
	case rowTouch:
		sel.Customer = t.tr.TouchDue[r.idx].Customer
	case rowCare:
		it := t.care.Items[r.idx]
		sel.Customer, sel.Purpose = it.Customer, it.Purpose()
	}
	if sel.Kind == common.KindCustomer {
		sel.Label = sel.Customer
	}
	return sel, true
}

func (t *Model) selected() (todayRow, bool) {
	if t.cursor < 0 || t.cursor >= len(t.rows) {
		return todayRow{}, false
	}
	return t.rows[t.cursor], true
}

// Update handles keys, loads and action results, then decides which keys
// apply in the state it left.
func (t *Model) Update(msg tea.Msg) tea.Cmd {
	cmd := t.update(msg)
	t.sync()
	return cmd
}

func (t *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case todayLoadedMsg:
		if msg.Seq != t.seq {
			return nil
		}
		t.applyLoad(msg)
		return nil
	case common.ReloadMsg:
		return t.load()
	case common.ActedMsg:
		return tea.Batch(common.ActedResult(msg), t.load())
	case tea.KeyMsg:
		return t.handleKey(msg)
	}
	if t.prompt != nil {
		cmd, _ := t.prompt.Update(msg, t.keys.prompt, nil)
		return cmd
	}
	return nil
}

func (t *Model) applyLoad(msg todayLoadedMsg) {
	t.err = msg.Err
	if msg.Err != nil {
		return
	}
	prev, had := t.selectedKey()
	t.tr, t.care, t.loaded = msg.Triage, msg.Care, true
	t.layout()
	if had {
		for i := range t.rows {
			if k, _ := t.rowKey(i); k == prev {
				t.cursor = i
				return
			}
		}
	}
	t.cursor = common.Clamp(t.cursor, 0, len(t.rows)-1)
}

// rowKey identifies a row across reloads (kind and the id it stands for).
func (t *Model) rowKey(i int) (string, bool) {
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
	case rowCare:
		it := t.care.Items[r.idx]
		return fmt.Sprintf("%d:%d:%s:%s", r.kind, it.CustomerID, it.Kind, it.On), true
	}
	return fmt.Sprintf("%d:%d", r.kind, id), true
}

func (t *Model) selectedKey() (string, bool) { return t.rowKey(t.cursor) }

// layout rebuilds the rows and lines from the loaded triage.
func (t *Model) layout() {
	t.rows, t.lines = t.rows[:0], t.lines[:0]
	c, p := t.tr.Counts, t.c.P
	sections := []struct {
		title string
		kind  todayKind
		n     int
		total int
	}{
		{p.T("Overdue follow-ups"), rowOverdue, len(t.tr.Overdue), c.Overdue},
		{p.T("Due today"), rowDueToday, len(t.tr.DueToday), c.DueToday},
		{p.T("At risk"), rowAtRisk, len(t.tr.AtRisk), c.AtRisk},
		{p.T("Rotting deals"), rowRotting, len(t.tr.Rotting), c.Rotting},
		{p.T("Due for a touch"), rowTouch, len(t.tr.TouchDue), c.TouchDue},
		{p.T("Care"), rowCare, len(t.care.Items), t.care.Total},
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
		title := p.T("%s (%s)", s.title, common.Thousands(s.total))
		if s.total == 0 {
			title = p.T("%s · none", s.title)
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
			t.lines = append(t.lines, todayLine{more: p.T("… %s more · space shows them", common.Thousands(s.total-n))})
		case s.total > n:
			t.lines = append(t.lines, todayLine{more: p.T("… %s more", common.Thousands(s.total-n))})
		}
	}
}

// toggleFold opens or folds the section of the selected row.
func (t *Model) toggleFold() {
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
	defer func() {
		// A folded section shows from its title down: scroll up to it.
		if !t.open[r.kind] {
			t.top = min(t.top, t.titleLine(t.cursor))
		}
	}()
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

func (t *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if t.prompt != nil {
		p := t.prompt
		cmd, done := p.Update(msg, t.keys.prompt, func(day model.Day, hhmm, reason string) tea.Cmd {
			if p.DealID != 0 {
				return common.SnoozeDealCmd(t.c, p.DealID, p.Title, day, reason)
			}
			return common.SnoozeFollowupCmd(t.c, p.FollowupID, p.Title, day, hhmm)
		})
		if done {
			t.prompt = nil
		}
		return cmd
	}
	if cur, ok := t.keys.Step(msg, t.cursor, len(t.rows), t.h-1); ok {
		t.cursor = cur
		return nil
	}
	sel, selOK := t.Selection()
	if cmd, ok := t.keys.edit.Handle(msg, sel, selOK); ok {
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
		return common.OpenCustomerCmd(t.customerOf(r))
	case key.Matches(msg, t.keys.Done):
		return common.CompleteFollowupCmd(t.c, f.CustomerID, f.FollowupID, f.Title, f.Customer)
	case key.Matches(msg, t.keys.Snooze) && isFollowup:
		return common.SnoozeADayCmd(t.c, f.FollowupID, f.Title)
	case key.Matches(msg, t.keys.SnoozeTo) && isFollowup:
		t.prompt = prompt.NewSnooze(t.c.PromptOptions(), t.c.P.T("Snooze to:"), false)
		t.prompt.FollowupID, t.prompt.Title, t.prompt.DueTime = f.FollowupID, f.Title, f.DueTime
		return nil
	case key.Matches(msg, t.keys.Snooze, t.keys.SnoozeTo):
		return t.openDealPrompt(r) // enabled on a rotting deal
	}
	return t.disabledReason(msg)
}

// disabledReason is the hint for a key that does not apply to the row.
func (t *Model) disabledReason(msg tea.KeyMsg) tea.Cmd {
	switch {
	case common.DisabledKey(msg, t.keys.Done):
		return common.StatusCmd(t.c.P.T("x marks a follow-up done: select one in the first two sections"))
	case common.DisabledKey(msg, t.keys.Snooze):
		return common.StatusCmd(t.c.P.T("z snoozes a follow-up or a rotting deal"))
	case common.DisabledKey(msg, t.keys.SnoozeTo):
		return common.StatusCmd(t.c.P.T("Z snoozes a follow-up or a rotting deal to a date"))
	case common.DisabledKey(msg, t.keys.Fold):
		return common.StatusCmd(t.c.P.T("Every section is shown whole: space folds them when they do not fit"))
	}
	return nil
}

func (t *Model) openDealPrompt(r todayRow) tea.Cmd {
	d := t.tr.Rotting[r.idx]
	t.prompt = prompt.NewSnooze(t.c.PromptOptions(), t.c.P.T("Snooze until:"), true)
	t.prompt.DealID, t.prompt.Title = d.DealID, d.Title
	return nil
}

func (t *Model) followup(r todayRow) (db.FollowupItem, bool) {
	switch r.kind {
	case rowOverdue:
		return t.tr.Overdue[r.idx], true
	case rowDueToday:
		return t.tr.DueToday[r.idx], true
	}
	return db.FollowupItem{}, false
}

func (t *Model) customerOf(r todayRow) int64 {
	switch r.kind {
	case rowOverdue:
		return t.tr.Overdue[r.idx].CustomerID
	case rowDueToday:
		return t.tr.DueToday[r.idx].CustomerID
	case rowAtRisk:
		return t.tr.AtRisk[r.idx].CustomerID
	case rowRotting:
		return t.tr.Rotting[r.idx].CustomerID
	case rowCare:
		return t.care.Items[r.idx].CustomerID
	}
	return t.tr.TouchDue[r.idx].CustomerID
}
