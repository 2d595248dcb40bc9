package db

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// TestReportFastPathsMatchPlainQueries: the report's one-pass scans
// (integer lists, currencies in a side list, risk codes read by position,
// score falls from one window, revenue by month summed by the orders scan)
// give what plain queries and plain Go give on a random book with archived
// customers and rows, prospects, three currencies, feedback and deals, and
// after hand edits that send each fast path to its fallback: a currency
// that holds the list separator, a tier outside A–C, and risk reasons that
// are invalid JSON, an object, longer than riskUnrolled or hold separators.
func TestReportFastPathsMatchPlainQueries(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	rng := rand.New(rand.NewSource(11))
	var ids []int64
	for i := 0; i < 60; i++ {
		c := model.Customer{Name: fmt.Sprintf("Customer %d", i)}
		if i%9 == 0 {
			c.Lifecycle = model.Prospect
		}
		id, err := d.CreateCustomer(ctx, &c, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	stages, _ := d.Stages(ctx)
	curs := []string{"USD", "USD", "USD", "CNY", "EUR"}
	for step := 0; step < 1500; step++ {
		cid := ids[rng.Intn(len(ids))]
		err := d.Write(ctx, "random", func(tx *Tx) error {
			switch rng.Intn(4) {
			case 0, 1:
				kinds := model.InteractionKinds()
				dirs := model.Directions()
				i := model.Interaction{CustomerID: cid, Kind: kinds[rng.Intn(len(kinds))], Direction: dirs[rng.Intn(len(dirs))],
					Summary: "touch", OccurredAt: daysAgo(clk, rng.Intn(420)) + int64(rng.Intn(86400)), Score: -1}
				if i.Kind == model.KindFeedback {
					i.Score = rng.Intn(11)
				}
				_, err := tx.LogInteraction(&i)
				return err
			case 2:
				_, err := tx.CreateOrder(&model.Order{CustomerID: cid, AmountMinor: int64(rng.Intn(90000)), Currency: curs[rng.Intn(len(curs))],
					OrderedAt: daysAgo(clk, rng.Intn(420)) + int64(rng.Intn(86400))})
				return err
			default:
				_, err := tx.CreateDeal(&model.Deal{CustomerID: cid, Title: "deal", ValueMinor: int64(rng.Intn(50000)), Currency: "USD", StageID: stages[rng.Intn(len(stages))].ID, LostReason: "price"})
				return err
			}
		})
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
	}
	// Archive some customers and some rows.
	for i, id := range ids {
		if i%11 == 3 {
			if err := d.SetArchived(ctx, "customer", id, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, table := range []string{"interactions", "orders"} {
		rows, _ := queryIDs(ctx, d.r, "SELECT id FROM "+table+" WHERE id % 17 = 0")
		for _, id := range rows {
			if err := d.SetArchived(ctx, table[:len(table)-1], id, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	raw := rawBook(t, d)
	mustExec(t, raw, `UPDATE customers SET tier = CASE id % 3 WHEN 0 THEN 'A' WHEN 1 THEN 'B' ELSE 'C' END`)
	if err := d.SetConfig(ctx, "rate.EUR", "1.1"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	compare := func(when string) {
		t.Helper()
		for _, spec := range []string{"90d", "30d", "365d", "2026-03..2026-08"} {
			p, err := ParsePeriod(spec, d.Today())
			if err != nil {
				t.Fatal(err)
			}
			r, err := d.Report(ctx, p)
			if err != nil {
				t.Fatalf("%s %s: %v", when, spec, err)
			}
			want := plainReport(t, d, p)
			got := plainFigures{Segments: r.Segments.Tiers, Months: r.RevenueByMonth, Repurchase: r.Repurchase, Risk: r.Risk,
				Fell: r.Satisfaction.Fell, TierAAsked: r.Satisfaction.TierAAsked, Answers: r.Satisfaction.Answers, Retention: r.Retention.Months,
				Activity: r.Activity.Total, Funnel: r.Funnel, RankedApart: r.Segments.RankedApart, TierChanged: *r.Segments.ChangedThisMonth}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s %s: the report differs from the plain computation:\nreport %+v\nplain  %+v", when, spec, got, want)
			}
		}
	}
	compare("random book")

	// A customer id far past the others: the per-id tables give way to maps.
	far := int64(5_000_000_000)
	at := clk.t.Add(-48 * time.Hour).Unix()
	mustExec(t, raw, fmt.Sprintf(`INSERT INTO customers (id, name, tier, created_at, updated_at) VALUES (%d, 'Far away', 'A', %d, %d)`, far, at, at))
	mustExec(t, raw, fmt.Sprintf(`INSERT INTO orders (customer_id, amount_minor, currency, ordered_at, created_at, updated_at) VALUES (%d, 4200, 'USD', %d, %d, %d), (%d, 99, 'USD', %d, %d, %d)`,
		far, at, at, at, far, at+60, at, at))
	mustExec(t, raw, fmt.Sprintf(`INSERT INTO interactions (customer_id, kind, direction, summary, occurred_at, created_at, updated_at) VALUES (%d, 'call', 'outbound', 'hello', %d, %d, %d)`,
		far, at, at, at))
	compare("a customer id far past the others")

	// Hand edits that send each fast path to its fallback.
	mustExec(t, raw, `UPDATE orders SET currency = 'U'||char(30)||'S' WHERE id % 23 = 1`)
	mustExec(t, raw, `UPDATE customer_stats SET risk_reasons = 'not json' WHERE customer_id % 13 = 2`)
	mustExec(t, raw, `UPDATE customer_stats SET risk_reasons = '{"a": {"code": "odd"}}' WHERE customer_id % 13 = 3`)
	mustExec(t, raw, `UPDATE customer_stats SET risk_reasons = '[{"code":"a"},{"code":"b"},{"code":"c"},{"code":"d"},{"code":"e"},{"code":"f"},{"code":"g"},{"code":"h"},{"code":"i"},{"code":"j"},{"code":"k"},{"code":"l"},{"code":"m"}]' WHERE customer_id % 13 = 4`)
	mustExec(t, raw, `UPDATE customer_stats SET risk_reasons = '[{"code": 7}, {"code": null}, {"points": 3}, "plain", [1]]' WHERE customer_id % 13 = 5`)
	mustExec(t, raw, `UPDATE customer_stats SET risk_level = 'at_risk', risk_score = 99 WHERE customer_id % 13 IN (2, 3, 4, 5)`)
	compare("odd reasons and a currency holding the separator")
	mustExec(t, raw, `UPDATE customer_stats SET risk_reasons = '[{"code":"x'||char(31)||'y"}]' WHERE customer_id % 13 = 6`)
	mustExec(t, raw, `UPDATE customer_stats SET risk_level = 'watch', risk_score = 30 WHERE customer_id % 13 = 6`)
	mustExec(t, raw, `PRAGMA ignore_check_constraints = 1`)
	mustExec(t, raw, `UPDATE customers SET tier = 'X' WHERE id = (SELECT min(id) FROM customers WHERE archived_at IS NULL)`)
	compare("a code holding a separator and a tier outside A-C")
}

// plainFigures are the report figures the fast paths feed.
type plainFigures struct {
	Segments   []TierSplit
	Months     []MonthRevenue
	Repurchase Repurchase
	Risk       RiskSummary
	Fell       []ScoreFall
	TierAAsked Ratio
	Answers    int
	Retention  []RetentionMonth
	Activity   []int
	Funnel     []FunnelStep
	// RankedApart and TierChanged as the report read them before.
	RankedApart []string
	TierChanged int
}

// plainReport computes the figures with plain queries, row by row.
func plainReport(t *testing.T, d *DB, p Period) plainFigures {
	t.Helper()
	ctx := context.Background()
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		t.Fatal(err)
	}
	now := d.now()
	loc := now.Location()
	start := func(day model.Day) int64 { return day.In(loc).Unix() }
	today := model.DayOf(now)
	var f plainFigures

	// Orders of live customers, row by row.
	type order struct {
		cid, at, amount int64
		cur, tier       string
		prospect        bool
	}
	var orders []order
	eachRow(t, d.r, func(s func(...any) error) {
		var o order
		if err := s(&o.cid, &o.at, &o.amount, &o.cur, &o.tier, &o.prospect); err != nil {
			t.Fatal(err)
		}
		orders = append(orders, o)
	}, `SELECT o.customer_id, o.ordered_at, o.amount_minor, o.currency, c.tier, c.lifecycle = 'prospect' FROM orders o JOIN customers c ON c.id = o.customer_id
		WHERE o.archived_at IS NULL AND c.archived_at IS NULL`)

	// Segments: revenue in the 365 days up to now, per tier and currency.
	revLo, revHi := now.AddDate(0, 0, -365).Unix(), now.Unix()+1
	rev := map[string]map[string]int64{}
	for _, o := range orders {
		if o.at >= revLo && o.at < revHi {
			if rev[o.tier] == nil {
				rev[o.tier] = map[string]int64{}
			}
			rev[o.tier][o.cur] += o.amount
		}
	}
	var counts = map[model.Tier]int{}
	eachRow(t, d.r, func(s func(...any) error) {
		var tier string
		var n int
		if err := s(&tier, &n); err != nil {
			t.Fatal(err)
		}
		counts[model.Tier(tier)] = n
	}, `SELECT tier, count(*) FROM customers WHERE archived_at IS NULL GROUP BY tier`)
	for _, tier := range []model.Tier{model.TierA, model.TierB, model.TierC} {
		ts := TierSplit{Tier: tier, Customers: counts[tier], Revenue: []Amount{}}
		for cur, n := range rev[string(tier)] {
			ts.Revenue = append(ts.Revenue, Amount{Currency: cur, Minor: n})
		}
		sortAmounts(set.Currency, ts.Revenue)
		f.Segments = append(f.Segments, ts)
	}
	// Revenue by month, book currency.
	gs, _ := goals(ctx, d.r)
	for _, m := range monthsOf(p) {
		mr := MonthRevenue{Month: m.String()[:7]}
		for _, o := range orders {
			if o.cur == set.Currency && o.at >= start(m) && o.at < start(m.AddMonths(1)) {
				mr.Minor += o.amount
			}
		}
		for _, g := range gs {
			if g.Measure == model.GoalRevenue && !g.Period.IsQuarter() && g.Currency == set.Currency && g.Period.String() == mr.Month {
				target := g.Target
				mr.Target = &target
			}
		}
		f.Months = append(f.Months, mr)
	}
	// Repurchase.
	inPeriod := map[int64]int{}
	for _, o := range orders {
		if o.at >= start(p.From) && o.at < start(p.To.AddDays(1)) {
			inPeriod[o.cid]++
		}
	}
	for _, n := range inPeriod {
		f.Repurchase.Buyers++
		if n >= 2 {
			f.Repurchase.Repeat++
		}
	}
	f.Repurchase.Rate = Ratio{f.Repurchase.Repeat, f.Repurchase.Buyers}

	// Risk, one json_each row per reason (the query the report used before).
	f.Risk = RiskSummary{Reasons: []Count{}}
	if err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM customer_stats WHERE active = 1`).Scan(&f.Risk.Active); err != nil {
		t.Fatal(err)
	}
	byCode := map[string]int{}
	if err := riskByElement(ctx, d.r, min(set.Points.WatchThreshold, set.Points.AtRiskThreshold), "", &f.Risk, byCode); err != nil {
		t.Fatal(err)
	}
	for code, n := range byCode {
		f.Risk.Reasons = append(f.Risk.Reasons, Count{Name: code, Count: n})
	}
	sortCounts(f.Risk.Reasons)

	// Feedback: answers in the period, tier A asked, and score falls, in Go.
	type score struct {
		id, cid, at int64
		score       int
		name, tier  string
		churned     bool
	}
	var scores []score
	eachRow(t, d.r, func(s func(...any) error) {
		var x score
		if err := s(&x.id, &x.cid, &x.at, &x.score, &x.name, &x.tier, &x.churned); err != nil {
			t.Fatal(err)
		}
		scores = append(scores, x)
	}, `SELECT i.id, i.customer_id, i.occurred_at, i.score, c.name, c.tier, c.lifecycle = 'churned' FROM interactions i JOIN customers c ON c.id = i.customer_id
		WHERE i.kind = 'feedback' AND i.score IS NOT NULL AND i.archived_at IS NULL AND c.archived_at IS NULL`)
	lo, hi := start(p.From), start(p.To.AddDays(1))
	since := start(today.AddDays(-89))
	asked := map[int64]bool{}
	byCustomer := map[int64][]score{}
	for _, x := range scores {
		if x.at >= lo && x.at < hi {
			f.Answers++
		}
		if x.at >= since && x.tier == "A" && !x.churned {
			asked[x.cid] = true
		}
		if x.at < hi {
			byCustomer[x.cid] = append(byCustomer[x.cid], x)
		}
	}
	if err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM customers WHERE tier = 'A' AND archived_at IS NULL AND lifecycle <> 'churned'`).Scan(&f.TierAAsked.D); err != nil {
		t.Fatal(err)
	}
	f.TierAAsked.N = len(asked)
	f.Fell = []ScoreFall{}
	for cid, xs := range byCustomer {
		sort.Slice(xs, func(i, j int) bool { return xs[i].at < xs[j].at || (xs[i].at == xs[j].at && xs[i].id < xs[j].id) })
		if n := len(xs); n >= 2 && xs[n-1].at >= lo && xs[n-1].score < xs[n-2].score {
			f.Fell = append(f.Fell, ScoreFall{CustomerID: cid, Customer: model.Sanitize(xs[n-1].name), From: xs[n-2].score, To: xs[n-1].score,
				On: model.DayOfUnix(xs[n-1].at, loc).String()})
		}
	}
	sort.SliceStable(f.Fell, func(i, j int) bool {
		di, dj := f.Fell[i].From-f.Fell[i].To, f.Fell[j].From-f.Fell[j].To
		if di != dj {
			return di > dj
		}
		return f.Fell[i].CustomerID < f.Fell[j].CustomerID
	})
	if len(f.Fell) > 10 {
		f.Fell = f.Fell[:10]
	}

	// Retention: contacts (interactions that are not internal or notes, and
	// orders) of live customers that are not prospects, per window.
	contacts := map[int64][]int64{}
	eachRow(t, d.r, func(s func(...any) error) {
		var cid, at int64
		if err := s(&cid, &at); err != nil {
			t.Fatal(err)
		}
		contacts[cid] = append(contacts[cid], at)
	}, `SELECT i.customer_id, i.occurred_at FROM interactions i JOIN customers c ON c.id = i.customer_id
		WHERE i.archived_at IS NULL AND c.archived_at IS NULL AND c.lifecycle <> 'prospect' AND i.direction <> 'internal' AND i.kind <> 'note'`)
	for _, o := range orders {
		if !o.prospect {
			contacts[o.cid] = append(contacts[o.cid], o.at)
		}
	}
	w := 3 * set.EffectiveRhythm()
	active := func(b model.Day) map[int64]bool {
		out := map[int64]bool{}
		from, to := start(b.AddDays(1-w)), start(b.AddDays(1))
		for cid, ats := range contacts {
			for _, at := range ats {
				if at >= from && at < to {
					out[cid] = true
					break
				}
			}
		}
		return out
	}
	last := min(p.To, today)
	for _, first := range monthsOf(p) {
		end := max(min(first.AddMonths(1).AddDays(-1), last), first.AddDays(-1))
		a, b := active(first.AddDays(-1)), active(end)
		m := RetentionMonth{Month: first.String()[:7], Through: end.String(), Partial: end < first.AddMonths(1).AddDays(-1), Start: len(a), End: len(b)}
		for cid := range b {
			if a[cid] {
				m.Retained++
			}
		}
		m.Lost, m.Returned = m.Start-m.Retained, m.End-m.Retained
		m.Retention, m.Churn = Ratio{m.Retained, m.Start}, Ratio{m.Lost, m.Start}
		f.Retention = append(f.Retention, m)
	}
	// Interactions per week.
	monday := p.To.AddDays(-((int(p.To.Weekday()) + 6) % 7))
	for i := range reportWeeks {
		from := monday.AddDays(-7 * (reportWeeks - 1 - i))
		to := min(from.AddDays(7), p.To.AddDays(1))
		var n int
		if err := d.r.QueryRowContext(ctx, `SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id
			WHERE i.archived_at IS NULL AND c.archived_at IS NULL AND i.occurred_at >= ? AND i.occurred_at < ?`, start(from), start(to)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		f.Activity = append(f.Activity, n)
	}
	// Funnel, with the query as it was (the planner picks its indexes).
	byMax := map[int]int{}
	eachRow(t, d.r, func(s func(...any) error) {
		var m, n int
		if err := s(&m, &n); err != nil {
			t.Fatal(err)
		}
		byMax[m] += n
	}, `SELECT m, count(*) FROM (SELECT max(s.position) AS m FROM deal_stage_history h JOIN stages s ON s.id = h.to_stage_id
		JOIN deals d ON d.id = h.deal_id JOIN customers c ON c.id = d.customer_id
		WHERE h.changed_at >= ? AND h.changed_at < ? AND s.kind <> 'lost' AND d.archived_at IS NULL AND c.archived_at IS NULL
		GROUP BY h.deal_id) GROUP BY m`, lo, hi)
	stages, _ := listStages(ctx, d.r)
	for _, s := range stages {
		if s.Kind == model.StageLost {
			continue
		}
		st := FunnelStep{Stage: s.Name, Kind: s.Kind}
		for m, n := range byMax {
			if m >= s.Position {
				st.Reached += n
			}
		}
		f.Funnel = append(f.Funnel, st)
	}
	for i := 0; i+1 < len(f.Funnel); i++ {
		f.Funnel[i].ToNext = Ratio{N: f.Funnel[i+1].Reached, D: f.Funnel[i].Reached}
	}
	if f.RankedApart, err = UnrankedCurrencies(ctx, d.r, now); err != nil {
		t.Fatal(err)
	}
	monthStart := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, loc).Unix()
	if err := d.r.QueryRowContext(ctx, `SELECT count(DISTINCT t.customer_id) FROM tier_changes t JOIN customers c ON c.id = t.customer_id
		WHERE t.changed_at >= ? AND c.archived_at IS NULL`, monthStart).Scan(&f.TierChanged); err != nil {
		t.Fatal(err)
	}
	return f
}

// eachRow runs a query and calls fn with a scanner for each row.
func eachRow(t *testing.T, q Querier, fn func(scan func(...any) error), query string, args ...any) {
	t.Helper()
	rows, err := q.QueryContext(context.Background(), query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		fn(rows.Scan)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// rawBook opens a plain connection to d's file, for hand edits.
func rawBook(t *testing.T, d *DB) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+d.path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	t.Cleanup(func() { raw.Close() })
	return raw
}

func mustExec(t *testing.T, q *sql.DB, query string) {
	t.Helper()
	if _, err := q.Exec(query); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
