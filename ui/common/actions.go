package common

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
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
			Heading: c.T("Done: %s. Log what happened? (esc skips)", Clean(title))}
		return ActedMsg{Status: c.T("Done: %s (u undoes)", Clean(title)), Err: err, Then: offer}
	}
}

// SnoozeFollowupCmd moves a follow-up to another day.
func SnoozeFollowupCmd(c *Common, id int64, title string, due model.Day, dueTime string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		_, err := c.DB.SnoozeFollowup(ctx, id, due, dueTime)
		return ActedMsg{Status: c.T("Snoozed to %s: %s", model.When{Day: due}.DescribeIn(c.P, c.Today()), Clean(title)), Err: err}
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
		return ActedMsg{Status: c.T("Snoozed a day, to %s: %s", model.When{Day: f.Due}.DescribeIn(c.P, c.Today()), Clean(title)), Err: err}
	}
}

// SnoozeDealCmd snoozes a rotting deal until a day, with a reason.
func SnoozeDealCmd(c *Common, id int64, title string, until model.Day, reason string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		_, err := c.DB.SnoozeDeal(ctx, id, until, reason)
		return ActedMsg{Status: c.T("Deal snoozed to %s: %s", model.When{Day: until}.DescribeIn(c.P, c.Today()), Clean(title)), Err: err}
	}
}

// ActedResult turns an action's result into the root's messages, an
// error said in English (c.ActedResult says it in the reader's language).
func ActedResult(m ActedMsg) tea.Cmd { return actedResult(nil, m) }

// ActedResult turns an action's result into the root's messages, an error
// said in the reader's language.
func (c *Common) ActedResult(m ActedMsg) tea.Cmd { return actedResult(c.P, m) }

func actedResult(p *i18n.Printer, m ActedMsg) tea.Cmd {
	if m.Err != nil {
		return func() tea.Msg { return StatusMsg{Text: ErrorTextIn(p, m.Err), Err: true} }
	}
	changed := func() tea.Msg { return ChangedMsg{Status: m.Status} }
	if m.Then != nil {
		then := *m.Then
		return tea.Batch(changed, func() tea.Msg { return then })
	}
	return changed
}

// OpenCustomerCmd asks the root to open a customer.
func OpenCustomerCmd(id int64) tea.Cmd {
	return func() tea.Msg { return OpenCustomerMsg{ID: id} }
}

// SayCmd asks the root to show a hint in the footer, said in the reader's
// language: msg is a catalog message (i18n.Errorf).
func SayCmd(msg error) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Say: msg} }
}

// StatusCmd asks the root to show a hint in the footer.
func StatusCmd(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}
