package ui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/screens/customers"
	"github.com/rapportcrm/rapport/ui/screens/pipeline"
	"github.com/rapportcrm/rapport/ui/screens/reports"
	"github.com/rapportcrm/rapport/ui/screens/today"
)

// Screen is one screen of the app (a package under ui/screens). The root
// model owns the screens, routes messages to them and draws the tabs,
// summary and footer around the focused one. Screens are pointers: Update
// changes the screen in place and returns only the command, so a screen
// package needs nothing from this one. Update ends by deciding which keys
// apply; View, ShortHelp and FullHelp only read.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) tea.Cmd
	View() string
	// SetSize gives the screen the body area (the frame minus the root's
	// header and footer). View must return exactly height lines, none wider
	// than width.
	SetSize(width, height int)
	// ShortHelp and FullHelp feed the footer and the `?` help.
	help.KeyMap
	// InputFocused is true while a text field, filter or prompt owns the
	// keyboard: the root's global keys (q, ?, digits, u, …) then reach the
	// screen as text.
	InputFocused() bool
}

// Mode is what owns the keyboard right now (pug's top model has the same
// idea); the type lives in ui/common so screens can report theirs.
type Mode = common.Mode

// Modes of the root model.
const (
	ModeNormal = common.ModeNormal // global keys work
	ModeFilter = common.ModeFilter // a filter input has focus
	ModeForm   = common.ModeForm   // a form or prompt field has focus
	ModeModal  = common.ModeModal  // a question or the help is on screen
)

// moder is implemented by screens that can say which non-normal mode they
// are in; a screen without it is in ModeForm whenever InputFocused.
type moder interface {
	Mode() Mode
}

// ScreenID names a screen (ui/common's, so Welcome can ask for one).
type ScreenID = common.ScreenID

// Screen ids of the tabs and the screens pushed over them.
const (
	ScreenToday     = common.ScreenToday
	ScreenCustomers = common.ScreenCustomers
	ScreenPipeline  = common.ScreenPipeline
	ScreenReports   = common.ScreenReports
	ScreenWelcome   = common.ScreenWelcome
)

// ScreenSpec registers a top-level screen (a tab): its id, the key that
// selects it, its title and its constructor. The Pipeline and Reports
// issues add theirs to Registry.
type ScreenSpec struct {
	ID    ScreenID
	Key   string // "1", "2", …
	Title string // a catalog key, said with the printer where it is drawn
	New   func(c *common.Common) Screen
}

// Registry lists the tabs in order. Screens are built when the app starts.
func Registry() []ScreenSpec {
	return []ScreenSpec{
		{ID: ScreenToday, Key: "1", Title: i18n.N("Today"), New: func(c *common.Common) Screen { return today.New(c) }},
		{ID: ScreenCustomers, Key: "2", Title: i18n.N("Customers"), New: func(c *common.Common) Screen { return customers.New(c) }},
		{ID: ScreenPipeline, Key: "3", Title: i18n.N("Pipeline"), New: func(c *common.Common) Screen { return pipeline.New(c) }},
		{ID: ScreenReports, Key: "4", Title: i18n.N("Reports"), New: func(c *common.Common) Screen { return reports.New(c) }},
	}
}
