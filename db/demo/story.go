package demo

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/rapportcrm/rapport/model"
)

// story is the arc a simulated customer follows over the history.
type story int

const (
	storyLoyal      story = iota // orders on a rhythm, touched regularly, to today
	storyQuiet                   // touched every month or two, orders now and then
	storyProspect                // recent, not buying yet, a deal in the pipeline
	storyCooling                 // was regular, contacts thinned out over the last weeks
	storyLapsed                  // went silent months ago without being marked churned
	storyChurned                 // left: lifecycle churned with a reason
	storyComplaint               // regular, with a recent complaint (resolved or open)
	storyUnanswered              // regular until recently, now outreach goes unanswered
	storyDetractor               // regular, with a poor rating in the last months
	storyOrderGap                // still talking, but orders stopped coming on their rhythm
)

// storyWeights are the mix of the book, in tenths of a percent.
func storyWeights() [10]int {
	return [10]int{
		storyLoyal:      460,
		storyQuiet:      120,
		storyProspect:   100,
		storyCooling:    20,
		storyLapsed:     12,
		storyChurned:    90,
		storyComplaint:  50,
		storyUnanswered: 25,
		storyDetractor:  45,
		storyOrderGap:   50,
	}
}

func pickStory(r *rand.Rand) story {
	w := storyWeights()
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return story(i)
		}
		n -= x
	}
	return storyLoyal
}

// uni returns a whole number in [a, b].
func uni(r *rand.Rand, a, b int) int {
	if b <= a {
		return a
	}
	return a + r.IntN(b-a+1)
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// plan is a customer's arc in days: active from start, touched about every
// touchEvery days until touchEnd, ordering every orderEvery days until
// orderEnd, with the story's turn at phase.
type plan struct {
	story                     story
	start, touchEnd, orderEnd model.Day
	phase                     model.Day
	touchEvery, orderEvery    float64
	baseUSD                   float64 // typical order in US dollars
	currency                  string
	noReply                   float64 // share of outbound touches left unanswered
	dealsOpenAllowed          bool
	dealLimit                 model.Day // deals make no progress from this day
}

// customer simulates customer i and writes its rows.
func (g *gen) customer(i int) error {
	r := g.rng(i)
	c := &g.cur
	c.reset()
	c.id = g.next.customer
	g.next.customer++
	p := g.plan(r)
	g.identity(r, p)
	if c.created >= g.nowUnix-90*86400 {
		g.ruleFollowup(r, model.PracticeFirstRevisit, c.created, 0)
	}
	g.touches(r, p)
	g.storyTurn(r, p)
	g.orders(r, p)
	g.deals(r, p)
	g.followups(r, p)
	g.settle(r, p)
	g.tally()
	return g.write()
}

func (g *gen) plan(r *rand.Rand) plan {
	t := g.today
	p := plan{story: pickStory(r), noReply: 0.10, dealsOpenAllowed: true}
	if r.IntN(100) < 65 {
		p.start = t.AddDays(-uni(r, 400, HistoryDays))
	} else {
		p.start = t.AddDays(-uni(r, 60, 400))
	}
	p.touchEnd, p.orderEnd, p.dealLimit = t, t, t
	// Typical days between touches: log-normal around 7 weeks.
	p.touchEvery = math.Min(64, math.Max(22, math.Exp(r.NormFloat64()*0.25+math.Log(50))))
	// Days between orders: a regular buyer orders every few weeks to a
	// couple of months (SPEC §3's lapse model learns what is usual here).
	p.orderEvery = math.Min(45, math.Max(10, p.touchEvery*(0.3+0.6*r.Float64())))
	p.baseUSD = math.Min(60000, math.Max(80, math.Exp(r.NormFloat64()*0.9+math.Log(900))))
	p.currency = g.currency
	if chance(r, 0.12) {
		p.currency = g.second
	}
	switch p.story {
	case storyQuiet:
		p.touchEvery = float64(uni(r, 42, 58))
		p.orderEvery = float64(uni(r, 30, 75))
		if chance(r, 0.15) {
			p.orderEvery = 0
		}
	case storyProspect:
		p.start = t.AddDays(-uni(r, 7, 150))
		p.touchEvery = float64(uni(r, 5, 15))
		p.orderEvery = 0
	case storyCooling:
		// Touched every week or two until phase, then ever more rarely.
		p.touchEvery = float64(uni(r, 8, 18))
		p.phase = t.AddDays(-uni(r, 45, 75))
		p.dealLimit = p.phase
		p.orderEnd = p.phase.AddDays(-uni(r, 0, 20))
	case storyLapsed:
		p.touchEnd = t.AddDays(-uni(r, 95, 200))
		p.orderEnd, p.dealLimit = p.touchEnd, p.touchEnd
		p.dealsOpenAllowed = false
	case storyChurned:
		p.start = t.AddDays(-uni(r, 330, HistoryDays))
		p.touchEnd = t.AddDays(-uni(r, 100, 300))
		p.orderEnd = p.touchEnd.AddDays(-uni(r, 0, 40))
		p.dealLimit = p.touchEnd
		p.dealsOpenAllowed = false
	case storyUnanswered:
		p.phase = t.AddDays(-uni(r, 14, 40))
		p.touchEnd, p.dealLimit = p.phase, p.phase
		p.orderEnd = p.phase.AddDays(-uni(r, 0, 30))
	case storyOrderGap:
		p.start = t.AddDays(-uni(r, 300, HistoryDays))
		p.orderEvery = float64(uni(r, 12, 30))
		p.orderEnd = t.AddDays(-int(p.orderEvery * (1.6 + r.Float64()*1.2)))
	}
	if p.touchEnd <= p.start {
		p.touchEnd = p.start.AddDays(30)
	}
	return p
}

// identity draws who the customer is: name, company, contacts, tags.
func (g *gen) identity(r *rand.Rand, p plan) {
	c := &g.cur
	n := g.names
	c.zh = r.IntN(100) < 55
	var co company
	if c.zh {
		co = n.zhCompany(g.zhK)
		g.zhK++
	} else {
		co = n.enCompany(g.enK)
		g.enK++
	}
	c.company, c.industry = co.name, co.industry
	personal := chance(r, 0.3) // a person is the customer, the company where they work
	mkPerson := func() person {
		if c.zh {
			return n.zhPerson(r)
		}
		return n.enPerson(r)
	}
	if personal {
		who := mkPerson()
		c.name, c.email = who.name, who.local+"@"+co.domain
	} else {
		c.name = co.name
		c.email = []string{"sales@", "info@", "purchasing@", "office@"}[r.IntN(4)] + co.domain
		if chance(r, 0.08) {
			c.email = ""
		}
	}
	c.phone = phone(r, c.zh)
	switch {
	case c.zh && chance(r, 0.7):
		c.im = "WeChat: wx_" + co.domain[:min(8, len(co.domain))] + string(rune('0'+r.IntN(10)))
	case !c.zh && chance(r, 0.25):
		c.im = "Slack: #" + co.domain[:min(10, len(co.domain))]
	}
	if c.zh {
		c.source = n.sourcesZH[r.IntN(len(n.sourcesZH))]
	} else {
		c.source = n.sourcesEN[r.IntN(len(n.sourcesEN))]
	}
	if chance(r, 0.15) {
		if c.zh {
			c.notes = n.notesZH[r.IntN(len(n.notesZH))]
		} else {
			c.notes = n.notesEN[r.IntN(len(n.notesEN))]
		}
	}
	if chance(r, 0.05) {
		c.cadence = []int{7, 21, 45, 90}[r.IntN(4)]
	}
	c.tier = model.TierC
	c.created = g.at(p.start, workMinute(r))
	c.updated = c.created
	// Contacts: people at a company; a person customer may have an assistant.
	k := 0
	if !personal {
		k = 1 + r.IntN(3)
	} else if chance(r, 0.2) {
		k = 1
	}
	for j := 0; j < k; j++ {
		who := mkPerson()
		roles := n.rolesEN
		if c.zh {
			roles = n.rolesZH
		}
		c.contacts = append(c.contacts, contactRow{id: g.next.contact, name: who.name, role: roles[r.IntN(len(roles))],
			email: who.local + "@" + co.domain, phone: phone(r, c.zh), primary: j == 0})
		g.next.contact++
	}
	// Tags.
	add := func(t string, p float64) {
		if chance(r, p) {
			c.tags = append(c.tags, t)
		}
	}
	if p.story != storyChurned && p.story != storyProspect && chance(r, 0.02) {
		c.tags = append(c.tags, "vip")
		c.tier, c.pinned = model.TierA, true
		g.pinned[c.id] = true
	}
	add("reseller", 0.08)
	add("wholesale", 0.05)
	add("key-account", 0.04)
	add("partner", 0.03)
	if p.story == storyProspect {
		add("trial", 0.3)
	}
	if c.zh {
		add(n.regionTagZH[r.IntN(len(n.regionTagZH))], 0.4)
	} else {
		add(n.regionTagEN[r.IntN(len(n.regionTagEN))], 0.3)
	}
	if g.today-p.start <= 90 {
		add("新客户", 0.4)
	}
	c.lifecycle = string(model.Active)
	if p.story == storyProspect {
		c.lifecycle = string(model.Prospect)
	}
}

// step returns the next gap in days around every (at least 1).
func step(r *rand.Rand, every float64) int {
	return max(1, int(every*(0.7+0.6*r.Float64())+0.5))
}

// touches simulates the regular contact of the customer's arc.
func (g *gen) touches(r *rand.Rand, p plan) {
	for d := p.start.AddDays(r.IntN(max(1, int(p.touchEvery)))); d < p.touchEnd && d < g.today; {
		g.touch(r, p, d)
		every := p.touchEvery
		if p.story == storyCooling && d >= p.phase {
			every *= 3.5
		}
		d = d.AddDays(step(r, every))
	}
}

// touch adds one ordinary interaction on day d.
func (g *gen) touch(r *rand.Rand, p plan, d model.Day) {
	c := &g.cur
	t := g.text
	x := ixRow{score: -1, at: g.at(d, workMinute(r))}
	n := r.IntN(100)
	switch {
	case n < 30:
		x.kind = "email"
	case n < 55:
		x.kind = "call"
	case n < 68:
		x.kind = "message"
	case n < 78:
		x.kind = "meeting"
	case n < 83:
		x.kind = "visit"
	case n < 95 && chance(r, 0.5):
		// A note to self is no contact: the touch itself still happens.
		c.ix = append(c.ix, ixRow{kind: "note", dir: "internal", outcome: "none", score: -1,
			summary: pick(r, c.zh, t.touch["note/internal/ok"]), at: g.at(d, workMinute(r))})
		x.kind = "email"
	case n < 95:
		x.kind = "call"
	default:
		g.feedback(r, &x, chance(r, 0.9))
		c.ix = append(c.ix, x)
		return
	}
	switch {
	case x.kind == "note":
		x.dir, x.outcome = "internal", "none"
	case chance(r, 0.6) || x.kind == "visit":
		x.dir = "outbound"
		if x.kind != "meeting" && x.kind != "visit" && chance(r, p.noReply) {
			x.outcome = "no_reply"
			x.summary = pick(r, c.zh, t.noReply)
			c.ix = append(c.ix, x)
			g.maybeDoneFollowup(r, d)
			return
		}
		x.outcome = []string{"replied", "replied", "positive", "positive", "neutral", "none"}[r.IntN(6)]
	default:
		x.dir = "inbound"
		x.outcome = []string{"positive", "neutral", "neutral", "replied", "none"}[r.IntN(5)]
	}
	if x.kind != "note" && chance(r, 0.015) {
		x.outcome = "negative"
		x.summary = pick(r, c.zh, t.negative)
	} else {
		x.summary = pick(r, c.zh, t.touch[x.kind+"/"+x.dir+"/ok"])
	}
	if (x.kind == "meeting" || x.kind == "visit" || x.kind == "note") && chance(r, 0.3) {
		x.body = pick(r, c.zh, t.bodies)
	}
	c.ix = append(c.ix, x)
	if x.dir == "outbound" {
		g.maybeDoneFollowup(r, d)
	}
}

// feedback fills x as a rating: good (7–10) or poor (2–6).
func (g *gen) feedback(r *rand.Rand, x *ixRow, good bool) {
	zh := g.cur.zh
	x.kind, x.dir = "feedback", "inbound"
	if good {
		x.score = uni(r, 7, 10)
		x.outcome = "positive"
		x.summary = pick(r, zh, g.text.goodFb)
		return
	}
	x.score = uni(r, 2, 6)
	x.outcome = []string{"negative", "neutral"}[r.IntN(2)]
	x.summary = pick(r, zh, g.text.badFb)
}

// maybeDoneFollowup sometimes schedules, after an outbound touch on day d,
// a follow-up that was done on time (the history of a diligent salesperson).
func (g *gen) maybeDoneFollowup(r *rand.Rand, d model.Day) {
	if !chance(r, 0.3) {
		return
	}
	due := d.AddDays(uni(r, 2, 10))
	done := due.AddDays(uni(r, -1, 2))
	if done >= g.today {
		return
	}
	f := followupRow{title: pick(r, g.cur.zh, g.text.followups), due: due, created: g.at(d, 1110), done: g.at(done, workMinute(r))}
	if chance(r, 0.2) {
		f.time = []string{"09:30", "10:00", "14:00", "16:30"}[r.IntN(4)]
	}
	g.cur.followups = append(g.cur.followups, f)
}

// storyTurn adds what makes the story: the complaint, the unanswered
// outreach, the poor rating, the fade-out of a customer who left.
func (g *gen) storyTurn(r *rand.Rand, p plan) {
	c := &g.cur
	t := g.text
	today := g.today
	switch p.story {
	case storyComplaint:
		d := today.AddDays(-uni(r, 3, 50))
		x := ixRow{kind: "complaint", dir: "inbound", outcome: "negative", score: -1, summary: pick(r, c.zh, t.complaint), at: g.at(d, workMinute(r))}
		if res := d.AddDays(uni(r, 1, 14)); chance(r, 0.55) && res < today {
			x.resolved = g.at(res, workMinute(r))
			c.ix = append(c.ix, ixRow{kind: "call", dir: "outbound", outcome: "positive", score: -1, summary: pick(r, c.zh, t.resolved), at: x.resolved})
		}
		c.ix = append(c.ix, x)
		g.ruleFollowup(r, model.PracticeComplaintCallback, x.at, 0)
		if a := d.AddDays(1); a < today {
			c.ix = append(c.ix, ixRow{kind: "call", dir: "outbound", outcome: "neutral", score: -1, summary: pick(r, c.zh, t.apology), at: g.at(a, workMinute(r))})
		}
	case storyUnanswered, storyCooling:
		n := uni(r, 2, 4)
		gap := 7
		if p.story == storyCooling {
			n, gap = r.IntN(2), 20
		}
		d := p.phase
		for j := 0; j < n; j++ {
			d = d.AddDays(uni(r, gap/2+1, gap+3))
			if d >= today {
				break
			}
			kind := []string{"email", "call", "message"}[r.IntN(3)]
			c.ix = append(c.ix, ixRow{kind: kind, dir: "outbound", outcome: "no_reply", score: -1, summary: pick(r, c.zh, t.noReply), at: g.at(d, workMinute(r))})
		}
	case storyDetractor:
		x := ixRow{score: -1, at: g.at(today.AddDays(-uni(r, 5, 150)), workMinute(r))}
		g.feedback(r, &x, false)
		c.ix = append(c.ix, x)
	case storyChurned:
		c.lifecycle = string(model.Churned)
		if c.zh {
			c.churnReason = g.names.churnZH[r.IntN(len(g.names.churnZH))]
		} else {
			c.churnReason = g.names.churnEN[r.IntN(len(g.names.churnEN))]
		}
		d := p.touchEnd.AddDays(uni(r, 20, 60))
		if d >= today {
			d = today.AddDays(-1)
		}
		c.ix = append(c.ix, ixRow{kind: "note", dir: "internal", outcome: "none", score: -1,
			summary: g.text.churnNote.in(c.zh) + ": " + c.churnReason, at: g.at(d, workMinute(r))})
	}
	// Older complaints, long resolved, happen to good customers too.
	if p.story == storyLoyal && chance(r, 0.04) {
		d := p.start.AddDays(uni(r, 10, max(10, int(today-p.start)-90)))
		if d < today.AddDays(-75) {
			res := d.AddDays(uni(r, 1, 10))
			c.ix = append(c.ix, ixRow{kind: "complaint", dir: "inbound", outcome: "negative", score: -1, summary: pick(r, c.zh, t.complaint),
				at: g.at(d, workMinute(r)), resolved: g.at(res, workMinute(r))})
		}
	}
}

// orders simulates purchases on the customer's rhythm.
func (g *gen) orders(r *rand.Rand, p plan) {
	if p.orderEvery <= 0 {
		return
	}
	c := &g.cur
	for d := p.start.AddDays(uni(r, 3, max(3, int(p.orderEvery)))); d < p.orderEnd && d < g.today; d = d.AddDays(orderStep(r, p.orderEvery)) {
		usd := p.baseUSD * (0.6 + r.Float64()*0.8)
		c.orders = append(c.orders, orderRow{amount: g.minor(usd, p.currency), currency: p.currency, at: g.at(d, workMinute(r)),
			note: pick(r, c.zh, g.text.orderNote)})
	}
}

// orderStep is the days to a customer's next order: as irregular as real
// purchases (a floor of half the usual gap plus an exponential
// rest), with the usual gap as the mean.
func orderStep(r *rand.Rand, every float64) int {
	return max(1, int(every*(0.5+0.5*r.ExpFloat64())+0.5))
}

// minor converts an amount in US dollars into rounded minor units of cur.
func (g *gen) minor(usd float64, cur string) int64 {
	rate := map[string]float64{"USD": 1, "CNY": 7.2, "EUR": 0.92, "GBP": 0.79, "JPY": 150, "HKD": 7.8}[cur]
	if rate == 0 {
		rate = 1
	}
	major := math.Round(usd*rate/10) * 10
	if major < 10 {
		major = 10
	}
	return int64(major * math.Pow10(model.CurrencyDigits(cur)))
}

// settle sorts the customer's rows into time order, sets lifecycle and
// updated_at from what happened.
func (g *gen) settle(r *rand.Rand, p plan) {
	c := &g.cur
	sort.SliceStable(c.ix, func(i, j int) bool { return c.ix[i].at < c.ix[j].at })
	sort.SliceStable(c.orders, func(i, j int) bool { return c.orders[i].at < c.orders[j].at })
	if len(c.orders) > 0 && c.lifecycle == string(model.Prospect) {
		c.lifecycle = string(model.Active)
	}
	if len(c.orders) == 0 && c.lifecycle == string(model.Active) && chance(r, 0.5) {
		c.lifecycle = string(model.Prospect)
	}
	for _, x := range c.ix {
		c.updated = max(c.updated, x.at)
	}
}

// tally feeds the book-wide figures the daily refresh computes (rhythm g,
// revenue for the tiers) so the refresh after the load has nothing to redo.
func (g *gen) tally() {
	c := &g.cur
	days := g.scratch[:0]
	// The same windows as db: contacts on the 365 local days up to today,
	// revenue from the local midnight 364 days ago.
	for _, x := range c.ix {
		if x.dir != "internal" && x.kind != "note" && x.at >= g.yearAgo && x.at <= g.nowUnix {
			days = append(days, model.DayOfUnix(x.at, g.loc))
		}
	}
	var rev int64
	for _, o := range c.orders {
		if o.at >= g.yearAgo && o.at <= g.nowUnix {
			days = append(days, model.DayOfUnix(o.at, g.loc))
		}
		if o.at >= g.yearAgo && o.currency == g.currency {
			rev += o.amount
		}
	}
	if rev > 0 {
		g.revenue[c.id] = rev
	}
	if len(days) >= 3 {
		sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
		g.gaps = append(g.gaps, model.MedianGap(days))
	}
	g.scratch = days
}
