package model

import (
	"math"
	"slices"
)

// Reason codes of the lapse model (SPEC §3).
const (
	ReasonNoOrder     = "no_order"     // recency: "No order for 94 d" / "Last order 8 d ago"
	ReasonFewOrders   = "few_orders"   // frequency: "Only 1 order in 12 months"
	ReasonSmallOrders = "small_orders" // value: "Average order ¥560 (book median ¥2,980)"
	ReasonLapseBase   = "lapse"        // "Customers like this one in this book: 52"
)

// lapseFoldPoints: a part worth less than this (either way) is folded into
// the base line.
const lapseFoldPoints = 3

// LapseFit is the book's fitted lapse model together with the book
// medians that scoring and the reasons measure from, all as of the day it
// was fitted. Between refits every score uses the same fit, so a row only
// changes when its own inputs or the calendar move it.
type LapseFit struct {
	B  LapseWeights // b0, bR, bF, bM
	On Day          // the day of the fit (T)
	N  int          // training customers (fewer than 20: B is the prior)
	// ValueBase is the book median of LapseValue at On, over customers with
	// a book-currency order; M is measured from it.
	ValueBase float64
	// Median holds the book medians of R, F and M at On over customers
	// with an order: the median customer the reasons compare with.
	Median LapseFeatures
	// MedianMinor is the book median of the average order (book currency,
	// minor units), quoted by small_orders.
	MedianMinor int64
}

// DefaultLapseFit is the fit of a book with nothing to learn from: the
// prior, with every median at 0 (a customer whose one order this year was
// 90 days ago, of the book's usual value).
func DefaultLapseFit() LapseFit { return LapseFit{B: LapsePrior()} }

// LapseSummary summarises one customer's order days as of a day: the
// features' inputs plus what the reasons quote.
type LapseSummary struct {
	Orders    LapseOrders
	LastOrder Day // the last order day up to the day; NoDay when none
	UsualGap  int // median days between the order days in the window (0 with fewer than 2)
	// Leaves is the first day after the day on which an order day leaves
	// the 365-day window, or a later-dated order arrives (NoDay: never).
	Leaves Day
}

// SummariseOrders summarises order days (local dates, ascending,
// duplicates allowed) as of today; book-currency count and total are
// passed through.
func SummariseOrders(days []Day, today Day, bookOrders int, bookMinor float64) LapseSummary {
	s := LapseSummary{Orders: LapseOrders{BookOrders: bookOrders, BookMinor: bookMinor}}
	from := today.AddDays(1 - lapseWindowDays)
	var window []Day
	for _, d := range days {
		if d > today {
			if s.Leaves == NoDay || d < s.Leaves {
				s.Leaves = d
			}
			continue
		}
		if d > s.LastOrder {
			s.LastOrder = d
		}
		if d >= from && (len(window) == 0 || window[len(window)-1] != d) {
			window = append(window, d)
		}
	}
	if len(window) > 0 {
		if out := window[0].AddDays(lapseWindowDays); s.Leaves == NoDay || out < s.Leaves {
			s.Leaves = out
		}
	}
	s.Orders.OrderDays = len(window)
	if s.LastOrder != NoDay {
		s.Orders.DaysSince = int(today - s.LastOrder)
	}
	if len(window) >= 2 {
		s.UsualGap = int(math.Round(MedianGap(window)))
	}
	return s
}

// LapseState is a customer's order summary as a stored row keeps it: with
// the fit, it is all its lapse reasons need on any day before Leaves.
type LapseState struct {
	LastOrder  Day
	OrderDays  int // distinct order days in the 365-day window
	BookOrders int
	BookMinor  int64
	UsualGap   int
	Leaves     Day // the first day the window or the orders change (NoDay: never)
}

// State keeps what a later day's summary needs.
func (s LapseSummary) State() LapseState {
	return LapseState{LastOrder: s.LastOrder, OrderDays: s.Orders.OrderDays, BookOrders: s.Orders.BookOrders,
		BookMinor: int64(s.Orders.BookMinor), UsualGap: s.UsualGap, Leaves: s.Leaves}
}

// On returns the summary as of today (before Leaves: only the days since
// the last order have moved).
func (st LapseState) On(today Day) LapseSummary {
	return LapseSummary{
		Orders: LapseOrders{DaysSince: max(int(today-st.LastOrder), 0), OrderDays: st.OrderDays,
			BookOrders: st.BookOrders, BookMinor: float64(st.BookMinor)},
		LastOrder: st.LastOrder, UsualGap: st.UsualGap, Leaves: st.Leaves,
	}
}

// lapseResult is the lapse part of a risk assessment.
type lapseResult struct {
	reasons []Reason
	logit   float64
}

// assessLapse scores a customer with orders: the lapse points as reasons
// that add up to them, and the next day any of them changes into h.
//
// The base line is the median customer's points (round(50 + 20·(b0 +
// Σ bj·median zj))); frequency and value are worth 20·bj·(zj − median zj),
// rounded; recency is worth what is left of the points, which is 20·bR·(R −
// median R) give or take the rounding of the others (and the clipping of
// the points to 0…100). So the parts add up exactly, and — since only
// recency moves with the calendar — they change only on the days the
// points do (or recency passes the median customer's). A part under 3
// points either way is folded into the base line, and so is a recency part
// whose sign the clipping turned.
func assessLapse(s LapseSummary, fit LapseFit, h *riskHorizon) lapseResult {
	x := LapseFeaturesOf(s.Orders, fit.ValueBase)
	b := fit.B
	logit := b.Logit(x)
	points := LapsePoints(logit)
	med := fit.Median
	median := LapsePoints(b.Logit(med))
	fPart := roundPoints(20 * b[2] * (x.F - med.F))
	mPart := roundPoints(20 * b[3] * (x.M - med.M))
	parts := [3]int{points - median - fPart - mPart, fPart, mPart}
	// Recency is only shown pointing the way it really does: where the
	// points are clipped (a very safe or very lost customer) what is left
	// for it can have the other sign, and then it is folded.
	trueR := 20 * b[1] * (x.R - med.R)
	var shown []Reason
	base := points
	for j, p := range parts {
		if p > -lapseFoldPoints && p < lapseFoldPoints || (j == 0 && (p > 0) != (trueR >= 0)) {
			continue
		}
		base -= p
		shown = append(shown, lapsePart(j, p, s, fit))
	}
	slices.SortStableFunc(shown, func(a, b Reason) int { return b.Points - a.Points })
	out := append(shown, Reason{Code: ReasonLapseBase, Points: base, N: base})
	if s.Leaves != NoDay {
		h.at(s.Leaves, 0)
	}
	// Recency moves with ln(1 + days): the points change on days known in
	// closed form, and with them the recency part.
	if s.LastOrder != NoDay && finite(b[1]) && b[1] != 0 {
		d := int64(s.Orders.DaysSince)
		limit := h.until - int64(s.LastOrder)
		rest := logit - b[1]*x.R
		// points(d) = clip(round(50 + 20·(rest + bR·(ln(1+d) − ln 91))))
		a := 50 + 20*(rest-b[1]*math.Log(91))
		if n := nextRoundChange(a, 20*b[1], d, 0, 100, limit); n > 0 {
			h.at(s.LastOrder, n)
		}
		// The level may turn on the sign of the logit while the points stay
		// (50 covers logits from −0.025 to 0.025).
		if n := nextSignChange(rest-b[1]*math.Log(91), b[1], d, limit); n > 0 {
			h.at(s.LastOrder, n)
		}
		// And recency may turn from below the median customer's to above,
		// which shows when its part is not folded anyway.
		if parts[0] <= -lapseFoldPoints || parts[0] >= lapseFoldPoints {
			if n := nextSignChange(-b[1]*(math.Log(91)+med.R), b[1], d, limit); n > 0 {
				h.at(s.LastOrder, n)
			}
		}
	}
	return lapseResult{reasons: out, logit: logit}
}

// roundPoints rounds a part to whole points (half away from zero), bounded
// so that it converts safely.
func roundPoints(p float64) int {
	if !finite(p) {
		return 0
	}
	return int(min(max(math.Round(p), -1000), 1000))
}

// lapsePart is the reason for feature j (0 recency, 1 frequency, 2 value).
func lapsePart(j, points int, s LapseSummary, fit LapseFit) Reason {
	switch j {
	case 0:
		r := Reason{Code: ReasonNoOrder, Points: points, Since: s.LastOrder}
		if points < 0 {
			r.Extra = riskExtraRecent
		}
		return r
	case 1:
		return Reason{Code: ReasonFewOrders, Points: points, N: s.Orders.OrderDays, M: s.UsualGap}
	}
	avg := int64(0)
	if s.Orders.BookOrders > 0 {
		avg = int64(math.Round(s.Orders.BookMinor / float64(s.Orders.BookOrders)))
	}
	return Reason{Code: ReasonSmallOrders, Points: points, N: int(avg), M: int(fit.MedianMinor)}
}

// nextRoundChange returns the first whole d' > d with
// clip(round(a + s·ln(1+d'))) ≠ clip(round(a + s·ln(1+d))), where clip
// keeps values within lo…hi; 0 when that is never, or not by limit.
func nextRoundChange(a, s float64, d int64, lo, hi float64, limit int64) int64 {
	if s == 0 || !finite(s) || !finite(a) || d < 0 {
		return 0
	}
	at := func(x int64) float64 {
		return min(max(math.Round(a+s*math.Log1p(float64(x))), lo), hi)
	}
	cur := at(d)
	var target float64
	switch {
	case s > 0 && cur >= hi, s < 0 && cur <= lo:
		return 0
	case s > 0:
		target = cur + 0.5
	default:
		target = cur - 0.5
	}
	e := (target - a) / s // ln(1 + d') at the crossing
	if limit <= d || e > math.Log1p(float64(limit)) {
		return 0
	}
	x := int64(math.Ceil(math.Expm1(e)))
	if x <= d {
		x = d + 1
	}
	// Floating point may put the crossing a day off either way.
	for x > d+1 && at(x-1) != cur {
		x--
	}
	for i := 0; i < 4 && x <= limit && at(x) == cur; i++ {
		x++
	}
	if x > limit {
		return 0
	}
	return x
}

// nextSignChange returns the first whole d' > d on which a + s·ln(1+d')
// is ≥ 0 when it is < 0 on d, or < 0 when it is ≥ 0; 0 when that is never,
// or not by limit.
func nextSignChange(a, s float64, d int64, limit int64) int64 {
	if s == 0 || !finite(s) || !finite(a) || d < 0 || limit <= d {
		return 0
	}
	at := func(x int64) bool { return a+s*math.Log1p(float64(x)) >= 0 }
	cur := at(d)
	if cur == (s > 0) {
		return 0 // moving away from 0
	}
	e := -a / s // ln(1 + d') at the crossing
	if e > math.Log1p(float64(limit)) {
		return 0
	}
	x := max(int64(math.Ceil(math.Expm1(e))), d+1)
	for x > d+1 && at(x-1) != cur {
		x--
	}
	for i := 0; i < 4 && x <= limit && at(x) == cur; i++ {
		x++
	}
	if x > limit {
		return 0
	}
	return x
}
