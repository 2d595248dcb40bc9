package db

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// Retention says how many customers stayed active month by month.
//
// A customer is active on a day D when it had a contact on one of the 3×g
// local calendar days ending with D (days D−3g+1 … D): that is, fewer than
// 3g days had passed since its last contact, the point where the silence
// reason reaches its top level. A contact is an interaction whose direction
// is not internal and whose kind is not note, or an order (SPEC §2). g is
// the book's rhythm: the `rhythm` setting when set, else the computed
// `rhythm.computed`, else 30. Archived customers and prospects are not
// counted.
//
// For each calendar month that overlaps the period, Start is the customers
// active on the day before the month's first day, End those active on its
// last day (on the period's last day, or today, for a month not yet over:
// Partial), Retained those in both, Lost = Start − Retained and Returned =
// End − Retained (new customers and customers won back). Retention is
// Retained ÷ Start and churn Lost ÷ Start.
type Retention struct {
	RhythmDays int              `json:"rhythm_days"` // g
	WindowDays int              `json:"window_days"` // 3g
	Months     []RetentionMonth `json:"months"`
	// Retention and Churn sum Retained, Lost and Start over the months.
	Retention Ratio `json:"retention"`
	Churn     Ratio `json:"churn"`
}

// RetentionMonth is one month of Retention.
type RetentionMonth struct {
	Month     string `json:"month"`   // "2026-09"
	Through   string `json:"through"` // the day End was measured on
	Partial   bool   `json:"partial"` // the month is not over
	Start     int    `json:"start"`
	Retained  int    `json:"retained"`
	Lost      int    `json:"lost"`
	Returned  int    `json:"returned"`
	End       int    `json:"end"`
	Retention Ratio  `json:"retention"`
	Churn     Ratio  `json:"churn"`
}

// Repurchase is the share of buyers who bought again within the period.
type Repurchase struct {
	Buyers int   `json:"buyers"` // customers with at least one order in the period
	Repeat int   `json:"repeat"` // of those, customers with two or more
	Rate   Ratio `json:"rate"`
}

// Activity is interactions logged per week: the 26 weeks (Monday to Sunday)
// ending with the period's last day, oldest first; the last week stops at
// that day.
type Activity struct {
	Weeks  []string     `json:"weeks"` // the Monday of each week
	Total  []int        `json:"total"`
	ByKind []KindSeries `json:"by_kind"` // every kind, in model.InteractionKinds order
	Sum    int          `json:"sum"`
}

// KindSeries is the weekly counts of one interaction kind.
type KindSeries struct {
	Kind   model.InteractionKind `json:"kind"`
	Counts []int                 `json:"counts"`
	Total  int                   `json:"total"`
}

// Segments is how customers and revenue split across the tiers.
type Segments struct {
	RevenueSince string      `json:"revenue_since"` // revenue counts orders from this day to today (365 days, as segmentation does)
	Tiers        []TierSplit `json:"tiers"`         // A, B, C
	// ChangedThisMonth counts the live customers whose tier changed since
	// the first of this month (tier_changes: segmentation and edits).
	ChangedThisMonth *int `json:"changed_this_month"`
	// Rates are the exchange rates tiers convert other currencies with
	// ("1 CNY = 0.140000 USD, set 2026-11-23"); RankedApart the currencies
	// without one, whose customers are ranked among themselves.
	Rates       []string `json:"rates,omitempty"`
	RankedApart []string `json:"ranked_apart,omitempty"`
}

// TierSplit is one tier's customers (now) and their revenue.
type TierSplit struct {
	Tier      model.Tier `json:"tier"`
	Customers int        `json:"customers"`
	Revenue   []Amount   `json:"revenue"`
}

const reportWeeks = 26

// activityPlan holds the time edges the scans bucket rows by.
type activityPlan struct {
	months []model.Day // first day of each month of the period
	// monthEdges are the months' unix starts, then the start of the month
	// after the last.
	monthEdges []int64
	bounds     []model.Day // retention measuring days: the day before the first month, then each month's end
	edges      []int64     // sorted unix edges of the boundaries' activity windows
	masks      []uint64    // per interval between edges: the boundaries whose window holds it
	retLo      int64
	retHi      int64
	weeks      []int64 // reportWeeks+1 unix edges: each week's Monday, then the end
	weekLo     int64
	weekHi     int64
	perLo      int64 // the period
	perHi      int64
	revLo      int64 // the revenue window
	revHi      int64
}

// maskAt returns the boundaries whose activity window holds unix time at.
func (pl *activityPlan) maskAt(at int64) uint64 {
	return pl.masks[sort.Search(len(pl.edges), func(i int) bool { return pl.edges[i] > at })]
}

// weekAt returns the week index of at (which lies in [weekLo, weekHi)).
func (pl *activityPlan) weekAt(at int64) int {
	return sort.Search(len(pl.weeks), func(i int) bool { return pl.weeks[i] > at }) - 1
}

// activityScan is what one part of the interactions scan gathered.
type activityScan struct {
	masks idBits
	weeks [][]int // week × kind
}

// monthsOf returns the first day of every calendar month that overlaps p.
func monthsOf(p Period) []model.Day {
	y, m, _ := p.From.UTC().Date()
	var out []model.Day
	for first := model.DayFromYMD(y, m, 1); first <= p.To && len(out) <= maxPeriodMonths; first = first.AddMonths(1) {
		out = append(out, first)
	}
	return out
}

// planActivity computes the month boundaries, activity windows and weeks.
func (rc *reportCtx) planActivity() {
	pl := &rc.plan
	g := rc.set.EffectiveRhythm()
	w := 3 * g
	rc.r.Retention = Retention{RhythmDays: g, WindowDays: w, Months: []RetentionMonth{}}
	last := min(rc.p.To, rc.today)
	pl.months = monthsOf(rc.p)
	for _, first := range pl.months {
		pl.monthEdges = append(pl.monthEdges, rc.start(first))
	}
	pl.monthEdges = append(pl.monthEdges, rc.start(pl.months[len(pl.months)-1].AddMonths(1)))
	pl.bounds = []model.Day{pl.months[0].AddDays(-1)}
	for _, first := range pl.months {
		pl.bounds = append(pl.bounds, max(min(first.AddMonths(1).AddDays(-1), last), first.AddDays(-1)))
	}
	// Boundary k's window is the unix span of days bounds[k]-w+1 … bounds[k].
	lo := make([]int64, len(pl.bounds))
	hi := make([]int64, len(pl.bounds))
	set := map[int64]bool{}
	for k, b := range pl.bounds {
		lo[k], hi[k] = rc.start(b.AddDays(1-w)), rc.start(b.AddDays(1))
		set[lo[k]], set[hi[k]] = true, true
	}
	for e := range set {
		pl.edges = append(pl.edges, e)
	}
	sort.Slice(pl.edges, func(i, j int) bool { return pl.edges[i] < pl.edges[j] })
	pl.masks = make([]uint64, len(pl.edges)+1)
	for i := 1; i < len(pl.edges); i++ {
		at := pl.edges[i-1]
		for k := range pl.bounds {
			if lo[k] <= at && at < hi[k] {
				pl.masks[i] |= 1 << k
			}
		}
	}
	pl.retLo, pl.retHi = pl.edges[0], pl.edges[len(pl.edges)-1]

	end := rc.p.To
	monday := end.AddDays(-((int(end.Weekday()) + 6) % 7))
	first := monday.AddDays(-7 * (reportWeeks - 1))
	for i := range reportWeeks {
		pl.weeks = append(pl.weeks, rc.start(first.AddDays(7*i)))
	}
	pl.weeks = append(pl.weeks, rc.start(end.AddDays(1)))
	pl.weekLo, pl.weekHi = pl.weeks[0], pl.weeks[reportWeeks]

	pl.perLo, pl.perHi = rc.start(rc.p.From), rc.start(rc.p.To.AddDays(1))
	pl.revLo, pl.revHi = rc.now.AddDate(0, 0, -365).Unix(), rc.now.Unix()+1
}

// kindNames holds every interaction kind once; instr of a kind in it is a
// cheap unique code (kinds are fixed by the schema's CHECK).
func kindNames() string {
	var b strings.Builder
	for _, k := range model.InteractionKinds() {
		b.WriteString(string(k))
	}
	return b.String()
}

// kindIndex maps instr(kindNames(), kind) to the kind's index in
// model.InteractionKinds (-1 for none).
func kindIndex() []int {
	names := kindNames()
	out := make([]int, len(names)+2)
	for i := range out {
		out[i] = -1
	}
	for i, k := range model.InteractionKinds() {
		out[strings.Index(names, string(k))+1] = i
	}
	return out
}

// kindCodeSQL maps an interaction row to instr(kindNames, kind) × 2, plus 1
// when it is a contact. It stays below 1<<kindCodeBits.
func kindCodeSQL() string {
	return "instr('" + kindNames() + "', kind) * 2 + (direction <> 'internal' AND kind <> 'note')"
}

// kindCodeBits is how many low bits the kind code takes in a packed value.
const kindCodeBits = 7

// interactionParts is how many slices of the interactions table are
// scanned at once (each on its own connection; the pool holds four).
const interactionParts = 2

// interactionJobs returns the jobs that scan the interactions table, each a
// slice of it by rowid: a full scan in rowid order reads pages in sequence,
// where the occurred_at index would visit rows at random when rowids do
// not follow time (imports, generated books).
func (rc *reportCtx) interactionJobs() []reportJob {
	rc.act = make([]activityScan, interactionParts)
	jobs := make([]reportJob, interactionParts)
	for i := range jobs {
		jobs[i] = func(ctx context.Context, rc *reportCtx) error { return scanInteractions(ctx, rc, i) }
	}
	return jobs
}

// scanInteractions scans part i of the interactions table.
func scanInteractions(ctx context.Context, rc *reportCtx, part int) error {
	pl := &rc.plan
	out := activityScan{masks: newIDBits(), weeks: make([][]int, reportWeeks)}
	for w := range out.weeks {
		out.weeks[w] = make([]int, len(model.InteractionKinds()))
	}
	defer func() { rc.act[part] = out }()
	var first, last sql.NullInt64
	// Two subqueries: SQLite answers a lone min() or max() of the rowid
	// from the b-tree's ends, but both in one SELECT scan the whole table.
	if err := rc.d.r.QueryRowContext(ctx, `SELECT (SELECT min(rowid) FROM interactions), (SELECT max(rowid) FROM interactions)`).Scan(&first, &last); err != nil || !first.Valid {
		return err
	}
	span := last.Int64 - first.Int64 + 1
	from := first.Int64 + span*int64(part)/interactionParts
	to := first.Int64 + span*int64(part+1)/interactionParts
	lo, hi := min(pl.retLo, pl.weekLo), max(pl.retHi, pl.weekHi)
	// Each row gives its customer and its time offset from lo packed with
	// its kind code.
	kinds := kindIndex()
	const chunks = 4
	for c := range int64(chunks) {
		cf, ct := from+(to-from)*c/chunks, from+(to-from)*(c+1)/chunks
		l, err := queryIntLists(ctx, rc.d.r, 2, nil, `SELECT group_concat(customer_id), group_concat((occurred_at - ?1) * `+strconv.Itoa(1<<kindCodeBits)+` + `+kindCodeSQL()+`)
			FROM interactions NOT INDEXED
			WHERE rowid >= ?2 AND rowid < ?3 AND occurred_at >= ?1 AND occurred_at < ?4 AND archived_at IS NULL
			AND (occurred_at >= ?5 OR (direction <> 'internal' AND kind <> 'note'))`,
			lo, cf, ct, hi, pl.weekLo)
		if err != nil {
			return err
		}
		if err := rc.waitCustomers(ctx); err != nil {
			return err
		}
		out.masks.size(len(rc.cust.dense))
		if err := l.each(func(v []int64) {
			cid := v[0]
			if rc.cust.get(cid).archived {
				return
			}
			at, code := lo+v[1]>>kindCodeBits, v[1]&(1<<kindCodeBits-1)
			if code&1 == 1 && at >= pl.retLo && at < pl.retHi {
				if m := pl.maskAt(at); m != 0 {
					out.masks.or(cid, m)
				}
			}
			if k := kinds[code>>1]; k >= 0 && at >= pl.weekLo && at < pl.weekHi {
				out.weeks[pl.weekAt(at)][k]++
			}
		}); err != nil {
			return err
		}
	}
	return nil
}

// finish combines the scans into retention, activity, repurchase and segments.
func (rc *reportCtx) finish() {
	pl := &rc.plan
	r := rc.r
	// Retention.
	all := rc.ords.masks
	for _, part := range rc.act {
		all.merge(part.masks)
	}
	n := len(pl.bounds)
	active := make([]int, n)
	kept := make([]int, n)
	all.each(func(cid int64, m uint64) {
		if c := rc.cust.get(cid); c.archived || c.prospect {
			return
		}
		for k := range n {
			if m&(1<<k) != 0 {
				active[k]++
				if k > 0 && m&(1<<(k-1)) != 0 {
					kept[k]++
				}
			}
		}
	})
	ret := &r.Retention
	for j, first := range pl.months {
		k := j + 1
		m := RetentionMonth{Month: first.String()[:7], Through: pl.bounds[k].String(),
			Partial: pl.bounds[k] < first.AddMonths(1).AddDays(-1),
			Start:   active[k-1], Retained: kept[k], End: active[k]}
		m.Lost, m.Returned = m.Start-m.Retained, m.End-m.Retained
		m.Retention, m.Churn = Ratio{m.Retained, m.Start}, Ratio{m.Lost, m.Start}
		ret.Months = append(ret.Months, m)
		ret.Retention.N += m.Retained
		ret.Churn.N += m.Lost
		ret.Retention.D += m.Start
		ret.Churn.D += m.Start
	}
	// Interactions per week.
	kinds := model.InteractionKinds()
	act := Activity{Weeks: make([]string, reportWeeks), Total: make([]int, reportWeeks), ByKind: make([]KindSeries, len(kinds))}
	for i, k := range kinds {
		act.ByKind[i] = KindSeries{Kind: k, Counts: make([]int, reportWeeks)}
	}
	for w := range reportWeeks {
		act.Weeks[w] = model.DayOfUnix(pl.weeks[w], rc.loc).String()
		for _, part := range rc.act {
			for i, c := range part.weeks[w] {
				act.ByKind[i].Counts[w] += c
				act.ByKind[i].Total += c
				act.Total[w] += c
				act.Sum += c
			}
		}
	}
	r.Activity = act
	// Repurchase.
	rc.ords.counts.each(func(_ int64, c uint64) {
		r.Repurchase.Buyers++
		if c >= 2 {
			r.Repurchase.Repeat++
		}
	})
	r.Repurchase.Rate = Ratio{r.Repurchase.Repeat, r.Repurchase.Buyers}
	// Segments.
	counts := map[model.Tier]int{model.TierC: rc.cust.total}
	for _, c := range rc.cust.special {
		if c.archived {
			counts[model.TierC]--
		} else if c.tier != model.TierC {
			counts[c.tier]++
			counts[model.TierC]--
		}
	}
	seg := Segments{RevenueSince: model.DayOf(rc.now.AddDate(0, 0, -365)).String()}
	for _, t := range []model.Tier{model.TierA, model.TierB, model.TierC} {
		rev, _ := rc.ords.revenue[t].amounts(rc.set.Currency)
		seg.Tiers = append(seg.Tiers, TierSplit{Tier: t, Customers: counts[t], Revenue: rev})
	}
	seg.ChangedThisMonth = &rc.tierChanged
	seg.RankedApart = rc.rankedApart()
	r.Segments = seg
	rc.revenueByMonth()
}
