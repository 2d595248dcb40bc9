package db

import "github.com/rapportcrm/rapport/model"

// RuleFollowup is a follow-up a playbook rule scheduled in answer to a
// command (rapport log and add say it).
type RuleFollowup struct {
	Rule       string // the rule's name
	ID         int64  // the follow-up's id
	CustomerID int64
	Title      string
	Due        model.Day
	DueTime    string // "" or HH:MM
}

// NoteScheduled asks for the follow-ups the rules schedule in answer to
// this command to be appended to *into. The rules fire after the
// command's function has run, so *into is filled when Write returns
// (without error).
func (t *Tx) NoteScheduled(into *[]RuleFollowup) { t.scheduled = into }

// noteScheduled records a follow-up rule r made, when asked to.
func (t *Tx) noteScheduled(r *model.Playbook, id int64, f *model.Followup) {
	if t.scheduled != nil {
		*t.scheduled = append(*t.scheduled, RuleFollowup{Rule: r.Name, ID: id, CustomerID: f.CustomerID, Title: f.Title, Due: f.Due, DueTime: f.DueTime})
	}
}
