package db

import (
	"context"
	"slices"
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// FunnelStep is one stage of the funnel: how many deals reached it in the
// period and how many of those went on to the next step.
type FunnelStep struct {
	Stage string          `json:"stage"`
	Kind  model.StageKind `json:"kind"`
	// Reached counts the deals that entered this stage, or any later one,
	// during the period: a deal that skipped the stage passed it.
	Reached int `json:"reached"`
	// ToNext is the next step's Reached over this one's (D is 0 on the last step).
	ToNext Ratio `json:"to_next"`
}

// Count is a name with how often it occurred (lost reasons, risk codes).
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// DealFigures are the figures of the deals closed in the period.
type DealFigures struct {
	Won     int   `json:"won"`
	Lost    int   `json:"lost"`
	WinRate Ratio `json:"win_rate"` // won ÷ (won + lost)
	Cycle   Cycle `json:"sales_cycle"`
	// AvgWon is the average value of a won deal, per currency (rounded half up).
	AvgWon []Amount `json:"avg_won"`
	// LostReasons are the lost deals' reasons, most frequent first (reasons
	// that differ only in case or surrounding spaces are one reason, spelt
	// as the earliest closed deal spelt it).
	LostReasons []Count `json:"lost_reasons"`
}

// Cycle is the sales cycle: calendar days from a deal's creation to its win.
type Cycle struct {
	Deals      int     `json:"deals"` // won deals measured; 0 means no figures
	AvgDays    float64 `json:"avg_days"`
	MedianDays float64 `json:"median_days"`
}

// Pipeline is the open deals now.
type Pipeline struct {
	Stages   []PipelineStage `json:"stages"`
	Deals    int             `json:"deals"`
	Value    []Amount        `json:"value"`
	Weighted []Amount        `json:"weighted"` // value × probability (the deal's, else its stage's)
	// Overdue holds the open deals whose expected close date has passed.
	Overdue CloseBucket `json:"close_overdue"`
	// Closes groups the other dated open deals by month of expected close.
	Closes  []CloseBucket `json:"expected_closes"`
	Undated int           `json:"no_close_date"` // open deals without an expected close date
}

// PipelineStage is one open stage's deals.
type PipelineStage struct {
	Stage       string   `json:"stage"`
	Probability int      `json:"probability"`
	Deals       int      `json:"deals"`
	Value       []Amount `json:"value"`
	Weighted    []Amount `json:"weighted"`
}

// CloseBucket is the open deals expected to close in one month ("2026-12"),
// or overdue ones (Month "overdue").
type CloseBucket struct {
	Month    string   `json:"month"`
	Deals    int      `json:"deals"`
	Value    []Amount `json:"value"`
	Weighted []Amount `json:"weighted"`
}

// RiskSummary is churn risk across the book, from customer_stats.
type RiskSummary struct {
	Active int `json:"active"` // customers scored (not churned, not archived)
	AtRisk int `json:"at_risk"`
	Watch  int `json:"watch"`
	// Reasons counts each reason code among at-risk and watch customers,
	// most common first.
	Reasons []Count `json:"top_reasons"`
}

// dealsLive limits d (joined to its customer c) to live rows.
const dealsLive = `d.archived_at IS NULL AND c.archived_at IS NULL`

// reportDeals fills the funnel and the closed-deal figures.
func reportDeals(ctx context.Context, rc *reportCtx) error {
	stages, err := listStages(ctx, rc.d.r)
	if err != nil {
		return err
	}
	from, to := rc.start(rc.p.From), rc.start(rc.p.To.AddDays(1))
	byMax := map[int]int{}
	// A full scan of the (small) history table reads it in order; the
	// changed_at index would visit rows at random when ids do not follow time.
	// So would the live deals through the deals_open index.
	rows, err := rc.d.r.QueryContext(ctx, `SELECT m, count(*) FROM (
		SELECT max(s.position) AS m FROM deal_stage_history h NOT INDEXED JOIN stages s ON s.id = h.to_stage_id
		WHERE h.changed_at >= ? AND h.changed_at < ? AND s.kind <> 'lost'
		AND h.deal_id IN (SELECT d.id FROM deals d NOT INDEXED WHERE d.archived_at IS NULL
			AND d.customer_id NOT IN (SELECT id FROM customers WHERE archived_at IS NOT NULL))
		GROUP BY h.deal_id) GROUP BY m`, from, to)
	if err != nil {
		return err
	}
	for rows.Next() {
		var m, n int
		if err := rows.Scan(&m, &n); err != nil {
			rows.Close()
			return err
		}
		byMax[m] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	funnel := []FunnelStep{}
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
		funnel = append(funnel, st)
	}
	for i := 0; i+1 < len(funnel); i++ {
		funnel[i].ToNext = Ratio{N: funnel[i+1].Reached, D: funnel[i].Reached}
	}
	rc.r.Funnel = funnel
	return closedDeals(ctx, rc, from, to)
}

// closedDeals fills win rate, cycle, average won size and lost reasons.
// The (small) deals table is read in order: through the status index every
// closed deal would be a visit at random.
func closedDeals(ctx context.Context, rc *reportCtx, from, to int64) error {
	rows, err := rc.d.r.QueryContext(ctx, `SELECT d.status, d.value_minor, d.currency, d.created_at, d.closed_at, d.lost_reason
		FROM deals d NOT INDEXED JOIN customers c ON c.id = d.customer_id
		WHERE d.status IN ('won', 'lost') AND d.closed_at >= ? AND d.closed_at < ? AND `+dealsLive+` ORDER BY d.closed_at, d.id`, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	f := DealFigures{AvgWon: []Amount{}, LostReasons: []Count{}}
	var cycles []int
	won := map[string][2]int64{} // currency → sum, count
	reasons := map[string]*Count{}
	for rows.Next() {
		var status, currency, reason string
		var value, created, closed int64
		if err := rows.Scan(&status, &value, &currency, &created, &closed, &reason); err != nil {
			return err
		}
		if status == string(model.DealLost) {
			f.Lost++
			reason = strings.TrimSpace(reason)
			key := strings.ToLower(reason)
			if reasons[key] == nil {
				reasons[key] = &Count{Name: reason}
			}
			reasons[key].Count++
			continue
		}
		f.Won++
		cycles = append(cycles, int(model.DayOfUnix(closed, rc.loc)-model.DayOfUnix(created, rc.loc)))
		w := won[currency]
		won[currency] = [2]int64{w[0] + value, w[1] + 1}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	f.WinRate = Ratio{N: f.Won, D: f.Won + f.Lost}
	f.Cycle = cycleOf(cycles)
	for cur, w := range won {
		f.AvgWon = append(f.AvgWon, Amount{Currency: cur, Minor: roundDiv(w[0], w[1])})
	}
	sortAmounts(rc.set.Currency, f.AvgWon)
	for _, c := range reasons {
		f.LostReasons = append(f.LostReasons, *c)
	}
	sortCounts(f.LostReasons)
	rc.r.Deals = f
	return nil
}

// cycleOf averages and takes the median of cycle lengths in days.
func cycleOf(days []int) Cycle {
	c := Cycle{Deals: len(days)}
	if len(days) == 0 {
		return c
	}
	slices.Sort(days)
	sum := 0
	for _, d := range days {
		sum += d
	}
	c.AvgDays = float64(int64(float64(sum)/float64(len(days))*10+0.5)) / 10
	mid := len(days) / 2
	c.MedianDays = float64(days[mid])
	if len(days)%2 == 0 {
		c.MedianDays = float64(days[mid-1]+days[mid]) / 2
	}
	return c
}

// sortCounts orders counts most frequent first, then by name.
func sortCounts(cs []Count) {
	slices.SortFunc(cs, func(a, b Count) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// moneyAcc sums money per currency: value and value × probability (percent).
type moneyAcc map[string]*[2]int64

// add adds an amount and its weighted value (value × probability) in a
// currency; a total that would overflow is an error naming what.
func (m moneyAcc) add(what, currency string, value, weighted int64) error {
	if m[currency] == nil {
		m[currency] = &[2]int64{}
	}
	var o1, o2 bool
	m[currency][0], o1 = model.AddMinor(m[currency][0], value)
	m[currency][1], o2 = model.AddMinor(m[currency][1], weighted)
	if o1 || o2 {
		return &model.TotalOverflowError{What: what + " in " + currency}
	}
	return nil
}

// amounts returns the value and the weighted value (÷100, rounded half up).
func (m moneyAcc) amounts(book string) (value, weighted []Amount) {
	value, weighted = []Amount{}, []Amount{}
	for cur, v := range m {
		value = append(value, Amount{Currency: cur, Minor: v[0]})
		weighted = append(weighted, Amount{Currency: cur, Minor: roundDiv(v[1], 100)})
	}
	return sortAmounts(book, value), sortAmounts(book, weighted)
}

// reportPipeline fills the open pipeline and the expected closes.
func reportPipeline(ctx context.Context, rc *reportCtx) error {
	stages, err := listStages(ctx, rc.d.r)
	if err != nil {
		return err
	}
	byStage := map[int64]moneyAcc{}
	counts := map[int64]int{}
	total := moneyAcc{}
	pl := Pipeline{Stages: []PipelineStage{}, Closes: []CloseBucket{}}
	rows, err := rc.d.r.QueryContext(ctx, `SELECT d.stage_id, d.currency, count(*), sum(d.value_minor),
		sum(d.value_minor * coalesce(d.probability, s.probability))
		FROM deals d JOIN stages s ON s.id = d.stage_id JOIN customers c ON c.id = d.customer_id
		WHERE d.status = 'open' AND `+dealsLive+` GROUP BY d.stage_id, d.currency`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, value, weighted int64
		var cur string
		var n int
		if err := rows.Scan(&id, &cur, &n, &value, &weighted); err != nil {
			rows.Close()
			return err
		}
		if byStage[id] == nil {
			byStage[id] = moneyAcc{}
		}
		if err := byStage[id].add("the open pipeline", cur, value, weighted); err != nil {
			rows.Close()
			return err
		}
		counts[id] += n
		if err := total.add("the open pipeline", cur, value, weighted); err != nil {
			rows.Close()
			return err
		}
		pl.Deals += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, s := range stages {
		if s.Kind != model.StageOpen {
			continue
		}
		ps := PipelineStage{Stage: s.Name, Probability: s.Probability, Deals: counts[s.ID]}
		ps.Value, ps.Weighted = moneyAcc(byStage[s.ID]).amounts(rc.set.Currency)
		pl.Stages = append(pl.Stages, ps)
	}
	pl.Value, pl.Weighted = total.amounts(rc.set.Currency)
	if err := expectedCloses(ctx, rc, &pl); err != nil {
		return err
	}
	rc.r.Pipeline = pl
	return nil
}

// expectedCloses groups open deals by month of expected close.
func expectedCloses(ctx context.Context, rc *reportCtx, pl *Pipeline) error {
	rows, err := rc.d.r.QueryContext(ctx, `SELECT CASE WHEN d.expected_close IS NULL THEN ''
			WHEN d.expected_close < ?1 THEN 'overdue' ELSE substr(d.expected_close, 1, 7) END AS m,
		d.currency, count(*), sum(d.value_minor), sum(d.value_minor * coalesce(d.probability, s.probability))
		FROM deals d JOIN stages s ON s.id = d.stage_id JOIN customers c ON c.id = d.customer_id
		WHERE d.status = 'open' AND `+dealsLive+` GROUP BY m, d.currency ORDER BY m`, rc.today.String())
	if err != nil {
		return err
	}
	defer rows.Close()
	accs := map[string]moneyAcc{}
	counts := map[string]int{}
	var months []string
	for rows.Next() {
		var m, cur string
		var n int
		var value, weighted int64
		if err := rows.Scan(&m, &cur, &n, &value, &weighted); err != nil {
			return err
		}
		if m == "" {
			pl.Undated += n
			continue
		}
		if accs[m] == nil {
			accs[m] = moneyAcc{}
			if m != "overdue" {
				months = append(months, m)
			}
		}
		if err := accs[m].add("the expected closes", cur, value, weighted); err != nil {
			return err
		}
		counts[m] += n
	}
	if err := rows.Err(); err != nil {
		return err
	}
	bucket := func(m string) CloseBucket {
		b := CloseBucket{Month: m, Deals: counts[m]}
		b.Value, b.Weighted = accs[m].amounts(rc.set.Currency)
		return b
	}
	pl.Overdue = bucket("overdue")
	for _, m := range months {
		pl.Closes = append(pl.Closes, bucket(m))
	}
	return nil
}
