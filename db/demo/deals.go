package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/rapportcrm/rapport/model"
)

// dealCount is how many deals a story's customer opens over the history.
func dealCount(r *rand.Rand, s story) int {
	var one, two float64
	switch s {
	case storyProspect:
		one, two = 0.85, 0.05
	case storyQuiet:
		one = 0.15
	case storyCooling, storyUnanswered:
		one = 0.35
	case storyChurned, storyLapsed:
		one = 0.3
	default:
		one, two = 0.32, 0.08
	}
	x := r.Float64()
	switch {
	case x < two:
		return 2
	case x < two+one:
		return 1
	}
	return 0
}

// deals simulates the customer's deals through the stages.
func (g *gen) deals(r *rand.Rand, p plan) {
	n := dealCount(r, p.story)
	for j := 0; j < n; j++ {
		last := p.dealLimit.AddDays(-3)
		if !p.dealsOpenAllowed {
			last = p.dealLimit.AddDays(-50)
		}
		if last <= p.start {
			continue
		}
		first := p.start
		if p.story == storyProspect && j == 0 {
			last = min(last, p.start.AddDays(10))
		}
		g.deal(r, p, first.AddDays(r.IntN(int(last-first)+1)))
	}
}

// stageDays is how long a healthy deal spends in each open stage.
func stageDays(r *rand.Rand, k int) int {
	return [4]func() int{
		func() int { return uni(r, 2, 12) },
		func() int { return uni(r, 4, 13) },
		func() int { return uni(r, 3, 9) },
		func() int { return uni(r, 2, 6) },
	}[k]()
}

// deal runs one deal from day s: each stage entry is a logged touch on the
// deal; a deal stalls now and then (no activity past its stage's rot days),
// and stalled deals are usually lost. A deal still running at the plan's
// deal limit stays open (rotting when it stalled, or when the customer's
// story stopped all activity), or is lost when the story allows no open deal.
func (g *gen) deal(r *rand.Rand, p plan, s model.Day) {
	c := &g.cur
	t := g.text
	zh := c.zh
	title := pick(r, zh, t.dealTitles)
	if chance(r, 0.5) {
		title += fmt.Sprintf(" %d", s.AddDays(uni(r, 30, 120)).UTC().Year())
	}
	dl := dealRow{id: g.next.deal, title: title, currency: p.currency, status: "open"}
	g.next.deal++
	dl.value = g.minor(p.baseUSD*float64(uni(r, 2, 12)), p.currency)
	dl.created = g.at(s, workMinute(r))
	entry := dl.created
	k := 0
	if chance(r, 0.2) {
		k = 1 // some come in already qualified (a referral)
	}
	dl.moves = append(dl.moves, stageMove{to: g.stage[k], at: entry})
	g.stageTouch(r, &dl, k, entry)
	day := s
	for {
		dur := stageDays(r, k)
		stalled := chance(r, 0.14)
		if stalled {
			dur = g.rotDays[k] + uni(r, 3, 60)
		}
		exit := day.AddDays(dur)
		if exit >= p.dealLimit {
			if p.dealsOpenAllowed {
				g.openDeal(r, &dl, k, day, entry, stalled || p.dealLimit < g.today)
			} else {
				lost := min(p.dealLimit.AddDays(uni(r, 5, 30)), g.today.AddDays(-1))
				g.closeDeal(r, &dl, false, max(lost, day.AddDays(1)))
			}
			break
		}
		if stalled || chance(r, []float64{0.12, 0.12, 0.15, 0.12}[k]) {
			g.closeDeal(r, &dl, false, exit)
			break
		}
		if k == 3 {
			g.closeDeal(r, &dl, true, exit)
			break
		}
		day, k = exit, k+1
		entry = g.at(day, workMinute(r))
		dl.moves = append(dl.moves, stageMove{from: g.stage[k-1], to: g.stage[k], at: entry})
		g.stageTouch(r, &dl, k, entry)
	}
	c.deals = append(c.deals, dl)
}

// stageTouch logs the touch that moved deal dl into stage k.
func (g *gen) stageTouch(r *rand.Rand, dl *dealRow, k int, at int64) {
	c := &g.cur
	x := ixRow{deal: dl.id, score: -1, at: at, summary: pick(r, c.zh, g.text.stageTouch[k]) + ": " + dl.title}
	switch k {
	case 0:
		x.kind, x.dir, x.outcome = "email", []string{"inbound", "outbound"}[r.IntN(2)], "replied"
	case 1:
		x.kind, x.dir, x.outcome = "call", "outbound", "positive"
	case 2:
		x.kind, x.dir, x.outcome = "email", "outbound", "replied"
	default:
		x.kind, x.dir, x.outcome = "meeting", "outbound", "neutral"
	}
	c.ix = append(c.ix, x)
}

// openDeal leaves dl open in stage k, entered on day at time entry.
func (g *gen) openDeal(r *rand.Rand, dl *dealRow, k int, day model.Day, entry int64, stalled bool) {
	c := &g.cur
	dl.stageID, dl.stageChanged, dl.updated = g.stage[k], entry, entry
	dl.expectedClose = day.AddDays(uni(r, 10, 45))
	if chance(r, 0.1) {
		dl.probability = []int{20, 40, 60, 80, 90}[r.IntN(5)]
	}
	rotting := int(g.today-day) > g.rotDays[k]
	if !stalled && rotting {
		// A healthy deal has had activity since it entered its stage.
		d := g.today.AddDays(-uni(r, 1, max(1, g.rotDays[k]-1)))
		if d > day {
			c.ix = append(c.ix, ixRow{deal: dl.id, kind: "call", dir: "outbound", outcome: "positive", score: -1,
				summary: pick(r, c.zh, g.text.dealFresh), at: g.at(d, workMinute(r))})
			rotting = false
		}
	}
	if rotting && !g.snoozed && k >= 2 {
		g.snoozed = true
		dl.snoozedUntil = g.today.AddDays(uni(r, 7, 21))
		dl.snoozeReason = pick(r, c.zh, g.text.snooze)
		dl.updated = max(dl.updated, g.at(g.today.AddDays(-1), 1020))
	}
}

// closeDeal moves dl to Won (with its order) or Lost (with a reason) on day d.
func (g *gen) closeDeal(r *rand.Rand, dl *dealRow, won bool, d model.Day) {
	c := &g.cur
	at := g.at(d, workMinute(r))
	from := dl.moves[len(dl.moves)-1].to
	dl.closed, dl.stageChanged, dl.updated, dl.expectedClose = at, at, at, d
	if won {
		dl.status, dl.stageID = "won", g.stage[4]
		c.ix = append(c.ix, ixRow{deal: dl.id, kind: "meeting", dir: "outbound", outcome: "positive", score: -1,
			summary: pick(r, c.zh, g.text.won) + ": " + dl.title, at: at})
		c.orders = append(c.orders, orderRow{deal: dl.id, amount: dl.value, currency: dl.currency, at: at, note: dl.title})
		g.ruleFollowup(r, model.PracticeAfterSale, at, dl.id)
	} else {
		dl.status, dl.stageID = "lost", g.stage[5]
		if c.zh {
			dl.lostReason = g.names.lostZH[r.IntN(len(g.names.lostZH))]
		} else {
			dl.lostReason = g.names.lostEN[r.IntN(len(g.names.lostEN))]
		}
	}
	dl.moves = append(dl.moves, stageMove{from: from, to: dl.stageID, at: at})
}
