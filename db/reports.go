package db

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// Report is everything the Reports screen and `rapport report` show, for
// one period. Money is per currency (book currency first) and never mixed;
// rates are kept as counts (Ratio) so nothing is rounded before display.
type Report struct {
	Today    string `json:"today"`    // the local date the report was made
	Period   Period `json:"period"`   // the span the period figures cover
	Currency string `json:"currency"` // the book currency, listed first in every money list

	Funnel     []FunnelStep `json:"funnel"`
	Deals      DealFigures  `json:"deals"`
	Pipeline   Pipeline     `json:"pipeline"`
	Retention  Retention    `json:"retention"`
	Repurchase Repurchase   `json:"repurchase"`
	Activity   Activity     `json:"interactions_per_week"`
	Risk       RiskSummary  `json:"risk"`
	// RiskCheck is how the risk ranking did on this book, made when the
	// lapse model was last fitted (SPEC §3); Shown is false until at
	// least 50 customers had an order by T − H.
	RiskCheck RiskCheck `json:"risk_check"`
	Segments  Segments  `json:"segments"`
	// Goals are the goals whose month or quarter overlaps the period.
	Goals          []GoalReport   `json:"goals"`
	RevenueByMonth []MonthRevenue `json:"revenue_by_month"`
	Satisfaction   Satisfaction   `json:"satisfaction"`
}

// Period is the span of a report: local calendar dates, both included.
type Period struct {
	From model.Day
	To   model.Day
}

// Days returns how many days the period covers.
func (p Period) Days() int { return int(p.To-p.From) + 1 }

// String renders the period as "2026-08-26..2026-11-23".
func (p Period) String() string { return p.From.String() + ".." + p.To.String() }

// MarshalJSON renders {"from": "2026-08-26", "to": "2026-11-23", "days": 90}.
func (p Period) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		From string `json:"from"`
		To   string `json:"to"`
		Days int    `json:"days"`
	}{p.From.String(), p.To.String(), p.Days()})
}

// DefaultPeriod is the period a report covers when none is given.
const DefaultPeriod = "90d"

// maxPeriodMonths bounds a period: retention keeps one bit per month
// boundary in a uint64.
const maxPeriodMonths = 60

var (
	periodDays   = regexp.MustCompile(`^([0-9]{1,4})d$`)
	periodMonths = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})(?:\.\.([0-9]{4})-([0-9]{2}))?$`)
)

// ParsePeriod reads a report period: "30d", "90d", "365d" (any N days
// ending today, N from 1 to 3660), "YYYY-MM..YYYY-MM" (whole calendar
// months, both included) or "YYYY-MM" (one month). "" means DefaultPeriod.
// A period that runs past today ends today; one that starts after today,
// or spans more than 60 months, is refused.
func ParsePeriod(s string, today model.Day) (Period, error) {
	if s == "" {
		s = DefaultPeriod
	}
	bad := func(why string) (Period, error) {
		return Period{}, model.Invalid("period", "%q %s; use 30d, 90d, 365d or a month range like 2026-01..2026-06", s, why)
	}
	if m := periodDays.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > 3660 {
			return bad("is not a number of days from 1 to 3660")
		}
		return Period{From: today.AddDays(1 - n), To: today}, nil
	}
	m := periodMonths.FindStringSubmatch(s)
	if m == nil {
		return bad("is not a period")
	}
	if m[3] == "" {
		m[3], m[4] = m[1], m[2]
	}
	from, err1 := model.ParseDay(m[1] + "-" + m[2] + "-01")
	last, err2 := model.ParseDay(m[3] + "-" + m[4] + "-01")
	if err1 != nil || err2 != nil {
		return bad("names a month that does not exist")
	}
	if last < from {
		return bad("ends before it starts")
	}
	if from > today {
		return bad("starts after today")
	}
	to := last.AddMonths(1).AddDays(-1)
	if len(monthsOf(Period{from, to})) > maxPeriodMonths {
		return bad(fmt.Sprintf("spans more than %d months", maxPeriodMonths))
	}
	if to > today {
		to = today
	}
	return Period{From: from, To: to}, nil
}

// Ratio is a count out of a total, kept exact. Rate is N/D, or null in JSON
// when D is 0 (nothing to divide).
type Ratio struct {
	N int `json:"n"`
	D int `json:"d"`
}

// Rate returns N/D as a fraction, and false when D is 0.
func (r Ratio) Rate() (float64, bool) {
	if r.D == 0 {
		return 0, false
	}
	return float64(r.N) / float64(r.D), true
}

// Percent renders the rate as "62.5%" (one decimal, trailing ".0" dropped),
// or "–" when there is nothing to divide.
func (r Ratio) Percent() string {
	x, ok := r.Rate()
	if !ok {
		return "–"
	}
	s := strconv.FormatFloat(x*100, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s + "%"
}

// MarshalJSON renders {"n": 3, "d": 5, "rate": 0.6} (rate null when d is 0).
func (r Ratio) MarshalJSON() ([]byte, error) {
	var rate *float64
	if x, ok := r.Rate(); ok {
		x = float64(int64(x*10000+0.5)) / 10000
		rate = &x
	}
	return json.Marshal(struct {
		N    int      `json:"n"`
		D    int      `json:"d"`
		Rate *float64 `json:"rate"`
	}{r.N, r.D, rate})
}

// Amount is money in one currency, in minor units.
type Amount struct {
	Currency string `json:"currency"`
	Minor    int64  `json:"minor"`
}

// Money returns the amount as model.Money (for Format and FormatShort).
func (a Amount) Money() model.Money { return model.Money{Minor: a.Minor, Currency: a.Currency} }

// MarshalJSON adds the formatted text: {"currency": "USD", "minor": 1200050, "text": "$12,000.50"}.
func (a Amount) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Currency string `json:"currency"`
		Minor    int64  `json:"minor"`
		Text     string `json:"text"`
	}{a.Currency, a.Minor, a.Money().Format()})
}

// reportJob is one independent part of a report; parts run concurrently on
// the reader pool and each fills its own fields of the Report.
type reportJob func(ctx context.Context, rc *reportCtx) error

// reportCtx is what every part of a report needs.
type reportCtx struct {
	d     *DB
	now   time.Time
	loc   *time.Location
	today model.Day
	p     Period
	set   Settings
	r     *Report
	plan  activityPlan
	// filled by the parts, combined by finish
	act  []activityScan
	ords orderScan
	cust customerScan
	// revTargets are the revenue goals by month ("2026-09").
	revTargets map[string]int64
	// tierChanged and laterCurrencies are segmentExtras' findings.
	tierChanged     int
	laterCurrencies []string
	// custDone is closed once cust is read (or could not be): the scans
	// run their queries meanwhile and wait for it only to sort the rows.
	custDone chan struct{}
	custErr  error
}

// readCustomers is the part that fills rc.cust.
func readCustomers(ctx context.Context, rc *reportCtx) error {
	defer close(rc.custDone)
	rc.cust, rc.custErr = scanCustomers(ctx, rc.d.r)
	return rc.custErr
}

// waitCustomers waits until rc.cust is read. When its part failed, that
// part reports the error and this one stops as cancelled.
func (rc *reportCtx) waitCustomers(ctx context.Context) error {
	select {
	case <-rc.custDone:
		if rc.custErr != nil {
			return context.Canceled
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// start returns the first unix second of a local date.
func (rc *reportCtx) start(d model.Day) int64 { return d.In(rc.loc).Unix() }

// Report computes every figure of the Reports screen for period p from the
// base tables (risk comes from customer_stats: call Refresh first). It reads
// through the query_only pool; its independent parts run concurrently, each
// on its own connection, so the figures are not one snapshot when another
// process writes meanwhile.
//
// Definitions (the README repeats them):
//   - Funnel: for each open stage and the won stage in board order, the deals
//     that entered it, or a later stage, during the period
//     (deal_stage_history): a deal that skipped a stage passed it. The
//     conversion is the next stage's count over this one's.
//   - Win rate: deals won ÷ (won + lost), closed in the period. Sales cycle:
//     calendar days from a deal's creation to its win, over deals won in the
//     period. Average won deal size: per currency, rounded half up.
//   - Pipeline: open deals now, per stage and currency; weighted by the
//     deal's probability, else its stage's.
//   - Retention: see Retention.
//   - Repurchase: customers with two or more orders in the period among
//     those with at least one.
//   - Interactions per week: every interaction (any kind and direction) in
//     the 26 weeks (Monday to Sunday) ending with the period's last day.
//   - Risk: at-risk and watch counts over active customers (customer_stats),
//     and the reason codes most often present among them.
//   - Risk check: stored with the lapse fit (see RiskCheck), as of its day.
//   - Segments: customers per tier now, and each tier's revenue (orders)
//     in the 365 days up to today.
//
// Archived rows, and rows of archived customers, count nowhere.
func (d *DB) Report(ctx context.Context, p Period) (Report, error) {
	if p.From.IsZero() || p.To < p.From {
		return Report{}, model.Invalid("period", "the period %s is empty", p)
	}
	if len(monthsOf(p)) > maxPeriodMonths {
		return Report{}, model.Invalid("period", "the period %s spans more than %d months", p, maxPeriodMonths)
	}
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return Report{}, mapError(err)
	}
	now := d.now()
	r := &Report{Today: model.DayOf(now).String(), Period: p, Currency: set.Currency}
	if set.Lapse != nil {
		r.RiskCheck = set.Lapse.Check
	}
	rc := &reportCtx{d: d, now: now, loc: now.Location(), today: model.DayOf(now), p: p, set: set, r: r, custDone: make(chan struct{})}
	rc.planActivity()
	// The big scans first: they take longest.
	jobs := []reportJob{readCustomers, scanOrders}
	jobs = append(jobs, rc.interactionJobs()...)
	jobs = append(jobs, reportDeals, reportPipeline, reportRisk, reportSatisfaction, reportGoals, revenueTargets, segmentExtras)
	if err := runReportJobs(ctx, rc, jobs); err != nil {
		return Report{}, mapError(err)
	}
	rc.finish()
	r.Segments.Rates = set.RateNotes()
	return *r, nil
}

// runReportJobs runs the parts concurrently and returns the error that
// stopped them (not the cancellations it caused in the others).
func runReportJobs(ctx context.Context, rc *reportCtx, jobs []reportJob) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make([]error, len(jobs))
	for i, job := range jobs {
		wg.Go(func() {
			if errs[i] = job(ctx, rc); errs[i] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	var first error
	for _, err := range errs {
		if err != nil && (first == nil || errors.Is(first, context.Canceled)) {
			first = err
		}
	}
	return first
}

// sortAmounts orders amounts book currency first, then by currency code.
func sortAmounts(book string, as []Amount) []Amount {
	slices.SortStableFunc(as, func(a, b Amount) int {
		if (a.Currency == book) != (b.Currency == book) {
			if a.Currency == book {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Currency, b.Currency)
	})
	return as
}

// roundDiv divides non-negative n by d rounding half up.
func roundDiv(n, d int64) int64 {
	if d == 0 {
		return 0
	}
	return (n + d/2) / d
}
