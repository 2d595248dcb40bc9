// Package pipeline is the Pipeline screen (SPEC §4): the board of deals by
// stage, moves, won and lost, snoozing rotting deals; its deal forms are
// hosted by ui/editor like every other form.
package pipeline

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/filterbar"
	"github.com/rapportcrm/rapport/ui/components/prompt"
)

// boardLoadedMsg is the board as db.Board answered it. Seq drops an answer
// older than the last one asked for (a filter keystroke, a reload).
type boardLoadedMsg struct {
	Seq  int
	Cols []db.BoardColumn
	Book string // the book currency
	Err  error
}

// dealMovedMsg is the result of a stage move, a won or a lost: the board
// reloads and the cursor follows DealID.
type dealMovedMsg struct {
	DealID int64
	Status string
	Deal   *model.Deal // the deal as the move left it
	To     model.Stage
	Err    error
}

type pipelineKeys struct {
	common.MoveKeys
	Left     key.Binding
	Right    key.Binding
	Columns  key.Binding // help summary of Left/Right
	Next     key.Binding
	Prev     key.Binding
	Won      key.Binding
	Lost     key.Binding
	Snooze   key.Binding
	New      key.Binding
	Edit     key.Binding
	Open     key.Binding
	Log      key.Binding // i: log an interaction with the deal's customer
	Follow   key.Binding // f: a follow-up for it
	Order    key.Binding // o: an order from it
	Collapse key.Binding
	Yes      key.Binding
	No       key.Binding
	prompt   prompt.KeyMap
}

// newPipelineKeys builds the board's keys. w and X are helped with the
// deal statuses said by p at once (the words of the open|won|lost set: "won"
// alone is also a goal's measure, 赢单数, where here it is 赢单).
func newPipelineKeys(p *i18n.Printer) pipelineKeys {
	status := func(s model.DealStatus) string { return statusText(p, s) }
	return pipelineKeys{
		MoveKeys: common.NewMoveKeys(),
		Left:     key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", i18n.N("column left"))),
		Right:    key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", i18n.N("column right"))),
		Columns:  key.NewBinding(key.WithKeys("h", "l", "left", "right"), key.WithHelp("h/l", i18n.N("column"))),
		Next:     key.NewBinding(key.WithKeys(">", "shift+right"), key.WithHelp(">", i18n.N("to next stage"))),
		Prev:     key.NewBinding(key.WithKeys("<", "shift+left"), key.WithHelp("<", i18n.N("to previous stage"))),
		Won:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", status(model.DealWon))),
		Lost:     key.NewBinding(key.WithKeys("X"), key.WithHelp("X", status(model.DealLost))),
		Snooze:   key.NewBinding(key.WithKeys("z"), key.WithHelp("z", i18n.N("snooze rotting"))),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", i18n.N("new deal"))),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", i18n.N("edit deal"))),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.N("customer"))),
		Log:      key.NewBinding(key.WithKeys("i"), key.WithHelp("i", i18n.N("log interaction"))),
		Follow:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", i18n.N("follow-up"))),
		Order:    key.NewBinding(key.WithKeys("o"), key.WithHelp("o", i18n.N("record order"))),
		Collapse: key.NewBinding(key.WithKeys("c", " "), key.WithHelp("c/space", i18n.N("fold Won/Lost"))),
		Yes:      key.NewBinding(key.WithKeys("y", "Y", "enter"), key.WithHelp("y/enter", i18n.N("yes"))),
		No:       key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", i18n.N("no"))),
		prompt:   prompt.DefaultKeyMap(),
	}
}

// pipelineStyles are the board's own looks, derived once from the app's
// styles (styles.go has no board area yet).
type pipelineStyles struct {
	Header      lipgloss.Style // an unfocused column's name
	HeaderFocus lipgloss.Style // the focused column's name
	Totals      lipgloss.Style
	Rule        lipgloss.Style
	RuleFocus   lipgloss.Style
	Title       lipgloss.Style
	Customer    lipgloss.Style
	Meta        lipgloss.Style
	Rotting     lipgloss.Style
	Snoozed     lipgloss.Style
	Selected    lipgloss.Style
	Overdue     lipgloss.Style
	Today       lipgloss.Style
	Later       lipgloss.Style
	More        lipgloss.Style
	Error       lipgloss.Style
}

func newPipelineStyles(s *common.Styles) pipelineStyles {
	return pipelineStyles{
		Header:      s.Table.Header,
		HeaderFocus: s.Section.Title,
		Totals:      s.Item.Dim,
		Rule:        s.Item.Dim,
		RuleFocus:   s.Section.Title,
		Title:       s.Item.Name,
		Customer:    s.Table.Row,
		Meta:        s.Item.Dim,
		Rotting:     s.Item.Rotting.Bold(true),
		Snoozed:     s.Item.Watch,
		Selected:    s.Table.Selected,
		Overdue:     s.Item.Overdue.Bold(true),
		Today:       s.Item.Today.Bold(true),
		Later:       s.Item.Dim,
		More:        s.Section.Empty,
		Error:       s.App.StatusError,
	}
}

// Model is the Pipeline screen, the board of SPEC §4: a column per open stage, then Won and
// Lost (deals closed in the last db.ClosedWindowDays, collapsed to their
// headers until expanded with c or space). Only the visible cards of the
// visible columns are drawn, so a board of thousands of deals stays
// instant; the data comes from db.Board in a command, filtered in SQL.
type Model struct {
	c    *common.Common
	keys pipelineKeys
	st   pipelineStyles
	w, h int

	cols     []db.BoardColumn
	book     string
	loaded   bool
	err      error
	seq      int
	focus    int   // the focused column
	cursor   []int // per column: the selected card
	top      []int // per column: the first visible card
	left     int   // the first visible column (horizontal scroll)
	expanded map[int64]bool
	follow   int64 // a deal to put the cursor on when the next load arrives

	filter filterbar.Model

	prompt  *prompt.Snooze
	lost    *lostPrompt
	wonDeal *db.DealRow // the deal the "record an order?" question is about
}

// New builds the Pipeline screen; Init loads the board.
func New(c *common.Common) *Model {
	p := &Model{c: c, keys: newPipelineKeys(c.P), st: newPipelineStyles(c.Styles), expanded: map[int64]bool{}}
	p.filter = filterbar.New(filterbar.Options{ID: "pipeline", Placeholder: c.P.T("title, customer, #tag, tier:A, risk:at"),
		Hint: c.P.T("/ filter"), Debounce: c.Debounce, Styles: c.Styles.FilterBar})
	p.sync()
	return p
}

// Init loads the board.
func (p *Model) Init() tea.Cmd { return p.load() }

// SetSize gives the screen its area.
func (p *Model) SetSize(w, h int) {
	p.w, p.h = w, h
	p.sync()
}

// InputFocused is true while the filter, a prompt or a question has the
// keyboard (the editor hosts the deal forms).
func (p *Model) InputFocused() bool {
	return p.filter.Typing() || p.prompt != nil || p.lost != nil || p.wonDeal != nil
}

// Mode says what owns the keyboard.
func (p *Model) Mode() common.Mode {
	switch {
	case p.filter.Typing():
		return common.ModeFilter
	case p.wonDeal != nil:
		return common.ModeModal
	case p.prompt != nil || p.lost != nil:
		return common.ModeForm
	}
	return common.ModeNormal
}

// Focus returns the focused column's index and stage (for tests).
func (p *Model) Focus() (int, model.Stage) {
	if p.focus < 0 || p.focus >= len(p.cols) {
		return p.focus, model.Stage{}
	}
	return p.focus, p.cols[p.focus].Stage
}

// Selected returns the deal under the cursor, if any.
func (p *Model) Selected() (db.DealRow, bool) {
	r := p.selected()
	if r == nil {
		return db.DealRow{}, false
	}
	return *r, true
}

// Query returns the filter the cards answer.
func (p *Model) Query() string { return p.filter.Query() }

// load asks for the board with the current filter.
func (p *Model) load() tea.Cmd {
	p.seq++
	seq, c, f := p.seq, p.c, model.ParseFilter(p.filter.Query())
	return func() tea.Msg {
		ctx, cancel := c.LongDBCtx()
		defer cancel()
		set, err := c.DB.Settings(ctx)
		if err != nil {
			return boardLoadedMsg{Seq: seq, Err: err}
		}
		cols, err := c.DB.Board(ctx, f)
		return boardLoadedMsg{Seq: seq, Cols: cols, Book: set.Currency, Err: err}
	}
}

// Update handles keys, loads and the results of actions, then decides
// which keys apply and where the board scrolls in the state it left.
func (p *Model) Update(msg tea.Msg) tea.Cmd {
	cmd := p.update(msg)
	p.sync()
	return cmd
}

func (p *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case boardLoadedMsg:
		if msg.Seq == p.seq {
			p.applyLoad(msg)
		}
		return nil
	case filterbar.TickMsg:
		if _, changed := p.filter.Update(msg); changed {
			return p.reload()
		}
		return nil
	case common.ReloadMsg:
		return p.reload()
	case dealMovedMsg:
		return p.moved(msg)
	case common.EditedMsg:
		if msg.Kind == common.KindDeal {
			p.follow = msg.ID // the reload that follows puts the cursor on it
		}
		return nil
	case common.ActedMsg:
		return tea.Batch(common.ActedResult(msg), p.reload())
	case tea.KeyMsg:
		return p.handleKey(msg)
	}
	return p.updateInputs(msg)
}

// updateInputs hands a non-key message (a cursor blink) to the open input.
func (p *Model) updateInputs(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case p.filter.Typing():
		cmd, _ = p.filter.Update(msg)
	case p.lost != nil:
		p.lost.input, cmd = p.lost.input.Update(msg)
	}
	return cmd
}

// reload loads the board again, keeping the cursor on the selected deal.
func (p *Model) reload() tea.Cmd { return p.load() }

// moved reacts to the result of a move: on success the root shows the
// status and marks other screens stale; the board reloads and the cursor
// follows the deal to its new column.
func (p *Model) moved(msg dealMovedMsg) tea.Cmd {
	if msg.Err != nil {
		return func() tea.Msg { return common.StatusMsg{Text: p.c.ErrorText(msg.Err), Err: true} }
	}
	if msg.Deal != nil {
		p.placeMoved(*msg.Deal, msg.To)
	}
	p.follow = msg.DealID
	st := msg.Status
	return tea.Batch(func() tea.Msg { return common.ChangedMsg{Status: st} }, p.load())
}

// applyLoad takes a loaded board: open stages first, then Won, then Lost
// (whatever their positions), keeping the focus and each column's cursor,
// and moving to the followed deal when there is one.
func (p *Model) applyLoad(msg boardLoadedMsg) {
	p.err = msg.Err
	if msg.Err != nil {
		return
	}
	prevStage := int64(0)
	if p.focus >= 0 && p.focus < len(p.cols) {
		prevStage = p.cols[p.focus].Stage.ID
	}
	// The cursor stays on the card selected now — when the answer arrives,
	// so a j pressed while it was on its way is not undone — unless a move
	// or a new deal asked to follow a card.
	id := p.follow
	if id == 0 {
		if r := p.selected(); r != nil {
			id = r.ID
		}
	}
	p.follow = 0
	oldCursor := map[int64][2]int{}
	for i, c := range p.cols {
		oldCursor[c.Stage.ID] = [2]int{p.cursor[i], p.top[i]}
	}
	cols := make([]db.BoardColumn, 0, len(msg.Cols))
	for _, k := range []model.StageKind{model.StageOpen, model.StageWon, model.StageLost} {
		for _, c := range msg.Cols {
			if c.Stage.Kind == k {
				cols = append(cols, c)
			}
		}
	}
	p.cols, p.book, p.loaded = cols, msg.Book, true
	p.cursor, p.top = make([]int, len(cols)), make([]int, len(cols))
	p.focus = 0
	for i, c := range cols {
		if old, ok := oldCursor[c.Stage.ID]; ok {
			p.cursor[i], p.top[i] = common.Clamp(old[0], 0, len(c.Cards)-1), old[1]
		}
		if c.Stage.ID == prevStage {
			p.focus = i
		}
	}
	if id != 0 {
		for i, c := range cols {
			for j := range c.Cards {
				if c.Cards[j].ID == id {
					p.focus, p.cursor[i] = i, j
					if c.Stage.Kind != model.StageOpen {
						p.expanded[c.Stage.ID] = true
					}
					return
				}
			}
		}
	}
}

// selected returns the card under the cursor of the focused column, nil
// when the column is empty or collapsed.
func (p *Model) selected() *db.DealRow {
	if p.focus < 0 || p.focus >= len(p.cols) || p.collapsed(p.focus) {
		return nil
	}
	c := &p.cols[p.focus]
	i := p.cursor[p.focus]
	if i < 0 || i >= len(c.Cards) {
		return nil
	}
	return &c.Cards[i]
}

// collapsed reports whether column i shows only its header.
func (p *Model) collapsed(i int) bool {
	st := p.cols[i].Stage
	return st.Kind != model.StageOpen && !p.expanded[st.ID]
}

// ShortHelp is the footer's help. It only reads the key map: sync decided
// in Update which keys apply.
func (p *Model) ShortHelp() []key.Binding {
	switch {
	case p.filter.Typing():
		return p.filter.ShortHelp()
	case p.wonDeal != nil:
		return []key.Binding{p.keys.Yes, p.keys.No, p.keys.prompt.Cancel}
	case p.prompt != nil || p.lost != nil:
		return []key.Binding{p.keys.prompt.Confirm, p.keys.prompt.Cancel}
	}
	f := p.filter.Keys
	return []key.Binding{p.keys.Columns, p.keys.Move, p.keys.Next, p.keys.Prev, p.keys.Won, p.keys.Lost, p.keys.New, p.keys.Open, f.Open, f.Clear}
}

// FullHelp is the `?` help: every binding of the board, whether or not it
// applies to the card under the cursor (copies, enabled for the listing).
func (p *Model) FullHelp() [][]key.Binding {
	k, f := p.keys, p.filter.Keys
	cards := []key.Binding{k.Next, k.Prev, k.Won, k.Lost, k.Snooze, k.Collapse, k.New, k.Edit, k.Open, k.Log, k.Follow, k.Order, f.Open, f.Apply, f.Clear}
	for i := range cards {
		cards[i].SetEnabled(true)
	}
	// Two long columns rather than three short ones: with the root's global
	// column they fit in 80 cells.
	return [][]key.Binding{append([]key.Binding{k.Left, k.Right}, k.Bindings()...), cards}
}

// sync decides which keys apply to the card under the cursor and where the
// board scrolls; Update and SetSize end with it.
func (p *Model) sync() {
	r := p.selected()
	open := r != nil && r.Status == model.DealOpen
	openStage := p.focus < len(p.cols) && p.cols[p.focus].Stage.Kind == model.StageOpen
	cards := 0
	if p.focus < len(p.cols) && !p.collapsed(p.focus) {
		cards = len(p.cols[p.focus].Cards)
	}
	p.keys.Enable(cards)
	p.keys.Next.SetEnabled(open)
	p.keys.Prev.SetEnabled(open)
	p.keys.Won.SetEnabled(open)
	p.keys.Lost.SetEnabled(open)
	p.keys.Snooze.SetEnabled(open && (r.Rotting || snoozed(r, p.c.Today())))
	p.keys.Edit.SetEnabled(r != nil)
	p.keys.Open.SetEnabled(r != nil)
	// An empty column (not a collapsed one): i, f and o ask for the
	// customer in the form, with the picker, as on an empty Today.
	empty := r == nil && p.focus < len(p.cols) && !p.collapsed(p.focus) && len(p.cols[p.focus].Cards) == 0
	p.keys.Log.SetEnabled(r != nil || empty)
	p.keys.Follow.SetEnabled(r != nil || empty)
	p.keys.Order.SetEnabled(r != nil || empty)
	p.keys.New.SetEnabled(openStage)
	p.keys.Collapse.SetEnabled(p.focus < len(p.cols) && !openStage)
	p.scroll()
}
