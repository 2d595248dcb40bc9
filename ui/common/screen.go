package common

// Mode is what owns the keyboard right now (pug's top model has the same idea).
type Mode int

// Modes of the root model.
const (
	ModeNormal Mode = iota // global keys work
	ModeFilter             // a filter input has focus
	ModeForm               // a form or prompt field has focus
	ModeModal              // a question or the help is on screen
)

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
