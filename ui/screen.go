package ui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Screen is one screen of the app. The root model owns the screens, routes
// messages to them and draws the tabs, summary and footer around the
// focused one. Screens are pointers: Update mutates and returns the same one.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
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

// Mode is what owns the keyboard right now (pug's top model has the same idea).
type Mode int

// Modes of the root model.
const (
	ModeNormal Mode = iota // global keys work
	ModeFilter             // a filter input has focus
	ModeForm               // a form or prompt field has focus
	ModeModal              // a question or the help is on screen
)

// moder is implemented by screens that can say which non-normal mode they
// are in; a screen without it is in ModeForm whenever InputFocused.
type moder interface {
	Mode() Mode
}

// ScreenID names a screen.
type ScreenID string

// Screen ids of the tabs and the screens pushed over them.
const (
	ScreenToday     ScreenID = "today"
	ScreenCustomers ScreenID = "customers"
	ScreenPipeline  ScreenID = "pipeline"
	ScreenReports   ScreenID = "reports"
	ScreenWelcome   ScreenID = "welcome"
)

// ScreenSpec registers a top-level screen (a tab): its id, the key that
// selects it, its title and its constructor. The Pipeline and Reports
// issues add theirs to Registry.
type ScreenSpec struct {
	ID    ScreenID
	Key   string // "1", "2", …
	Title string
	New   func(c *Common) Screen
}

// Registry lists the tabs in order. Screens are built when the app starts.
func Registry() []ScreenSpec {
	return []ScreenSpec{
		{ID: ScreenToday, Key: "1", Title: "Today", New: func(c *Common) Screen { return NewToday(c) }},
		{ID: ScreenCustomers, Key: "2", Title: "Customers", New: func(c *Common) Screen { return NewCustomers(c) }},
		{ID: ScreenPipeline, Key: "3", Title: "Pipeline", New: func(c *Common) Screen { return NewPipeline(c) }},
		{ID: ScreenReports, Key: "4", Title: "Reports", New: func(c *Common) Screen { return NewReports(c) }},
	}
}
