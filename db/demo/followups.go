package demo

import (
	"math/rand/v2"

	"github.com/rapportcrm/rapport/model"
)

// followups gives the customer its open follow-up, if any: most active
// customers have a next step planned; a few are overdue (more often where
// the story is slipping away), a few are due today.
func (g *gen) followups(r *rand.Rand, p plan) {
	c := &g.cur
	if c.lifecycle == string(model.Churned) {
		return
	}
	pOverdue := 0.025
	switch p.story {
	case storyCooling, storyUnanswered:
		pOverdue = 0.3
	case storyLapsed:
		pOverdue = 0.15
	case storyComplaint:
		pOverdue = 0.1
	}
	pFuture := 0.5
	if p.story == storyProspect {
		pFuture = 0.7
	}
	titles := g.text.followups
	if p.story == storyCooling || p.story == storyUnanswered || p.story == storyLapsed {
		titles = g.text.chase
	}
	f := followupRow{title: pick(r, c.zh, titles)}
	x := r.Float64()
	switch {
	case x < pOverdue:
		f.due = g.today.AddDays(-uni(r, 1, 21))
		if chance(r, 0.25) {
			f.time = []string{"10:00", "14:30", "16:00"}[r.IntN(3)]
		}
		if chance(r, 0.3) {
			f.snoozes = uni(r, 1, 2)
		}
	case x < pOverdue+0.012:
		f.due = g.today
		if chance(r, 0.6) {
			f.time = []string{"08:30", "10:00", "11:30", "14:00", "15:30", "17:00"}[r.IntN(6)]
		}
	case x < pOverdue+0.012+pFuture:
		f.due = g.today.AddDays(uni(r, 1, 30))
		if chance(r, 0.2) {
			f.time = []string{"09:30", "10:00", "14:00", "16:30"}[r.IntN(4)]
		}
	default:
		return
	}
	created := f.due.AddDays(-uni(r, 2, 14))
	if created >= g.today {
		created = g.today.AddDays(-1)
	}
	f.created = max(g.at(created, 1080), c.created)
	for _, dl := range c.deals {
		if dl.status == "open" && chance(r, 0.6) {
			f.deal = dl.id
			f.title = pick(r, c.zh, g.text.followups) + ": " + dl.title
			break
		}
	}
	c.followups = append(c.followups, f)
}
