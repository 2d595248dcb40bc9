package db

import (
	"context"
	"database/sql"
	"sort"

	"github.com/rapportcrm/rapport/model"
)

// Satisfaction is what feedback scores (0–10) say in the period.
type Satisfaction struct {
	Answers    int `json:"answers"`
	Promoters  int `json:"promoters"`  // scores 9–10
	Passives   int `json:"passives"`   // 7–8
	Detractors int `json:"detractors"` // 0–6
	// NPS is the share of promoters minus the share of detractors, in
	// points (−100…100), rounded; nil when nobody answered.
	NPS  *int  `json:"nps"`
	CSAT Ratio `json:"csat"` // answers scoring 7 or more, of all answers
	// ByMonth is the trend, one entry per month of the period.
	ByMonth []SatisfactionMonth `json:"by_month"`
	// TierAAsked is how many live tier A customers gave a score in the 90
	// days up to today (the quarterly satisfaction revisit), of all of them.
	TierAAsked Ratio `json:"tier_a_asked_90d"`
	// Fell lists customers whose latest score (given in the period) is lower
	// than the one before it, biggest fall first (at most 10).
	Fell []ScoreFall `json:"fell"`
	// ChurnReasons counts the reasons of customers churned in the period.
	ChurnReasons []Count `json:"churn_reasons"`
}

// SatisfactionMonth is one month of the satisfaction trend.
type SatisfactionMonth struct {
	Month   string `json:"month"` // YYYY-MM
	Answers int    `json:"answers"`
	NPS     *int   `json:"nps"`
	CSAT    Ratio  `json:"csat"`
}

// ScoreFall is a customer whose feedback score went down.
type ScoreFall struct {
	CustomerID int64  `json:"customer_id"`
	Customer   string `json:"customer"`
	From       int    `json:"from"`
	To         int    `json:"to"`
	On         string `json:"on"` // the day of the lower score
}

// npsTally counts answers into promoters, passives and detractors.
type npsTally struct{ n, promoters, passives, detractors, satisfied int }

func (t *npsTally) add(score int) {
	t.n++
	switch {
	case score >= 9:
		t.promoters++
	case score >= 7:
		t.passives++
	default:
		t.detractors++
	}
	if score >= 7 {
		t.satisfied++
	}
}

// nps is promoters% − detractors%, rounded half away from zero.
func (t npsTally) nps() *int {
	if t.n == 0 {
		return nil
	}
	diff := int64(t.promoters-t.detractors) * 100
	v := int(roundDiv(abs64(diff), int64(t.n)))
	if diff < 0 {
		v = -v
	}
	return &v
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// reportSatisfaction fills Report.Satisfaction from feedback interactions
// and churned customers.
func reportSatisfaction(ctx context.Context, rc *reportCtx) error {
	months := monthsOf(rc.p)
	lo, hi := rc.start(rc.p.From), rc.start(rc.p.To.AddDays(1))
	s := Satisfaction{ByMonth: make([]SatisfactionMonth, 0, len(months)), Fell: []ScoreFall{}, ChurnReasons: []Count{}}
	var all npsTally
	byMonth := make([]npsTally, len(months))
	// The period's scores as two integer lists (time, score).
	if err := scanIntLists(ctx, rc.d.r, 2, func(v []int64) {
		at, score := v[0], int(v[1])
		all.add(score)
		day := model.DayOfUnix(at, rc.loc)
		for i := len(months) - 1; i >= 0; i-- {
			if day >= months[i] {
				byMonth[i].add(score)
				break
			}
		}
	}, `SELECT group_concat(i.occurred_at), group_concat(i.score) FROM interactions i JOIN customers c ON c.id = i.customer_id
		WHERE i.kind = 'feedback' AND i.score IS NOT NULL AND i.archived_at IS NULL AND c.archived_at IS NULL
		AND i.occurred_at >= ? AND i.occurred_at < ?`, lo, hi); err != nil {
		return err
	}
	s.Answers, s.Promoters, s.Passives, s.Detractors = all.n, all.promoters, all.passives, all.detractors
	s.NPS, s.CSAT = all.nps(), Ratio{N: all.satisfied, D: all.n}
	for i, m := range months {
		t := byMonth[i]
		s.ByMonth = append(s.ByMonth, SatisfactionMonth{Month: m.String()[:7], Answers: t.n, NPS: t.nps(), CSAT: Ratio{N: t.satisfied, D: t.n}})
	}
	since := rc.start(rc.today.AddDays(-89))
	// The customers who gave a score come once from the feedback index (a
	// list SQLite builds once), not by visiting each customer's interactions.
	if err := rc.d.r.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(c.id IN (SELECT customer_id FROM interactions INDEXED BY interactions_feedback
		WHERE kind = 'feedback' AND score IS NOT NULL AND archived_at IS NULL AND occurred_at >= ?)), 0)
		FROM customers c WHERE c.tier = 'A' AND c.archived_at IS NULL AND c.lifecycle <> 'churned'`, since).Scan(&s.TierAAsked.D, &s.TierAAsked.N); err != nil {
		return err
	}
	var err error
	if s.Fell, err = scoreFalls(ctx, rc.d.r, lo, hi, rc); err != nil {
		return err
	}
	if s.ChurnReasons, err = churnReasons(ctx, rc.d.r, lo, hi); err != nil {
		return err
	}
	rc.r.Satisfaction = s
	return nil
}

// scoreFalls finds customers whose latest score, given in [lo, hi), is
// below the one before it. Every score comes from the feedback index (it
// holds the id, time, customer and score); through the customer index each
// row would cost a visit to every interaction of the customer.
func scoreFalls(ctx context.Context, q Querier, lo, hi int64, rc *reportCtx) ([]ScoreFall, error) {
	// One window over the scores, in (time, id) order: the latest row is
	// the one with no next row. Customers (name, archived) are joined to
	// the few rows left, since all of a customer's rows share them.
	rows, err := q.QueryContext(ctx, `SELECT f.customer_id, c.name, f.score, f.prev, f.occurred_at FROM (
		SELECT customer_id, score, occurred_at, lag(score) OVER w AS prev, lead(1) OVER w IS NULL AS latest
		FROM interactions INDEXED BY interactions_feedback
		WHERE kind = 'feedback' AND score IS NOT NULL AND archived_at IS NULL AND occurred_at < ?1
			AND customer_id IN (SELECT customer_id FROM interactions INDEXED BY interactions_feedback
				WHERE kind = 'feedback' AND score IS NOT NULL AND archived_at IS NULL AND occurred_at >= ?2 AND occurred_at < ?1)
		WINDOW w AS (PARTITION BY customer_id ORDER BY occurred_at, id)) f
		JOIN customers c ON c.id = f.customer_id
		WHERE f.latest AND f.prev IS NOT NULL AND f.score < f.prev AND f.occurred_at >= ?2 AND c.archived_at IS NULL`, hi, lo)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []ScoreFall{}
	for rows.Next() {
		var f ScoreFall
		var at int64
		if err := rows.Scan(&f.CustomerID, &f.Customer, &f.To, &f.From, &at); err != nil {
			return nil, err
		}
		f.Customer = model.Sanitize(f.Customer)
		f.On = model.DayOfUnix(at, rc.loc).String()
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := out[i].From-out[i].To, out[j].From-out[j].To
		if di != dj {
			return di > dj
		}
		return out[i].CustomerID < out[j].CustomerID
	})
	if len(out) > 10 {
		out = out[:10]
	}
	return out, nil
}

// churnReasons counts the reasons of customers churned in [lo, hi), most
// frequent first.
func churnReasons(ctx context.Context, q Querier, lo, hi int64) ([]Count, error) {
	rows, err := q.QueryContext(ctx, `SELECT CASE WHEN trim(churn_reason) = '' THEN 'no reason given' ELSE churn_reason END AS r, count(*)
		FROM customers WHERE lifecycle = 'churned' AND archived_at IS NULL AND churned_at >= ? AND churned_at < ?
		GROUP BY r ORDER BY count(*) DESC, r`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Count{}
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Name, &c.Count); err != nil {
			return nil, err
		}
		c.Name = model.Sanitize(c.Name)
		out = append(out, c)
	}
	return out, rows.Err()
}

// GoalReport is a goal whose period overlaps the report's, with what the
// book holds for it.
type GoalReport struct {
	Measure  string `json:"measure"`
	Period   string `json:"period"` // 2026-12 or 2026-Q4
	Target   int64  `json:"target"` // minor units for money measures, else a count
	Actual   int64  `json:"actual"`
	Currency string `json:"currency,omitempty"`
	Percent  int    `json:"percent"`
	Pace     int64  `json:"pace"`
	OnPace   bool   `json:"on_pace"`
	DaysLeft int    `json:"days_left"`
}

// reportGoals fills Report.Goals: every live goal whose period overlaps
// the report's, months before quarters, in time order.
func reportGoals(ctx context.Context, rc *reportCtx) error {
	gs, err := goals(ctx, rc.d.r)
	if err != nil {
		return err
	}
	out := []GoalReport{}
	for _, g := range gs {
		from, to := g.Period.Bounds()
		if to < rc.p.From || from > rc.p.To {
			continue
		}
		actual, err := goalActual(ctx, rc.d.r, g, rc.loc)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		p := model.Progress(g, actual, rc.today)
		out = append(out, GoalReport{Measure: string(g.Measure), Period: g.Period.String(), Target: g.Target, Actual: actual,
			Currency: g.Currency, Percent: p.Percent(), Pace: p.Pace, OnPace: p.OnPace, DaysLeft: p.DaysLeft})
	}
	rc.r.Goals = out
	return nil
}

// MonthRevenue is one month's revenue in the book currency, with the
// month's revenue goal when one is set.
type MonthRevenue struct {
	Month  string `json:"month"` // YYYY-MM
	Minor  int64  `json:"minor"`
	Target *int64 `json:"target"` // the revenue goal of the month, in the book currency
}

// revenueTargets reads the revenue goals of months in the book currency,
// for Report.RevenueByMonth (its sums come with the orders scan).
func revenueTargets(ctx context.Context, rc *reportCtx) error {
	gs, err := goals(ctx, rc.d.r)
	if err != nil {
		return err
	}
	rc.revTargets = map[string]int64{}
	for _, g := range gs {
		if g.Measure == model.GoalRevenue && !g.Period.IsQuarter() && g.Currency == rc.set.Currency {
			rc.revTargets[g.Period.String()] = g.Target
		}
	}
	return nil
}

// revenueByMonth fills Report.RevenueByMonth: the book currency's orders
// of each month of the period (archived customers' excluded), as the
// orders scan summed them, with each month's revenue goal.
func (rc *reportCtx) revenueByMonth() {
	out := make([]MonthRevenue, 0, len(rc.plan.months))
	for i, m := range rc.plan.months {
		mr := MonthRevenue{Month: m.String()[:7], Minor: rc.ords.months[i]}
		if t, ok := rc.revTargets[mr.Month]; ok {
			mr.Target = &t
		}
		out = append(out, mr)
	}
	rc.r.RevenueByMonth = out
}
