// Package ui is rapport's terminal app (SPEC §4): a root model that only
// routes (tabs, mode, global keys, navigation messages, the launch summary
// and the footer) and the screens it routes to — Today, Customers, the
// customer detail and the welcome screen of an empty book. Every database
// call runs in a tea.Cmd with a timeout and its answer carries a sequence
// number, so a late answer never replaces a newer one.
package ui

import (
	"context"
	"database/sql"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/components/form"
)

// Options tune NewApp.
type Options struct {
	// Width and Height are the terminal's size before the first
	// WindowSizeMsg (0 = 80×24).
	Width, Height int
	// Theme overrides DefaultTheme.
	Theme *Theme
	// Timeout bounds each database call (0 = 5 s).
	Timeout time.Duration
	// Debounce is the filter's typing pause (0 = 150 ms).
	Debounce time.Duration
	// NoWatch turns off polling the file for other writers and the
	// midnight refresh (benchmarks).
	NoWatch bool
}

// pollEvery is how often the app looks for writes by another process
// (SPEC §4: it notices within two seconds).
const pollEvery = time.Second

// App is the root model. It routes; the screens do the work.
type App struct {
	c      *Common
	specs  []ScreenSpec
	tabs   map[ScreenID]Screen
	active ScreenID
	stack  []Screen // screens pushed over the tabs (customer detail)
	stale  map[ScreenID]bool
	// started marks the tabs whose Init has run (a tab loads when first shown).
	started map[ScreenID]bool

	keys     globalKeys
	help     help.Model
	showHelp bool
	width    int
	height   int
	noWatch  bool

	counts    db.TriageCounts
	countsErr error
	countsSeq int
	status    string
	statusErr bool

	conn    *sql.Conn
	version int64

	// editor is the form or question open over the focused screen (nil
	// when none); editSeq drops answers to requests it no longer waits for.
	editor  *editor
	editSeq int
}

// NewApp builds the root model over an open, refreshed book. The launch
// summary's counts are read here, synchronously (they come from
// materialised stats), so the first View already shows them; everything
// else loads in commands from Init.
func NewApp(ctx context.Context, d *db.DB, opts Options) (*App, error) {
	theme := DefaultTheme()
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
	set, err := d.Settings(ctx)
	if err != nil {
		return nil, err
	}
	c := &Common{Ctx: ctx, DB: d, Now: d.Now, Styles: NewStyles(theme), Timeout: opts.Timeout, Debounce: opts.Debounce, DateOrder: set.DateOrder}
	a := &App{c: c, specs: Registry(), tabs: map[ScreenID]Screen{}, stale: map[ScreenID]bool{}, started: map[ScreenID]bool{}, noWatch: opts.NoWatch}
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
	empty, err := d.IsEmpty(ctx)
	if err != nil {
		return nil, err
	}
	switch {
	case empty:
		a.tabs[ScreenWelcome] = NewWelcome(c)
		a.active = ScreenWelcome
	case a.counts.Any():
		a.active = ScreenToday
	default:
		a.active = ScreenCustomers
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
		cmds = append(cmds, a.watchCmd(), a.midnightCmd())
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
func (a *App) Active() ScreenID { return a.active }

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
func (a *App) Mode() Mode {
	if a.showHelp {
		return ModeModal
	}
	if a.editor != nil {
		return a.editorMode()
	}
	f := a.Focused()
	if m, ok := f.(moder); ok {
		return m.Mode()
	}
	if f.InputFocused() {
		return ModeForm
	}
	return ModeNormal
}

// topLevel is true when no screen is pushed over the tabs (q quits).
func (a *App) topLevel() bool { return len(a.stack) == 0 }

// Update routes: size, keys (global ones only when no input has focus),
// navigation, the root's own results; everything else to the screens.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return a, nil
	case tea.KeyMsg:
		return a, a.handleKey(msg)
	case openCustomerMsg:
		d := NewDetail(a.c, msg.ID)
		a.stack = append(a.stack, d)
		a.resize(a.width, a.height)
		return a, d.Init()
	case backMsg:
		return a, a.back()
	case switchScreenMsg:
		return a, a.switchTo(msg.ID)
	case changedMsg:
		a.status, a.statusErr = msg.Status, false
		return a, a.dataChanged(false)
	case statusMsg:
		a.status, a.statusErr = msg.Text, msg.Err
		return a, nil
	case countsMsg:
		if msg.Seq == a.countsSeq {
			a.counts, a.countsErr = msg.Counts, msg.Err
		}
		return a, nil
	case undoneMsg:
		return a, a.undone(msg)
	case watchReadyMsg, dataVersionMsg, midnightMsg, refreshedMsg:
		return a, a.watchUpdate(msg)
	case editRequestMsg, editLoadedMsg, editSavedMsg, form.SubmittedMsg, form.CancelledMsg, form.ReloadRequestedMsg:
		return a, a.editorUpdate(msg)
	}
	return a, a.broadcast(msg)
}

// broadcast hands a message to every live screen; each ignores what is not
// its own (answers carry an owner or a sequence number).
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for id, s := range a.tabs {
		var cmd tea.Cmd
		a.tabs[id], cmd = s.Update(msg)
		cmds = append(cmds, cmd)
	}
	for i, s := range a.stack {
		var cmd tea.Cmd
		a.stack[i], cmd = s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (a *App) handleKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, a.keys.ForceQuit) {
		return tea.Quit
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
	if a.editor != nil {
		return a.editorKey(msg)
	}
	if a.showHelp {
		if key.Matches(msg, a.keys.Help, a.keys.Back, a.keys.Quit) {
			a.showHelp = false
		}
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
		a.showHelp = true
		return nil
	case key.Matches(msg, a.keys.Next):
		return a.cycle(1)
	case key.Matches(msg, a.keys.Prev):
		return a.cycle(-1)
	case key.Matches(msg, a.keys.Undo):
		return a.undoCmd(false)
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
func (a *App) toFocused(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if n := len(a.stack); n > 0 {
		a.stack[n-1], cmd = a.stack[n-1].Update(msg)
		return cmd
	}
	a.tabs[a.active], cmd = a.tabs[a.active].Update(msg)
	return cmd
}

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
	return a.toFocused(reloadMsg{})
}

// switchTo shows a top-level screen, closing pushed ones.
func (a *App) switchTo(id ScreenID) tea.Cmd {
	if _, ok := a.tabs[id]; !ok {
		return nil
	}
	a.stack = nil
	if a.active == ScreenWelcome && id != ScreenWelcome {
		// Leaving the welcome screen: the book may have data now.
		delete(a.tabs, ScreenWelcome)
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
		return a.toFocused(reloadMsg{})
	}
	return nil
}

// start runs a screen's Init the first time it is shown.
func (a *App) start(id ScreenID) tea.Cmd {
	scr, ok := a.tabs[id]
	if !ok || a.started[id] {
		return nil
	}
	a.started[id] = true
	return scr.Init()
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
		cmds = append(cmds, a.toFocused(reloadMsg{}))
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
		ctx, cancel := c.dbCtx()
		defer cancel()
		tr, err := c.DB.Triage(ctx, db.TriageCountsOnly)
		return countsMsg{Seq: seq, Counts: tr.Counts, Err: err}
	}
}

// undoCmd undoes (or redoes) the last command.
func (a *App) undoCmd(redo bool) tea.Cmd {
	c := a.c
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
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
		a.status, a.statusErr = errorText(msg.Err), true
		return nil
	case msg.Redo:
		a.status = "Redone: " + clean(msg.Desc) + " (u undoes)"
	default:
		a.status = "Undone: " + clean(msg.Desc) + " (ctrl+r redoes)"
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
	a.sizeEditor()
}
