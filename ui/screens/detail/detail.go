// Package detail is the customer detail (SPEC §4), pushed over the tabs:
// card, risk panel, deals, follow-ups, orders and the paged timeline.
package detail

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/prompt"
)

// Timeline paging: the first page comes with the detail; more is fetched
// when the cursor gets within timelineAhead rows of the end of what is loaded.
const (
	timelineFirst = 50
	timelinePage  = 200
	timelineAhead = 20
)

// detailLoadedMsg is the customer's 360° view.
type detailLoadedMsg struct {
	ID     int64
	Seq    int
	Detail db.Detail
	Closed []model.Deal  // the most recently closed deals
	Stages []model.Stage // the pipeline's, for the deal keys
	Err    error
}

// timelinePageMsg is a further page of the timeline.
type timelinePageMsg struct {
	ID     int64
	Seq    int
	Offset int
	Items  []model.Interaction
	Err    error
}

type detailItemKind int

const (
	itemText       detailItemKind = iota // a line of the card, not selectable
	itemTitle                            // a section title
	itemCustomer                         // the name line: the customer itself (selectable)
	itemContact                          // a person at the customer (selectable)
	itemDeal                             // an open deal (selectable)
	itemFollowup                         // an open follow-up (selectable)
	itemOrder                            // a recent order (selectable)
	itemTimeline                         // an interaction (selectable)
	itemClosedDeal                       // a recently closed deal (selectable)
)

// selectable reports whether the cursor stops on items of kind k.
func (k detailItemKind) selectable() bool { return k != itemText && k != itemTitle }

// detailItem is one line of the view, rendered as plain text when the data
// arrives; View only cuts and styles the visible ones.
type detailItem struct {
	kind  detailItemKind
	idx   int // follow-up or timeline index
	text  string
	style *lipgloss.Style
}

type detailKeys struct {
	common.MoveKeys
	Done     key.Binding
	Snooze   key.Binding
	SnoozeTo key.Binding
	Back     key.Binding
	Read     key.Binding
	edit     common.EditKeys
	prompt   prompt.KeyMap
}

// Model is the customer detail, the 360° view: card, risk panel, deals, follow-ups,
// orders and the paged timeline.
type Model struct {
	c      *common.Common
	id     int64
	keys   detailKeys
	w, h   int
	seq    int
	d      db.Detail
	closed []model.Deal  // recently closed deals (deals.go)
	stages []model.Stage // the pipeline's stages
	dkeys  dealKeys
	loaded bool
	err    error
	// More timeline rows than d.Timeline holds at first.
	timeline []model.Interaction
	paging   bool
	items    []detailItem
	sel      []int // indices of selectable items
	cursor   int   // index into sel
	top      int
	prompt   *prompt.Snooze
	// read holds the interactions opened in full (enter on a timeline row).
	read map[int64]bool
}

// New builds the detail view of customer id; Init loads it.
func New(c *common.Common, id int64) *Model {
	v := &Model{c: c, id: id, read: map[int64]bool{}, dkeys: newDealKeys(), keys: detailKeys{
		MoveKeys: common.NewMoveKeys(),
		Done:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", i18n.N("done"))),
		Snooze:   key.NewBinding(key.WithKeys("z"), key.WithHelp("z", i18n.N("a day later"))),
		SnoozeTo: key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", i18n.N("snooze to"))),
		Back:     key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc/q", i18n.N("back"))),
		Read:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("read in full"))),
		edit:     common.NewEditKeys(true, true),
		prompt:   prompt.DefaultKeyMap(),
	}}
	v.sync()
	return v
}

// CustomerID is the customer shown.
func (v *Model) CustomerID() int64 { return v.id }

// Name is the customer's name once loaded (the root's tab bar shows it).
func (v *Model) Name() (string, bool) { return v.d.Customer.Name, v.loaded }

// Init loads the customer.
func (v *Model) Init() tea.Cmd { return v.load(timelineFirst) }

func (v *Model) load(page int) tea.Cmd {
	v.seq++
	seq, c, id := v.seq, v.c, v.id
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		d, err := c.DB.CustomerDetail(ctx, id, page)
		msg := detailLoadedMsg{ID: id, Seq: seq, Detail: d, Err: err}
		if err == nil {
			msg.Closed, msg.Stages, msg.Err = loadDeals(ctx, c.DB, id)
		}
		return msg
	}
}

func (v *Model) loadMore() tea.Cmd {
	if v.paging || len(v.timeline) >= v.d.Total {
		return nil
	}
	v.paging = true
	seq, c, id, off := v.seq, v.c, v.id, len(v.timeline)
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		items, err := c.DB.Timeline(ctx, id, off, timelinePage)
		return timelinePageMsg{ID: id, Seq: seq, Offset: off, Items: items, Err: err}
	}
}

// SetSize gives the screen its area.
func (v *Model) SetSize(w, h int) {
	if w != v.w && v.loaded {
		v.w = w
		v.build()
	}
	v.w, v.h = w, h
	v.sync()
}

// InputFocused is true while the snooze prompt is open.
func (v *Model) InputFocused() bool { return v.prompt != nil }

// Mode reports a form while the prompt is open.
func (v *Model) Mode() common.Mode {
	if v.prompt != nil {
		return common.ModeForm
	}
	return common.ModeNormal
}

// ShortHelp is the footer's help. It only reads the key map: sync decided
// in Update which keys apply.
func (v *Model) ShortHelp() []key.Binding {
	if v.prompt != nil {
		return []key.Binding{v.keys.prompt.Confirm, v.keys.prompt.Cancel}
	}
	e := &v.keys.edit
	return []key.Binding{v.keys.Move, v.keys.Read, e.Edit, e.Log, e.Follow, v.keys.Done, v.keys.Snooze, v.keys.SnoozeTo,
		v.dkeys.Next, v.dkeys.Prev, v.dkeys.Won, v.dkeys.Lost, e.Archive, e.Resolve, e.Restore}
}

// FullHelp is the `?` help: every key, also those that do not apply to
// the selected line (copies, enabled for the listing).
func (v *Model) FullHelp() [][]key.Binding {
	// Every key is listed; those that need a follow-up or a timeline row
	// under the cursor say so.
	actions := []key.Binding{v.keys.Done, v.keys.Snooze, v.keys.SnoozeTo, v.keys.Read, v.keys.Back}
	for i := range actions {
		h := actions[i].Help()
		switch i {
		case 0, 1, 2:
			actions[i].SetHelp(h.Key, v.c.P.T("%s (on a follow-up)", v.c.P.T(h.Desc)))
		case 3:
			actions[i].SetHelp(h.Key, v.c.P.T("read (on a timeline row)"))
		}
		actions[i].SetEnabled(true)
	}
	for _, b := range v.dkeys.all() {
		b.SetEnabled(true)
		actions = append(actions, b)
	}
	// The edit keys share the actions' column so the global keys still fit at 80.
	return [][]key.Binding{v.keys.Bindings(), append(actions, v.keys.edit.Full()...)}
}

// sync decides which keys apply and where the view scrolls; Update and
// SetSize end with it.
func (v *Model) sync() {
	_, fu := v.selectedFollowup()
	if len(v.sel) > 0 {
		v.keys.Enable(len(v.sel))
	} else {
		v.keys.Enable(len(v.items) - v.h + 1) // nothing selectable: the keys scroll the card
	}
	v.keys.Done.SetEnabled(fu)
	v.keys.Snooze.SetEnabled(fu)
	v.keys.SnoozeTo.SetEnabled(fu)
	it, ok := v.selectedItem()
	v.keys.Read.SetEnabled(ok && it.kind == itemTimeline)
	if ok && it.kind == itemTimeline && v.read[v.itemID(it)] {
		v.keys.Read.SetHelp("enter", i18n.N("fold"))
	} else {
		v.keys.Read.SetHelp("enter", i18n.N("read in full"))
	}
	sel, ok := v.Selection()
	v.keys.edit.Enable(sel, ok)
	v.syncDeals()
	v.scroll()
}

// scroll keeps the cursor's line in view above any open prompt.
func (v *Model) scroll() {
	h := v.h
	if v.prompt != nil {
		h -= v.prompt.Lines()
	}
	if len(v.sel) > 0 {
		cur := v.sel[v.cursor]
		if v.cursor == 0 && cur < h {
			cur = 0 // the first selectable row: show the card above it too
		}
		v.top = common.ScrollTo(v.top, cur, h, len(v.items))
	}
}

// Selection is what the selected line gives the edit keys: always the
// customer shown, and the contact, deal, follow-up, order or interaction
// under the cursor (the customer itself on its name line).
func (v *Model) Selection() (common.Selection, bool) {
	if !v.loaded {
		return common.Selection{}, false
	}
	cu := &v.d.Customer
	sel := common.Selection{CustomerID: cu.ID, Customer: cu.Name, Archived: cu.ArchivedAt != 0, Kind: common.KindCustomer, ItemID: cu.ID, Label: cu.Name}
	it, ok := v.selectedItem()
	if !ok {
		return sel, true
	}
	switch it.kind {
	case itemContact:
		c := v.d.Contacts[it.idx]
		sel.Kind, sel.ItemID, sel.Label = common.KindContact, c.ID, c.Name
	case itemDeal, itemClosedDeal:
		d, _ := v.selectedDeal()
		sel.Kind, sel.ItemID, sel.Label = common.KindDeal, d.ID, d.Title
	case itemFollowup:
		f := v.d.Followups[it.idx]
		sel.Kind, sel.ItemID, sel.Label = common.KindFollowup, f.ID, f.Title
	case itemOrder:
		o := v.d.Orders[it.idx]
		sel.Kind, sel.ItemID, sel.Label, sel.Order = common.KindOrder, o.ID, common.MoneyLong(o.AmountMinor, o.Currency), &o
	case itemTimeline:
		i := v.timeline[it.idx]
		sel.Kind, sel.ItemID, sel.Label = common.KindInteraction, i.ID, i.Summary
		sel.Complaint = i.Kind == model.KindComplaint && i.ResolvedAt == 0
	}
	return sel, true
}

func (v *Model) selectedItem() (detailItem, bool) {
	if v.cursor < 0 || v.cursor >= len(v.sel) {
		return detailItem{}, false
	}
	return v.items[v.sel[v.cursor]], true
}

func (v *Model) selectedFollowup() (model.Followup, bool) {
	it, ok := v.selectedItem()
	if !ok || it.kind != itemFollowup {
		return model.Followup{}, false
	}
	return v.d.Followups[it.idx], true
}

// Update handles keys, loads and action results, then decides which keys
// apply in the state it left.
func (v *Model) Update(msg tea.Msg) tea.Cmd {
	cmd := v.update(msg)
	v.sync()
	return cmd
}

func (v *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case detailLoadedMsg:
		if msg.ID != v.id || msg.Seq != v.seq {
			return nil
		}
		if errors.Is(msg.Err, model.ErrNotFound) {
			return v.gone()
		}
		v.applyLoad(msg)
		return v.maybeMore()
	case timelinePageMsg:
		if msg.ID != v.id || msg.Seq != v.seq || msg.Offset != len(v.timeline) {
			return nil
		}
		v.paging = false
		if msg.Err != nil {
			v.err = msg.Err
			return nil
		}
		v.timeline = append(v.timeline, msg.Items...)
		if len(msg.Items) == 0 {
			v.d.Total = len(v.timeline)
		}
		v.build()
		return v.maybeMore()
	case common.ReloadMsg:
		return v.load(max(timelineFirst, len(v.timeline)))
	case common.ActedMsg:
		return tea.Batch(common.ActedResult(msg), v.load(max(timelineFirst, len(v.timeline))))
	case tea.KeyMsg:
		return v.handleKey(msg)
	}
	return nil
}

// gone closes the 360 of a customer that no longer exists (an undo took
// back the command that added it, or another window purged it) and says
// why, instead of leaving a screen whose every key would fail.
func (v *Model) gone() tea.Cmd {
	who := v.c.P.T("This customer")
	if v.loaded {
		who = common.Clean(v.d.Customer.Name)
	}
	text := v.c.P.T("%s is no longer in the book (the change that added it was undone, or it was purged); closed its page", who)
	return tea.Batch(func() tea.Msg { return common.StatusMsg{Text: text} }, func() tea.Msg { return common.BackMsg{} })
}

func (v *Model) applyLoad(msg detailLoadedMsg) {
	v.err = msg.Err
	if msg.Err != nil {
		return
	}
	prev, had := v.selectedItem()
	var prevID int64
	if had {
		prevID = v.itemID(prev)
	}
	v.d, v.loaded, v.paging = msg.Detail, true, false
	v.closed, v.stages = msg.Closed, msg.Stages
	v.timeline = append([]model.Interaction(nil), msg.Detail.Timeline...)
	v.build()
	if had {
		for i, j := range v.sel {
			if it := v.items[j]; it.kind == prev.kind && v.itemID(it) == prevID {
				v.cursor = i
				return
			}
		}
	}
	v.cursor = common.Clamp(v.cursor, 0, len(v.sel)-1)
}

func (v *Model) itemID(it detailItem) int64 {
	switch it.kind {
	case itemCustomer:
		return v.d.Customer.ID
	case itemContact:
		return v.d.Contacts[it.idx].ID
	case itemDeal:
		return v.d.Deals[it.idx].ID
	case itemClosedDeal:
		return v.closed[it.idx].ID
	case itemOrder:
		return v.d.Orders[it.idx].ID
	case itemFollowup:
		return v.d.Followups[it.idx].ID
	case itemTimeline:
		return v.timeline[it.idx].ID
	}
	return 0
}

// maybeMore fetches the next timeline page when the cursor nears the end.
func (v *Model) maybeMore() tea.Cmd {
	it, ok := v.selectedItem()
	if ok && it.kind == itemTimeline && it.idx >= len(v.timeline)-timelineAhead {
		return v.loadMore()
	}
	return nil
}

func (v *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if v.prompt != nil {
		p := v.prompt
		cmd, done := p.Update(msg, v.keys.prompt, func(day model.Day, hhmm, _ string) tea.Cmd {
			return common.SnoozeFollowupCmd(v.c, p.FollowupID, p.Title, day, hhmm)
		})
		if done {
			v.prompt = nil
		}
		return cmd
	}
	sel, selOK := v.Selection()
	if cmd, ok := v.keys.edit.Handle(msg, sel, selOK); ok {
		return cmd
	}
	if cmd, ok := v.dealKey(msg); ok {
		return cmd
	}
	if len(v.sel) == 0 {
		// Nothing selectable: move keys scroll the card.
		if top, ok := v.keys.Step(msg, v.top, max(1, len(v.items)-v.h+1), v.h); ok {
			v.top = top
		}
		return nil
	}
	if cur, ok := v.keys.Step(msg, v.cursor, len(v.sel), v.h); ok {
		v.cursor = cur
		return v.maybeMore()
	}
	f, _ := v.selectedFollowup()
	switch {
	case key.Matches(msg, v.keys.Read):
		if it, ok := v.selectedItem(); ok && it.kind == itemTimeline {
			id := v.itemID(it)
			v.read[id] = !v.read[id]
			v.build()
		}
		return nil
	case key.Matches(msg, v.keys.Done):
		return common.CompleteFollowupCmd(v.c, v.id, f.ID, f.Title, v.d.Customer.Name)
	case key.Matches(msg, v.keys.Snooze):
		return common.SnoozeADayCmd(v.c, f.ID, f.Title)
	case key.Matches(msg, v.keys.SnoozeTo):
		v.prompt = prompt.NewSnooze(v.c.PromptOptions(), v.c.P.T("Snooze to:"), false)
		v.prompt.FollowupID, v.prompt.Title, v.prompt.DueTime = f.ID, f.Title, f.DueTime
		return nil
	}
	return v.disabledReason(msg)
}

// disabledReason is the hint for a key that does not apply to the line:
// x, z and Z act on a follow-up.
func (v *Model) disabledReason(msg tea.KeyMsg) tea.Cmd {
	switch {
	case common.DisabledKey(msg, v.keys.Done):
		return common.StatusCmd(v.c.P.T("x marks a follow-up done: select one under Open follow-ups"))
	case common.DisabledKey(msg, v.keys.Snooze):
		return common.StatusCmd(v.c.P.T("z snoozes a follow-up: select one under Open follow-ups"))
	case common.DisabledKey(msg, v.keys.SnoozeTo):
		return common.StatusCmd(v.c.P.T("Z snoozes a follow-up to a date: select one under Open follow-ups"))
	}
	return nil
}

// View draws the visible lines; the cursor's line stays in view.
func (v *Model) View() string {
	s := v.c.Styles
	switch {
	case v.err != nil && !v.loaded:
		return common.Frame([]string{s.App.StatusError.Render(v.c.ErrorText(v.err))}, v.w, v.h)
	case !v.loaded:
		return common.Frame([]string{s.Table.Loading.Render(v.c.P.T("Loading customer…"))}, v.w, v.h)
	}
	h := v.h
	var promptLines []string
	if v.prompt != nil {
		promptLines = v.prompt.View(v.w)
		h -= len(promptLines)
	}
	out := make([]string, 0, v.h)
	selLine := -1
	if len(v.sel) > 0 {
		selLine = v.sel[v.cursor]
	}
	for i := v.top; i < len(v.items) && len(out) < h; i++ {
		it := v.items[i]
		switch {
		case i == selLine:
			// Indented lines give their indent to the marker.
			out = append(out, s.Table.Selected.Render(common.Cell(common.MarkSelected+" "+strings.TrimPrefix(it.text, "  "), v.w)))
		case it.kind == itemFollowup || it.kind == itemTimeline:
			out = append(out, applyStyle(it.style, common.Truncate("  "+it.text, v.w)))
		default:
			out = append(out, applyStyle(it.style, common.Truncate(it.text, v.w)))
		}
	}
	for len(out) < h {
		out = append(out, "")
	}
	out = append(out, promptLines...)
	return common.Frame(out, v.w, v.h)
}

func applyStyle(st *lipgloss.Style, s string) string {
	if st == nil || s == "" {
		return s
	}
	return st.Render(s)
}
