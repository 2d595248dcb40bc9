// Package ui is rapport's terminal app (SPEC §4): the root model, which only
// routes — resize, which screen owns the keyboard (the mode), the global
// keys, the tabs, navigation messages, the launch summary, the footer, the
// watch on the file — and the Screen interface the screens under
// ui/screens implement. What the screens share is in ui/common; forms and
// questions are hosted by ui/editor. Every database call runs in a tea.Cmd
// with a timeout and its answer carries a sequence number, so a late
// answer never replaces a newer one; the root hands each answer to the
// screen whose command produced it.
package ui

import (
	"context"
	"database/sql"
	"reflect"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/exteditor"
	"github.com/rapportcrm/rapport/ui/components/form"
	"github.com/rapportcrm/rapport/ui/editor"
	"github.com/rapportcrm/rapport/ui/screens/detail"
	"github.com/rapportcrm/rapport/ui/screens/playbooks"
	"github.com/rapportcrm/rapport/ui/screens/welcome"
)

// Options tune NewApp.
type Options struct {
	// Width and Height are the terminal's size before the first
	// WindowSizeMsg (0 = 80×24).
	Width, Height int
	// Theme overrides common.DefaultTheme.
	Theme *common.Theme
	// Timeout bounds each database call (0 = 5 s).
	Timeout time.Duration
	// Debounce is the filter's typing pause (0 = 150 ms).
	Debounce time.Duration
	// NoWatch turns off polling the file for other writers and the
	// midnight refresh (benchmarks).
	NoWatch bool
	// NoCharts draws Reports with bars instead of line charts (TERM=dumb).
	NoCharts bool
	// Printer says the app's words in the reader's language (nil: English).
	Printer *i18n.Printer
	// Notice is the status line's first message (the book was reopened,
	// today's refresh could not be saved).
	Notice string
}

// pollEvery is how often the app looks for writes by another process
// (SPEC §4: it notices within two seconds).
const pollEvery = time.Second

// App is the root model. It routes; the screens do the work.
type App struct {
	c      *common.Common
	specs  []ScreenSpec
	tabs   map[common.ScreenID]Screen
	active common.ScreenID
	stack  []Screen // screens pushed over the tabs (customer detail)
	stale  map[common.ScreenID]bool
	// started marks the tabs whose Init has run (a tab loads when first shown).
	started map[common.ScreenID]bool

	keys     globalKeys
	help     help.Model
	showHelp bool
	helpTop  int // the help's first body line shown
	width    int
	height   int
	noWatch  bool

	// replaced is set when the book was replaced on disk: the app quits and
	// Run opens the new file.
	replaced bool
	// undoAsked holds the description of a change made elsewhere that the
	// next u undoes (the first u asked).
	undoAsked string
	goal      *model.GoalProgress // this month's main goal for the summary line
	counts    db.TriageCounts
	countsErr error
	countsSeq int
	status    string
	statusErr bool

	conn    *sql.Conn
	version int64

	// editor hosts the form or question open over the focused screen;
	// editFor is the screen that asked for it.
	editor  *editor.Model
	editFor Screen
}

// NewApp builds the root model over an open, refreshed book. The launch
// summary's counts are read here, synchronously (they come from
// materialised stats), so the first View already shows them; everything
// else loads in commands from Init.
func NewApp(ctx context.Context, d *db.DB, opts Options) (*App, error) {
	theme := common.DefaultTheme()
	if opts.Theme != nil {
		theme = *opts.Theme
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 150 * time.Millisecond
	}
	if opts.Width <= 0 || opts.Height <= 0 {
		opts.Width, opts.Height = 80, 24
	}
	c, err := common.New(ctx, d, theme, opts.Timeout, opts.Debounce, opts.Printer)
	if err != nil {
		return nil, err
	}
	c.NoCharts = opts.NoCharts
	a := &App{c: c, specs: Registry(), tabs: map[common.ScreenID]Screen{}, stale: map[common.ScreenID]bool{}, started: map[common.ScreenID]bool{},
		noWatch: opts.NoWatch, editor: editor.New(c)}
	a.keys = newGlobalKeys(a.specs)
	a.help = help.New()
	a.help.Styles = c.Styles.Help
	for _, s := range a.specs {
		a.tabs[s.ID] = s.New(c)
	}
	tr, err := d.Triage(ctx, db.TriageCountsOnly)
	if err != nil {
		return nil, err
	}
	a.counts = tr.Counts
	if a.goal, err = mainGoal(ctx, d); err != nil {
		return nil, err
	}
	empty, err := d.IsEmpty(ctx)
	if err != nil {
		return nil, err
	}
	switch {
	case empty:
		a.tabs[common.ScreenWelcome] = welcome.New(c)
		a.active = common.ScreenWelcome
	case a.counts.Any():
		a.active = common.ScreenToday
	default:
		a.active = common.ScreenCustomers
	}
	if opts.Notice != "" {
		a.status, a.statusErr = opts.Notice, true
	}
	a.resize(opts.Width, opts.Height)
	return a, nil
}

// Init starts loading the tab on screen, watching the file and waiting for
// midnight. The other tabs load when first shown, so a big book's board
// and report do not compete with the first frames.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{a.start(a.active)}
	if !a.noWatch {
		cmds = append(cmds, a.watchCmd(), a.midnightCmd(), a.checkFileCmd(), a.minuteCmd())
	}
	return tea.Batch(cmds...)
}

// Close releases the watch connection. Run calls it when the program ends.
func (a *App) Close() {
	if a.conn != nil {
		a.conn.Close()
		a.conn = nil
	}
}

// Active returns the id of the tab (or welcome screen) under any pushed screen.
func (a *App) Active() common.ScreenID { return a.active }

// Focused returns the screen that has the keyboard.
func (a *App) Focused() Screen {
	if n := len(a.stack); n > 0 {
		return a.stack[n-1]
	}
	return a.tabs[a.active]
}

// Counts returns the launch summary's counts as last loaded.
func (a *App) Counts() db.TriageCounts { return a.counts }

// Status returns the footer's message.
func (a *App) Status() string { return a.status }

// Mode says what owns the keyboard.
func (a *App) Mode() common.Mode {
	if a.showHelp {
		return common.ModeModal
	}
	if a.editor.Active() {
		return a.editor.Mode()
	}
	f := a.Focused()
	if m, ok := f.(moder); ok {
		return m.Mode()
	}
	if f.InputFocused() {
		return common.ModeForm
	}
	return common.ModeNormal
}

// topLevel is true when no screen is pushed over the tabs (q quits).
func (a *App) topLevel() bool { return len(a.stack) == 0 }

// Editing reports whether a form or question is open over the screen.
func (a *App) Editing() bool { return a.editor.Active() }

// EditorForm returns the open form, nil when none (for tests).
func (a *App) EditorForm() *form.Model { return a.editor.Form() }

// Update routes: size, keys (global ones only when no input has focus),
// navigation, the root's own results and the editor's; every other message
// goes only to the screen whose command produced it (or, unaddressed, to
// the focused one). Nothing is broadcast.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var from any // who started the command this message answers
	if m, ok := msg.(addressedMsg); ok {
		from, msg = m.to, m.msg
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return a, nil
	case tea.KeyMsg:
		return a, a.handleKey(msg)
	case common.OpenCustomerMsg:
		d := detail.New(a.c, msg.ID)
		a.stack = append(a.stack, d)
		a.resize(a.width, a.height)
		return a, addressed(d, d.Init())
	case common.OpenPlaybooksMsg:
		p := playbooks.New(a.c)
		a.stack = append(a.stack, p)
		a.resize(a.width, a.height)
		return a, addressed(p, p.Init())
	case common.BackMsg:
		return a, a.back()
	case common.SwitchScreenMsg:
		return a, a.switchTo(msg.ID)
	case common.ChangedMsg:
		a.status, a.statusErr = msg.Status, false
		return a, a.dataChanged(false)
	case common.StatusMsg:
		a.status, a.statusErr = msg.Text, msg.Err
		if msg.Say != nil {
			a.status = a.c.ErrorText(msg.Say)
		}
		return a, nil
	case common.EditRequestMsg:
		a.editFor, _ = from.(Screen)
		return a, addressed(a.editor, a.editor.Request(msg))
	case editor.ResultMsg:
		return a, a.edited(msg)
	case exteditor.DoneMsg:
		// $EDITOR's text comes back through the program, unaddressed: it is
		// the editor's (a form's long field, or m's message).
		return a, addressed(a.editor, a.editor.Update(msg))
	case countsMsg:
		if msg.Seq == a.countsSeq {
			a.counts, a.goal, a.countsErr = msg.Counts, msg.Goal, msg.Err
		}
		return a, nil
	case undoneMsg:
		return a, a.undone(msg)
	case watchReadyMsg, dataVersionMsg, midnightMsg, refreshedMsg:
		return a, a.watchUpdate(msg)
	}
	if cmd, ok := a.guardUpdate(msg); ok {
		return a, cmd
	}
	return a, a.deliver(from, msg)
}

// deliver hands msg to the one it answers: the editor, a live screen (a
// screen closed since it asked gets nothing) or, unaddressed, the focused
// screen.
func (a *App) deliver(to any, msg tea.Msg) tea.Cmd {
	switch to := to.(type) {
	case nil:
		return a.toFocused(msg)
	case *editor.Model:
		return addressed(a.editor, a.editor.Update(msg))
	case Screen:
		if a.live(to) {
			return a.update(to, msg)
		}
	}
	return nil
}

// live reports whether s is one of the tabs or a pushed screen.
func (a *App) live(s Screen) bool {
	for _, t := range a.tabs {
		if t == s {
			return true
		}
	}
	for _, t := range a.stack {
		if t == s {
			return true
		}
	}
	return false
}

// update hands msg to screen s; what its command answers comes back to s.
func (a *App) update(s Screen, msg tea.Msg) tea.Cmd { return addressed(s, s.Update(msg)) }

// edited takes the editor's result: the status, and after a save the
// screen that asked learns what was saved, the Detail of an archived
// customer closes, and what shows reloads.
func (a *App) edited(r editor.ResultMsg) tea.Cmd {
	if r.Status != "" {
		a.status, a.statusErr = r.Status, r.Err
	}
	if !r.Changed {
		return nil
	}
	var cmds []tea.Cmd
	if r.Edited.ID != 0 && a.editFor != nil && a.live(a.editFor) {
		cmds = append(cmds, a.update(a.editFor, r.Edited))
	}
	if d, ok := a.Focused().(*detail.Model); ok && r.Close != 0 && d.CustomerID() == r.Close {
		cmds = append(cmds, a.back())
	}
	return tea.Batch(append(cmds, a.dataChanged(true))...)
}

func (a *App) handleKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, a.keys.ForceQuit) {
		return tea.Quit
	}
	if !key.Matches(msg, a.keys.Undo) {
		a.undoAsked = "" // only the very next u confirms
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		// Keys typed faster than they are read arrive as one message
		// ("/王芳"); take them one at a time so "/" still opens the filter.
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			cmds = append(cmds, a.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		}
		return tea.Batch(cmds...)
	}
	a.status, a.statusErr = "", false
	if a.editor.Active() {
		return addressed(a.editor, a.editor.Update(msg))
	}
	if a.showHelp {
		if key.Matches(msg, a.keys.Help, a.keys.Back, a.keys.Quit) {
			a.showHelp = false
		}
		a.scrollHelp(msg)
		return nil
	}
	f := a.Focused()
	if f.InputFocused() {
		return a.toFocused(msg)
	}
	switch {
	case key.Matches(msg, a.keys.Quit):
		if a.topLevel() {
			return tea.Quit
		}
		return a.back()
	case key.Matches(msg, a.keys.Back) && !a.topLevel():
		return a.back()
	case key.Matches(msg, a.keys.Help):
		a.showHelp, a.helpTop = true, 0
		return nil
	case key.Matches(msg, a.keys.Next):
		return a.cycle(1)
	case key.Matches(msg, a.keys.Prev):
		return a.cycle(-1)
	case key.Matches(msg, a.keys.Undo):
		return a.askUndo()
	case key.Matches(msg, a.keys.Redo):
		return a.undoCmd(true)
	}
	for i, k := range a.keys.Tabs {
		if key.Matches(msg, k) {
			return a.switchTo(a.specs[i].ID)
		}
	}
	return a.toFocused(msg)
}

// toFocused hands a message to the focused screen only.
func (a *App) toFocused(msg tea.Msg) tea.Cmd { return a.update(a.Focused(), msg) }

// back pops the pushed screen; the one below reloads (the pushed one may
// have changed the book) and keeps its cursor.
func (a *App) back() tea.Cmd {
	if len(a.stack) == 0 {
		return nil
	}
	a.stack = a.stack[:len(a.stack)-1]
	if len(a.stack) == 0 {
		delete(a.stale, a.active)
	}
	return a.toFocused(common.ReloadMsg{})
}

// switchTo shows a top-level screen, closing pushed ones.
func (a *App) switchTo(id common.ScreenID) tea.Cmd {
	if _, ok := a.tabs[id]; !ok {
		return nil
	}
	a.stack = nil
	if a.active == common.ScreenWelcome && id != common.ScreenWelcome {
		// Leaving the welcome screen: the book may have data now.
		delete(a.tabs, common.ScreenWelcome)
		for _, s := range a.specs {
			a.stale[s.ID] = true
		}
	}
	a.active = id
	a.resize(a.width, a.height)
	if !a.started[id] {
		delete(a.stale, id)
		return a.start(id)
	}
	if a.stale[id] {
		delete(a.stale, id)
		return a.toFocused(common.ReloadMsg{})
	}
	return nil
}

// start runs a screen's Init the first time it is shown.
func (a *App) start(id common.ScreenID) tea.Cmd {
	scr, ok := a.tabs[id]
	if !ok || a.started[id] {
		return nil
	}
	a.started[id] = true
	return addressed(scr, scr.Init())
}

// cycle moves to the next (or previous) tab.
func (a *App) cycle(step int) tea.Cmd {
	cur := 0
	for i, s := range a.specs {
		if s.ID == a.active {
			cur = i
		}
	}
	n := len(a.specs)
	return a.switchTo(a.specs[((cur+step)%n+n)%n].ID)
}

// dataChanged reloads the summary, and the visible screen too when reload
// is set (the screen that wrote reloads itself); the others reload when shown.
func (a *App) dataChanged(reload bool) tea.Cmd {
	cmds := []tea.Cmd{a.loadCountsCmd()}
	for _, s := range a.specs {
		if len(a.stack) > 0 || s.ID != a.active {
			a.stale[s.ID] = true
		}
	}
	if reload {
		cmds = append(cmds, a.toFocused(common.ReloadMsg{}))
		if len(a.stack) == 0 {
			delete(a.stale, a.active)
		}
	}
	return tea.Batch(cmds...)
}

// loadCountsCmd reloads the launch summary's counts.
func (a *App) loadCountsCmd() tea.Cmd {
	a.countsSeq++
	seq, c := a.countsSeq, a.c
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		tr, err := c.DB.Triage(ctx, db.TriageCountsOnly)
		if err != nil {
			return countsMsg{Seq: seq, Err: err}
		}
		g, err := mainGoal(ctx, c.DB)
		return countsMsg{Seq: seq, Counts: tr.Counts, Goal: g, Err: err}
	}
}

// undoCmd undoes (or redoes) the last command.
func (a *App) undoCmd(redo bool) tea.Cmd {
	c := a.c
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		var desc string
		var err error
		if redo {
			desc, err = c.DB.Redo(ctx)
		} else {
			desc, err = c.DB.Undo(ctx)
		}
		return undoneMsg{Redo: redo, Desc: desc, Err: err}
	}
}

func (a *App) undone(msg undoneMsg) tea.Cmd {
	switch {
	case msg.Err != nil:
		a.status, a.statusErr = a.c.ErrorText(msg.Err), true
		return nil
	case msg.Redo:
		a.status = a.c.T("Redone: %s (u undoes)", common.Clean(common.SayChange(a.c.P, msg.Desc)))
	default:
		a.status = a.c.T("Undone: %s (ctrl+r redoes)", common.Clean(common.SayChange(a.c.P, msg.Desc)))
	}
	a.statusErr = false
	return a.dataChanged(true)
}

// resize records the terminal size and gives the focused screens the body.
func (a *App) resize(w, h int) {
	a.width, a.height = w, h
	bw, bh := a.bodySize()
	for _, s := range a.tabs {
		s.SetSize(bw, bh)
	}
	for _, s := range a.stack {
		s.SetSize(bw, bh)
	}
	a.help.Width = w
	a.editor.SetSize(bw, bh)
}

// addressedMsg is the answer to a command a screen (or the editor)
// started; the root hands Msg to that one only (gh-dash's section
// messages, without an owner field in every message).
type addressedMsg struct {
	to  any
	msg tea.Msg
}

// addressed makes what cmd produces go back to to: each message of a
// batch, recursively.
func addressed(to any, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		switch m := msg.(type) {
		case nil:
			return nil
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(m))
			for i, c := range m {
				out[i] = addressed(to, c)
			}
			return out
		}
		// Bubble Tea's own messages (quit, sequences) pass through
		// unaddressed so the program still sees them.
		if reflect.TypeOf(msg).PkgPath() == reflect.TypeOf(tea.QuitMsg{}).PkgPath() {
			return msg
		}
		return addressedMsg{to: to, msg: msg}
	}
}

// mainGoal reads the goal the summary line shows (nil when none is set).
func mainGoal(ctx context.Context, d *db.DB) (*model.GoalProgress, error) {
	g, ok, err := d.MainGoal(ctx)
	if err != nil || !ok {
		return nil, err
	}
	return &g, nil
}
