package common

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
)

// ActedMsg is the result of an action on a row (complete, snooze). The
// root hands it to the screen that started the action, which reloads and
// passes it on with ActedResult.
type ActedMsg struct {
	Status string
	Err    error
	// Then is asked for once the action succeeded (x offers to log what
	// happened); nil for none.
	Then *EditRequestMsg
}

// CompleteFollowupCmd marks a follow-up of customer cid done as one
// undoable command, then offers to log what happened (the contact that did
// the work), so the customer's silence clears when it was really done; esc
// skips the log.
func CompleteFollowupCmd(c *Common, cid, id int64, title, customer string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		_, err := c.DB.CompleteFollowup(ctx, id)
		offer := &EditRequestMsg{Action: ActLog, Sel: Selection{CustomerID: cid, Customer: customer, Kind: KindFollowup, ItemID: id, Label: title},
			Heading: fmt.Sprintf("Done: %s. Log what happened? (esc skips)", Clean(title))}
		return ActedMsg{Status: fmt.Sprintf("Done: %s (u undoes)", Clean(title)), Err: err, Then: offer}
	}
}

// SnoozeFollowupCmd moves a follow-up to another day.
func SnoozeFollowupCmd(c *Common, id int64, title string, due model.Day, dueTime string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		_, err := c.DB.SnoozeFollowup(ctx, id, due, dueTime)
		return ActedMsg{Status: fmt.Sprintf("Snoozed to %s: %s", model.When{Day: due}.Describe(c.Today()), Clean(title)), Err: err}
	}
}

// SnoozeADayCmd is `z` on a follow-up: one day after the later of its due
// date and today (db.SnoozeFollowupADay), so a snooze never pulls a date
// forward.
func SnoozeADayCmd(c *Common, id int64, title string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		f, err := c.DB.SnoozeFollowupADay(ctx, id)
		return ActedMsg{Status: fmt.Sprintf("Snoozed a day, to %s: %s", model.When{Day: f.Due}.Describe(c.Today()), Clean(title)), Err: err}
	}
}

// SnoozeDealCmd snoozes a rotting deal until a day, with a reason.
func SnoozeDealCmd(c *Common, id int64, title string, until model.Day, reason string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		_, err := c.DB.SnoozeDeal(ctx, id, until, reason)
		return ActedMsg{Status: fmt.Sprintf("Deal snoozed to %s: %s", model.When{Day: until}.Describe(c.Today()), Clean(title)), Err: err}
	}
}

// ActedResult turns an action's result into the root's messages.
func ActedResult(m ActedMsg) tea.Cmd {
	if m.Err != nil {
		return func() tea.Msg { return StatusMsg{Text: ErrorText(m.Err), Err: true} }
	}
	changed := func() tea.Msg { return ChangedMsg{Status: m.Status} }
	if m.Then != nil {
		then := *m.Then
		return tea.Batch(changed, func() tea.Msg { return then })
	}
	return changed
}

// ErrorText is an error as one clean line for the status bar, in words a
// salesperson can act on: the Go library errors that carry no meaning for
// them (a deadline, a cancel, "no rows") are said in words, with what to do.
func ErrorText(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, context.DeadlineExceeded):
		return "The book took too long to answer (another program may be busy with it): press r or try again in a moment"
	case errors.Is(err, context.Canceled):
		return "Stopped before it finished: nothing was changed"
	case errors.Is(err, sql.ErrNoRows):
		return "Not found: it may have been removed in another window"
	}
	return Clean(err.Error())
}

// OpenCustomerCmd asks the root to open a customer.
func OpenCustomerCmd(id int64) tea.Cmd {
	return func() tea.Msg { return OpenCustomerMsg{ID: id} }
}

// StatusCmd asks the root to show a hint in the footer.
func StatusCmd(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}
