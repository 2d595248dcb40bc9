package cli

import (
	"fmt"

	"github.com/rapportcrm/rapport/db"
)

// printScheduled says, one line each, what the playbook rules scheduled in
// answer to the command (db.Tx.NoteScheduled).
func printScheduled(e *Env, rs []db.RuleFollowup) {
	p := e.P()
	for _, r := range rs {
		fmt.Fprintln(e.Stdout, p.T("rule %s scheduled follow-up %d: %s, due %s", clean(r.Rule), r.ID, clean(r.Title), dueText(r.Due, r.DueTime)))
	}
}
