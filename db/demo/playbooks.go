package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// loadRules reads the book's default playbook rules by practice, so the
// demo's history shows follow-ups they made: first revisits of new
// customers, after-sale revisits of won deals, complaint callbacks.
func (g *gen) loadRules(ctx context.Context, t *db.Tx) error {
	rows, err := t.Q().QueryContext(ctx, `SELECT id, practice, title, after_days, after_hours, coalesce(at_time, '') FROM playbooks
		WHERE archived_at IS NULL AND enabled = 1 AND practice <> ''`)
	if err != nil {
		return err
	}
	defer rows.Close()
	g.rules = map[string]model.Playbook{}
	for rows.Next() {
		var p model.Playbook
		if err := rows.Scan(&p.ID, &p.Practice, &p.Title, &p.AfterDays, &p.AfterHours, &p.AtTime); err != nil {
			return err
		}
		g.rules[p.Practice] = p
	}
	return rows.Err()
}

// ruleFollowup adds the follow-up the rule of a practice made for an event
// at unix time at (about deal, or 0): due as the rule says; one due before
// today was done, mostly on time (one in five late), one due later is open.
func (g *gen) ruleFollowup(r *rand.Rand, practice string, at, deal int64) {
	rule, ok := g.rules[practice]
	if !ok || at >= g.nowUnix {
		return
	}
	due, tm := rule.Due(time.Unix(at, 0).In(g.loc))
	f := followupRow{title: rule.Title, due: due, time: tm, created: at, deal: deal, rule: rule.ID}
	if due < g.today {
		done := due
		if chance(r, 0.2) {
			done = due.AddDays(uni(r, 1, 4))
		}
		if done >= g.today {
			done = g.today.AddDays(-1)
		}
		f.done = max(g.at(done, workMinute(r)), at+60)
	}
	g.cur.followups = append(g.cur.followups, f)
}
