package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
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
	itemText     detailItemKind = iota // a line of the card, not selectable
	itemTitle                          // a section title
	itemCustomer                       // the name line: the customer itself (selectable)
	itemContact                        // a person at the customer (selectable)
	itemDeal                           // an open deal (selectable)
	itemFollowup                       // an open follow-up (selectable)
	itemOrder                          // a recent order (selectable)
	itemTimeline                       // an interaction (selectable)
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
	moveKeys
	Done     key.Binding
	Snooze   key.Binding
	SnoozeTo key.Binding
	Back     key.Binding
	edit     editKeys
	prompt   promptKeys
}

// Detail is the customer 360° view: card, risk panel, deals, follow-ups,
// orders and the paged timeline.
type Detail struct {
	c      *Common
	id     int64
	owner  string
	keys   detailKeys
	w, h   int
	seq    int
	d      db.Detail
	loaded bool
	err    error
	// More timeline rows than d.Timeline holds at first.
	timeline []model.Interaction
	paging   bool
	items    []detailItem
	sel      []int // indices of selectable items
	cursor   int   // index into sel
	top      int
	prompt   *snoozePrompt
}

// NewDetail builds the detail view of customer id; Init loads it.
func NewDetail(c *Common, id int64) *Detail {
	v := &Detail{c: c, id: id, owner: fmt.Sprintf("detail:%d", id), keys: detailKeys{
		moveKeys: newMoveKeys(),
		Done:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "done")),
		Snooze:   key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "+1 day")),
		SnoozeTo: key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", "snooze to")),
		Back:     key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc/q", "back")),
		edit:     newEditKeys(true, true),
		prompt:   newPromptKeys(),
	}}
	v.sync()
	return v
}

// CustomerID is the customer shown.
func (v *Detail) CustomerID() int64 { return v.id }

// Init loads the customer.
func (v *Detail) Init() tea.Cmd { return v.load(timelineFirst) }

func (v *Detail) load(page int) tea.Cmd {
	v.seq++
	seq, c, id := v.seq, v.c, v.id
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		d, err := c.DB.CustomerDetail(ctx, id, page)
		return detailLoadedMsg{ID: id, Seq: seq, Detail: d, Err: err}
	}
}

func (v *Detail) loadMore() tea.Cmd {
	if v.paging || len(v.timeline) >= v.d.Total {
		return nil
	}
	v.paging = true
	seq, c, id, off := v.seq, v.c, v.id, len(v.timeline)
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		items, err := c.DB.Timeline(ctx, id, off, timelinePage)
		return timelinePageMsg{ID: id, Seq: seq, Offset: off, Items: items, Err: err}
	}
}

// SetSize gives the screen its area.
func (v *Detail) SetSize(w, h int) {
	if w != v.w && v.loaded {
		v.w = w
		v.build()
	}
	v.w, v.h = w, h
	v.sync()
}

// InputFocused is true while the snooze prompt is open.
func (v *Detail) InputFocused() bool { return v.prompt != nil }

// Mode reports a form while the prompt is open.
func (v *Detail) Mode() Mode {
	if v.prompt != nil {
		return ModeForm
	}
	return ModeNormal
}

// ShortHelp is the footer's help. It only reads the key map: sync decided
// in Update which keys apply.
func (v *Detail) ShortHelp() []key.Binding {
	if v.prompt != nil {
		return []key.Binding{v.keys.prompt.Confirm, v.keys.prompt.Cancel}
	}
	e := &v.keys.edit
	return []key.Binding{v.keys.Move, e.Edit, e.Log, e.Follow, v.keys.Done, v.keys.Snooze, v.keys.SnoozeTo, e.Archive, e.Resolve, e.Restore}
}

// FullHelp is the `?` help: every key, also those that do not apply to
// the selected line (copies, enabled for the listing).
func (v *Detail) FullHelp() [][]key.Binding {
	actions := []key.Binding{v.keys.Done, v.keys.Snooze, v.keys.SnoozeTo, v.keys.Back}
	for i := range actions {
		actions[i].SetEnabled(true)
	}
	// The edit keys share the actions' column so the global keys still fit at 80.
	return [][]key.Binding{v.keys.bindings(), append(actions, v.keys.edit.full()...)}
}

// sync decides which keys apply and where the view scrolls; Update and
// SetSize end with it.
func (v *Detail) sync() {
	_, fu := v.selectedFollowup()
	if len(v.sel) > 0 {
		v.keys.enable(len(v.sel))
	} else {
		v.keys.enable(len(v.items) - v.h + 1) // nothing selectable: the keys scroll the card
	}
	v.keys.Done.SetEnabled(fu)
	v.keys.Snooze.SetEnabled(fu)
	v.keys.SnoozeTo.SetEnabled(fu)
	sel, ok := v.selection()
	v.keys.edit.enable(sel, ok)
	v.scroll()
}

// scroll keeps the cursor's line in view above any open prompt.
func (v *Detail) scroll() {
	h := v.h
	if v.prompt != nil {
		h -= v.prompt.lines()
	}
	if len(v.sel) > 0 {
		cur := v.sel[v.cursor]
		if v.cursor == 0 && cur < h {
			cur = 0 // the first selectable row: show the card above it too
		}
		v.top = scrollTo(v.top, cur, h, len(v.items))
	}
}

// selection is what the selected line gives the edit keys: always the
// customer shown, and the contact, deal, follow-up, order or interaction
// under the cursor (the customer itself on its name line).
func (v *Detail) selection() (selection, bool) {
	if !v.loaded {
		return selection{}, false
	}
	cu := &v.d.Customer
	sel := selection{CustomerID: cu.ID, Customer: cu.Name, Archived: cu.ArchivedAt != 0, Kind: kindCustomer, ItemID: cu.ID, Label: cu.Name}
	it, ok := v.selectedItem()
	if !ok {
		return sel, true
	}
	switch it.kind {
	case itemContact:
		c := v.d.Contacts[it.idx]
		sel.Kind, sel.ItemID, sel.Label = kindContact, c.ID, c.Name
	case itemDeal:
		d := v.d.Deals[it.idx]
		sel.Kind, sel.ItemID, sel.Label = kindDeal, d.ID, d.Title
	case itemFollowup:
		f := v.d.Followups[it.idx]
		sel.Kind, sel.ItemID, sel.Label = kindFollowup, f.ID, f.Title
	case itemOrder:
		o := v.d.Orders[it.idx]
		sel.Kind, sel.ItemID, sel.Label, sel.Order = kindOrder, o.ID, moneyLong(o.AmountMinor, o.Currency), &o
	case itemTimeline:
		i := v.timeline[it.idx]
		sel.Kind, sel.ItemID, sel.Label = kindInteraction, i.ID, i.Summary
		sel.Complaint = i.Kind == model.KindComplaint && i.ResolvedAt == 0
	}
	return sel, true
}

func (v *Detail) selectedItem() (detailItem, bool) {
	if v.cursor < 0 || v.cursor >= len(v.sel) {
		return detailItem{}, false
	}
	return v.items[v.sel[v.cursor]], true
}

func (v *Detail) selectedFollowup() (model.Followup, bool) {
	it, ok := v.selectedItem()
	if !ok || it.kind != itemFollowup {
		return model.Followup{}, false
	}
	return v.d.Followups[it.idx], true
}

// Update handles keys, loads and action results, then decides which keys
// apply in the state it left.
func (v *Detail) Update(msg tea.Msg) (Screen, tea.Cmd) {
	cmd := v.update(msg)
	v.sync()
	return v, cmd
}

func (v *Detail) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case detailLoadedMsg:
		if msg.ID != v.id || msg.Seq != v.seq {
			return nil
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
	case reloadMsg:
		return v.load(max(timelineFirst, len(v.timeline)))
	case actedMsg:
		if msg.Owner != v.owner {
			return nil
		}
		return tea.Batch(actedResult(msg), v.load(max(timelineFirst, len(v.timeline))))
	case tea.KeyMsg:
		return v.handleKey(msg)
	}
	return nil
}

func (v *Detail) applyLoad(msg detailLoadedMsg) {
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
	v.cursor = clamp(v.cursor, 0, len(v.sel)-1)
}

func (v *Detail) itemID(it detailItem) int64 {
	switch it.kind {
	case itemCustomer:
		return v.d.Customer.ID
	case itemContact:
		return v.d.Contacts[it.idx].ID
	case itemDeal:
		return v.d.Deals[it.idx].ID
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
func (v *Detail) maybeMore() tea.Cmd {
	it, ok := v.selectedItem()
	if ok && it.kind == itemTimeline && it.idx >= len(v.timeline)-timelineAhead {
		return v.loadMore()
	}
	return nil
}

func (v *Detail) handleKey(msg tea.KeyMsg) tea.Cmd {
	if v.prompt != nil {
		p := v.prompt
		cmd, done := p.update(msg, v.keys.prompt, func(day model.Day, hhmm, _ string) tea.Cmd {
			return snoozeFollowupCmd(v.c, v.owner, p.followupID, p.title, day, hhmm)
		})
		if done {
			v.prompt = nil
		}
		return cmd
	}
	sel, selOK := v.selection()
	if cmd, ok := v.keys.edit.editKey(msg, sel, selOK, v.owner); ok {
		return cmd
	}
	if len(v.sel) == 0 {
		// Nothing selectable: move keys scroll the card.
		if top, ok := v.keys.move(msg, v.top, max(1, len(v.items)-v.h+1), v.h); ok {
			v.top = top
		}
		return nil
	}
	if cur, ok := v.keys.move(msg, v.cursor, len(v.sel), v.h); ok {
		v.cursor = cur
		return v.maybeMore()
	}
	f, _ := v.selectedFollowup()
	switch {
	case key.Matches(msg, v.keys.Done):
		return completeFollowupCmd(v.c, v.owner, f.ID, f.Title)
	case key.Matches(msg, v.keys.Snooze):
		return snoozeFollowupCmd(v.c, v.owner, f.ID, f.Title, v.c.Today().AddDays(1), f.DueTime)
	case key.Matches(msg, v.keys.SnoozeTo):
		v.prompt = newSnoozePrompt(v.c, "Snooze to:", false)
		v.prompt.followupID, v.prompt.title, v.prompt.dueTime = f.ID, f.Title, f.DueTime
		return nil
	}
	return v.disabledReason(msg)
}

// disabledReason is the hint for a key that does not apply to the line:
// x, z and Z act on a follow-up.
func (v *Detail) disabledReason(msg tea.KeyMsg) tea.Cmd {
	switch {
	case disabledKey(msg, v.keys.Done):
		return status("x marks a follow-up done: select one under Open follow-ups")
	case disabledKey(msg, v.keys.Snooze):
		return status("z snoozes a follow-up: select one under Open follow-ups")
	case disabledKey(msg, v.keys.SnoozeTo):
		return status("Z snoozes a follow-up to a date: select one under Open follow-ups")
	}
	return nil
}

// build renders every line of the view as plain text.
func (v *Detail) build() {
	s := v.c.Styles
	d := &v.d
	cu := &d.Customer
	today := v.c.Today()
	loc := v.c.Now().Location()
	items := v.items[:0]
	add := func(kind detailItemKind, idx int, st *lipgloss.Style, text string) {
		items = append(items, detailItem{kind: kind, idx: idx, text: text, style: st})
	}
	name := clean(cu.Name)
	if cu.Company != "" {
		name += " · " + clean(cu.Company)
	}
	if cu.ArchivedAt != 0 {
		name += " (archived)"
	}
	add(itemCustomer, 0, &s.Item.Name, name)
	card := fmt.Sprintf("Tier %s", cu.Tier)
	if cu.TierPinned {
		card += " (pinned)"
	}
	card += fmt.Sprintf(" · %s · every %d d", cu.Lifecycle, d.Cadence)
	if cu.Lifecycle == model.Churned && cu.ChurnReason != "" {
		card += " · churned: " + clean(cu.ChurnReason)
	}
	add(itemText, 0, nil, card)
	var reach []string
	for _, f := range []string{cu.Email, cu.Phone, cu.IM} {
		if f != "" {
			reach = append(reach, clean(f))
		}
	}
	if len(reach) > 0 {
		add(itemText, 0, nil, strings.Join(reach, " · "))
	}
	if len(d.Tags) > 0 {
		tags := make([]string, len(d.Tags))
		for i, t := range d.Tags {
			tags[i] = "#" + clean(t)
		}
		add(itemText, 0, &s.Item.Dim, "Tags: "+strings.Join(tags, " "))
	}
	for i, ct := range d.Contacts {
		line := "Contact: " + clean(ct.Name)
		var extra []string
		for _, f := range []string{ct.Role, ct.Email, ct.Phone} {
			if f != "" {
				extra = append(extra, clean(f))
			}
		}
		if len(extra) > 0 {
			line += " (" + strings.Join(extra, ", ") + ")"
		}
		if ct.IsPrimary {
			line += " · primary"
		}
		add(itemContact, i, nil, line)
	}
	st := d.Stats
	last := "never contacted"
	if st.LastContactAt > 0 {
		last = "last contact " + agoText(model.DayOfUnix(st.LastContactAt, loc), today)
	}
	add(itemText, 0, &s.Item.Dim, last)

	add(itemText, 0, nil, "")
	riskSt := s.RiskStyle(st.RiskLevel)
	riskTitle := fmt.Sprintf("Risk %d · %s", st.RiskScore, levelText(st.RiskLevel))
	if st.RiskLevel == model.LevelAtRisk {
		riskTitle = markAtRisk + " " + riskTitle
	}
	add(itemTitle, 0, &riskSt, riskTitle)
	if len(st.Reasons) == 0 {
		add(itemText, 0, &s.Item.Dim, "  no risk signals")
	}
	for _, r := range st.Reasons {
		add(itemText, 0, nil, fmt.Sprintf("  +%-3d %s", r.Points, clean(r.Text)))
	}

	add(itemText, 0, nil, "")
	add(itemTitle, 0, &s.Section.Title, fmt.Sprintf("Open deals (%d)", len(d.Deals)))
	for i, dl := range d.Deals {
		line := fmt.Sprintf("  %s · %s · %s", clean(dl.Title), clean(d.StageName[dl.StageID]), moneyLong(dl.ValueMinor, dl.Currency))
		if !dl.ExpectedClose.IsZero() {
			line += " · close " + dl.ExpectedClose.String()
		}
		if !dl.SnoozedUntil.IsZero() && dl.SnoozedUntil >= today {
			line += " · snoozed to " + dl.SnoozedUntil.String()
		}
		add(itemDeal, i, nil, line)
	}

	add(itemText, 0, nil, "")
	add(itemTitle, 0, &s.Section.Title, fmt.Sprintf("Open follow-ups (%d)", len(d.Followups)))
	for i, f := range d.Followups {
		due := dueText(f.Due, today)
		stl := &s.Item.Today
		if model.FollowupOverdue(f.Due, f.DueTime, v.c.Now()) {
			due, stl = markOverdue+" "+due, &s.Item.Overdue
		} else if f.DueTime != "" {
			due += " " + f.DueTime
		}
		add(itemFollowup, i, stl, fmt.Sprintf("%s  %s", cell(due, 13), clean(f.Title)))
	}

	add(itemText, 0, nil, "")
	add(itemTitle, 0, &s.Section.Title, "Recent orders")
	if len(d.Orders) == 0 {
		add(itemText, 0, &s.Item.Dim, "  none")
	}
	for i, o := range d.Orders {
		line := fmt.Sprintf("  %s  %s", model.DayOfUnix(o.OrderedAt, loc), moneyLong(o.AmountMinor, o.Currency))
		if o.Note != "" {
			line += "  " + clean(o.Note)
		}
		add(itemOrder, i, nil, line)
	}

	add(itemText, 0, nil, "")
	add(itemTitle, 0, &s.Section.Title, fmt.Sprintf("Timeline (%d)", d.Total))
	for i := range v.timeline {
		add(itemTimeline, i, nil, timelineText(&v.timeline[i], loc))
	}
	if len(v.timeline) < d.Total {
		add(itemText, 0, &s.Item.Dim, fmt.Sprintf("  … %d older", d.Total-len(v.timeline)))
	}
	v.items = items
	v.sel = v.sel[:0]
	for i, it := range items {
		if it.kind.selectable() {
			v.sel = append(v.sel, i)
		}
	}
}

func levelText(l model.Level) string {
	switch l {
	case model.LevelAtRisk:
		return "at risk"
	case model.LevelWatch:
		return "watch"
	case model.LevelHealthy:
		return "healthy"
	}
	return "not scored"
}

// timelineText is one interaction: date, kind, direction and outcome, summary.
func timelineText(i *model.Interaction, loc *time.Location) string {
	dir := map[model.Direction]string{model.Outbound: "→", model.Inbound: "←", model.Internal: "·"}[i.Direction]
	what := string(i.Kind)
	switch {
	case i.Kind == model.KindComplaint && i.ResolvedAt == 0:
		what += " (open)"
	case i.Kind == model.KindFeedback && i.Score >= 0:
		what += fmt.Sprintf(" %d/10", i.Score)
	}
	out := fmt.Sprintf("%s %s %-10s", model.DayOfUnix(i.OccurredAt, loc), dir, what)
	if i.Outcome != "" && i.Outcome != model.OutcomeNone {
		out += " [" + strings.ReplaceAll(string(i.Outcome), "_", " ") + "]"
	}
	return out + " " + clean(i.Summary)
}

// View draws the visible lines; the cursor's line stays in view.
func (v *Detail) View() string {
	s := v.c.Styles
	switch {
	case v.err != nil && !v.loaded:
		return frame([]string{s.App.StatusError.Render(errorText(v.err))}, v.w, v.h)
	case !v.loaded:
		return frame([]string{s.Table.Loading.Render("Loading customer…")}, v.w, v.h)
	}
	h := v.h
	var promptLines []string
	if v.prompt != nil {
		promptLines = v.prompt.view(s, v.w)
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
			out = append(out, s.Table.Selected.Render(cell(markSelected+" "+strings.TrimPrefix(it.text, "  "), v.w)))
		case it.kind == itemFollowup || it.kind == itemTimeline:
			out = append(out, applyStyle(it.style, truncate("  "+it.text, v.w)))
		default:
			out = append(out, applyStyle(it.style, truncate(it.text, v.w)))
		}
	}
	for len(out) < h {
		out = append(out, "")
	}
	out = append(out, promptLines...)
	return frame(out, v.w, v.h)
}

func applyStyle(st *lipgloss.Style, s string) string {
	if st == nil || s == "" {
		return s
	}
	return st.Render(s)
}
