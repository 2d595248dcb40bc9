package ui

import (
	"database/sql"

	"github.com/rapportcrm/rapport/db"
)

// Cross-screen messages. Screens speak in meanings; the root model decides
// where to go. Messages internal to one screen live in that screen's file.

// openCustomerMsg asks to open a customer's detail view. Sent by Today
// (enter on any row) and Customers (enter); handled by the root, which
// pushes a Detail screen.
type openCustomerMsg struct{ ID int64 }

// backMsg asks to leave the pushed screen. Sent by Detail (q/esc are
// handled by the root directly); handled by the root, which pops it and
// reloads the screen below.
type backMsg struct{}

// switchScreenMsg asks to show a top-level screen. Sent by Welcome after
// sample data was loaded or a first customer added; handled by the root.
type switchScreenMsg struct{ ID ScreenID }

// changedMsg says a screen wrote to the book (completed, snoozed, added…).
// Sent by Today, Detail and Welcome after a successful write; handled by the
// root: it shows Status, reloads the summary and marks the other screens
// stale so they reload when shown.
type changedMsg struct{ Status string }

// statusMsg puts a line in the footer. Sent by any screen (mostly errors
// and hints); handled by the root.
type statusMsg struct {
	Text string
	Err  bool
}

// reloadMsg tells a screen to load its data again, keeping its cursor.
// Sent by the root to the visible screen when another process changed the
// file, after undo/redo, at midnight, and when a stale screen is shown.
type reloadMsg struct{}

// countsMsg carries the launch summary's counts. Produced by loadCountsCmd
// (the root's); Seq drops an answer older than the last one asked for.
type countsMsg struct {
	Seq    int
	Counts db.TriageCounts
	Err    error
}

// undoneMsg is the result of undo or redo. Produced by the root's
// undoCmd; handled by the root.
type undoneMsg struct {
	Redo bool
	Desc string
	Err  error
}

// dataVersionMsg carries PRAGMA data_version from the watch connection.
// Produced by the root's pollCmd every second; handled by the root.
type dataVersionMsg struct {
	Version int64
	Err     error
}

// watchReadyMsg carries the dedicated connection the root polls.
type watchReadyMsg struct {
	Conn    *sql.Conn
	Version int64
	Err     error
}

// midnightMsg fires at the next local midnight. Produced by the root's
// midnightCmd; the root refreshes the materialised risk and reloads.
type midnightMsg struct{}

// refreshedMsg is the end of a Refresh started by the root.
type refreshedMsg struct{ Err error }

// editRequestMsg asks for a form or question over the focused screen: add
// a customer, edit or archive the selected item, log an interaction, a
// follow-up, a deal, an order, tags, a contact, restore, resolve. Sent by
// Today, Customers and Detail (their edit keys); handled by the root, which
// loads the row and opens the editor (editor.go).
type editRequestMsg struct {
	Action editAction
	Sel    selection
	Owner  string // the screen that asked
}
