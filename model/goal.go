package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// GoalMeasure is what a goal counts.
type GoalMeasure string

// The measures a goal can be set on.
const (
	GoalRevenue      GoalMeasure = "revenue"       // orders, in the goal's currency
	GoalWon          GoalMeasure = "won"           // deals won, counted
	GoalWonValue     GoalMeasure = "won_value"     // deals won, their value in the goal's currency
	GoalNewCustomers GoalMeasure = "new_customers" // customers added
	GoalInteractions GoalMeasure = "interactions"  // interactions logged
)

// GoalMeasures lists the measures in the order lists show them.
func GoalMeasures() []GoalMeasure {
	return []GoalMeasure{GoalRevenue, GoalWon, GoalWonValue, GoalNewCustomers, GoalInteractions}
}

// ParseGoalMeasure reads a measure name, also in the words people use
// ("deals", "customers", "calls", 销售额 …).
func ParseGoalMeasure(s string) (GoalMeasure, error) {
	switch strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, "-", "_"))) {
	case "revenue", "sales", "orders", "销售额", "营收", "回款":
		return GoalRevenue, nil
	case "won", "deals", "deals_won", "wins", "赢单", "成交":
		return GoalWon, nil
	case "won_value", "deal_value", "won_amount", "赢单金额", "成交金额":
		return GoalWonValue, nil
	case "new_customers", "customers", "new", "新客户":
		return GoalNewCustomers, nil
	case "interactions", "activity", "calls", "contacts", "跟进", "拜访":
		return GoalInteractions, nil
	}
	return "", Invalid("measure", "%q is not a goal measure: use revenue, won, won_value, new_customers or interactions", s)
}

// IsMoney reports whether the measure counts money (minor units of the
// goal's currency) rather than things.
func (m GoalMeasure) IsMoney() bool { return m == GoalRevenue || m == GoalWonValue }

// Label is the measure in a few words.
func (m GoalMeasure) Label() string {
	switch m {
	case GoalRevenue:
		return "revenue"
	case GoalWon:
		return "deals won"
	case GoalWonValue:
		return "value won"
	case GoalNewCustomers:
		return "new customers"
	case GoalInteractions:
		return "interactions"
	}
	return string(m)
}

// GoalPeriod is a calendar month (Month 1–12) or quarter (Quarter 1–4).
type GoalPeriod struct {
	Year    int
	Month   int // 1–12 for a month, 0 for a quarter
	Quarter int // 1–4 for a quarter, 0 for a month
}

// ParseGoalPeriod reads "2026-12" (a month) or "2026-Q4" (a quarter); also
// "2026q4", "2026/12" and "2026年12月".
func ParseGoalPeriod(s string) (GoalPeriod, error) {
	in := strings.ToUpper(strings.TrimSpace(s))
	in = strings.NewReplacer("年", "-", "月", "", "/", "-", "第", "", "季度", "").Replace(in)
	bad := Invalid("period", "%q is not a month or quarter: use 2026-12 or 2026-Q4", s)
	y, rest, ok := strings.Cut(in, "-")
	if !ok && len(in) == 6 && in[4] == 'Q' {
		y, rest, ok = in[:4], in[4:], true
	}
	if !ok || len(y) != 4 {
		return GoalPeriod{}, bad
	}
	year, err := strconv.Atoi(y)
	if err != nil || year < 1971 || year > 9999 {
		return GoalPeriod{}, bad
	}
	if q, isQ := strings.CutPrefix(rest, "Q"); isQ {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 || n > 4 {
			return GoalPeriod{}, bad
		}
		return GoalPeriod{Year: year, Quarter: n}, nil
	}
	m, err := strconv.Atoi(rest)
	if err != nil || m < 1 || m > 12 {
		return GoalPeriod{}, bad
	}
	return GoalPeriod{Year: year, Month: m}, nil
}

// MonthOf is the calendar month of d.
func MonthOf(d Day) GoalPeriod {
	y, m, _ := d.UTC().Date()
	return GoalPeriod{Year: y, Month: int(m)}
}

// QuarterOf is the calendar quarter of d.
func QuarterOf(d Day) GoalPeriod {
	y, m, _ := d.UTC().Date()
	return GoalPeriod{Year: y, Quarter: (int(m)-1)/3 + 1}
}

// IsQuarter reports whether the period is a quarter.
func (p GoalPeriod) IsQuarter() bool { return p.Quarter != 0 }

// String is "2026-12" or "2026-Q4" (how periods are stored and typed).
func (p GoalPeriod) String() string {
	if p.IsQuarter() {
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
	}
	return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
}

// Label is the period for people: "Dec" for a month, "Q4" for a quarter
// (the year when it is not the year of today).
func (p GoalPeriod) Label(today Day) string {
	ty, _, _ := today.UTC().Date()
	var s string
	if p.IsQuarter() {
		s = fmt.Sprintf("Q%d", p.Quarter)
	} else {
		s = time.Month(p.Month).String()[:3]
	}
	if p.Year != ty {
		s += fmt.Sprintf(" %d", p.Year)
	}
	return s
}

// Bounds returns the first and last day of the period (both included).
func (p GoalPeriod) Bounds() (Day, Day) {
	first, months := p.Month, 1
	if p.IsQuarter() {
		first, months = (p.Quarter-1)*3+1, 3
	}
	from := DayFromYMD(p.Year, time.Month(first), 1)
	to := DayFromYMD(p.Year, time.Month(first+months), 1).AddDays(-1)
	return from, to
}

// maxGoalTarget bounds a target: money in minor units or a count.
const maxGoalTarget = 1_000_000_000_000_000

// Goal is a target for a month or a quarter on one measure.
type Goal struct {
	Meta
	Measure  GoalMeasure
	Period   GoalPeriod
	Target   int64  // minor units of Currency for money measures, else a count
	Currency string // for money measures
}

// Validate checks a goal.
func (g Goal) Validate() error {
	if _, err := ParseGoalMeasure(string(g.Measure)); err != nil {
		return err
	}
	if _, err := ParseGoalPeriod(g.Period.String()); err != nil {
		return err
	}
	if g.Target <= 0 {
		return Invalid("target", "a goal needs a target above 0")
	}
	if g.Target > maxGoalTarget {
		return Invalid("target", "%d is more than a goal can hold: use a smaller target", g.Target)
	}
	if g.Measure.IsMoney() && len(g.Currency) != 3 {
		return Invalid("currency", "a money goal needs a currency like USD or CNY")
	}
	return nil
}

// GoalProgress is a goal against what happened, as of a day.
type GoalProgress struct {
	Goal
	Actual   int64
	Days     int   // days in the period
	Elapsed  int   // days of the period up to and including today (0 before it starts)
	DaysLeft int   // days after today until the period ends
	Pace     int64 // straight-line projection of Actual to the period's end
	OnPace   bool  // Pace reaches Target
}

// Percent is Actual as a share of Target, in percent (rounded down).
func (p GoalProgress) Percent() int {
	if p.Target <= 0 {
		return 0
	}
	return int(math.Floor(float64(p.Actual) / float64(p.Target) * 100))
}

// Progress measures g against actual as of today. The pace is a straight
// line: what was reached per elapsed day, times the days of the period.
// Before the period starts the pace is 0; after it ends it is the actual.
func Progress(g Goal, actual int64, today Day) GoalProgress {
	from, to := g.Period.Bounds()
	p := GoalProgress{Goal: g, Actual: actual, Days: int(to-from) + 1}
	switch {
	case today < from:
		p.DaysLeft = p.Days
	case today > to:
		p.Elapsed, p.Pace = p.Days, actual
	default:
		p.Elapsed = int(today-from) + 1
		p.DaysLeft = int(to - today)
		// actual/elapsed*days, saturating instead of overflowing.
		per, days := actual/int64(p.Elapsed), int64(p.Days)
		if per > math.MaxInt64/days-1 {
			p.Pace = math.MaxInt64
		} else {
			p.Pace = per*days + actual%int64(p.Elapsed)*days/int64(p.Elapsed)
		}
	}
	p.OnPace = p.Pace >= g.Target
	return p
}

// Line is the goal's progress in one line, as the launch summary and
// `goal list` show it: "Dec ¥84,000 of ¥120,000 · 70% · 11 days left ·
// pace ¥130,200".
func (p GoalProgress) Line(today Day) string {
	parts := []string{fmt.Sprintf("%s %s of %s", p.Period.Label(today), p.Figure(p.Actual), p.Figure(p.Target)),
		fmt.Sprintf("%d%%", p.Percent())}
	switch {
	case p.Elapsed == 0:
		parts = append(parts, "starts in "+dayCount(p.DaysLeft))
	case p.DaysLeft == 0 && p.Elapsed == p.Days:
		parts = append(parts, "ended")
	default:
		parts = append(parts, dayCount(p.DaysLeft)+" left", "pace "+p.Figure(p.Pace))
	}
	return strings.Join(parts, " · ")
}

// Figure formats one of the goal's numbers: whole money for money
// measures, a grouped count otherwise.
func (g Goal) Figure(n int64) string {
	if g.Measure.IsMoney() {
		return Money{Minor: n, Currency: g.Currency}.FormatWhole()
	}
	return GroupThousands(n)
}

// dayCount is "1 day", "3 days".
func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
