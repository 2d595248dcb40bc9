package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
)

// actedMsg is the result of an action on a row (complete, snooze). Owner
// says which screen asked, so only that one reacts.
type actedMsg struct {
	Owner  string
	Status string
	Err    error
}

// completeFollowupCmd marks a follow-up done as one undoable command.
func completeFollowupCmd(c *Common, owner string, id int64, title string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		_, err := c.DB.CompleteFollowup(ctx, id)
		return actedMsg{Owner: owner, Status: fmt.Sprintf("Done: %s (u undoes)", clean(title)), Err: err}
	}
}

// snoozeFollowupCmd moves a follow-up to another day.
func snoozeFollowupCmd(c *Common, owner string, id int64, title string, due model.Day, dueTime string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		_, err := c.DB.SnoozeFollowup(ctx, id, due, dueTime)
		return actedMsg{Owner: owner, Status: fmt.Sprintf("Snoozed to %s: %s", model.When{Day: due}.Describe(c.Today()), clean(title)), Err: err}
	}
}

// snoozeDealCmd snoozes a rotting deal until a day, with a reason.
func snoozeDealCmd(c *Common, owner string, id int64, title string, until model.Day, reason string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		_, err := c.DB.SnoozeDeal(ctx, id, until, reason)
		return actedMsg{Owner: owner, Status: fmt.Sprintf("Deal snoozed to %s: %s", model.When{Day: until}.Describe(c.Today()), clean(title)), Err: err}
	}
}

// actedResult turns an action's result into the root's messages.
func actedResult(m actedMsg) tea.Cmd {
	if m.Err != nil {
		return func() tea.Msg { return statusMsg{Text: errorText(m.Err), Err: true} }
	}
	return func() tea.Msg { return changedMsg{Status: m.Status} }
}

// errorText is an error as one clean line for the status bar.
func errorText(err error) string { return clean(err.Error()) }
