package ui

import (
	"database/sql"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// The root's own messages: the answers of its commands (the summary's
// counts, undo, the watch on the file, midnight). Cross-screen messages live
// in ui/common.

// countsMsg carries the launch summary's counts. Produced by loadCountsCmd
// (the root's); Seq drops an answer older than the last one asked for.
type countsMsg struct {
	Seq    int
	Counts db.TriageCounts
	Goal   *model.GoalProgress // this month's main goal, nil when none
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
