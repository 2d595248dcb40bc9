package model

import (
	"math"
	"slices"
)

// The lapse model (SPEC §3): for a customer with orders, the log-odds of
// "no order in the next H days" is b0 + bR·R + bF·F + bM·M, with the four
// weights fitted on the book's own past by FitLapse.

// LapseHorizonDays is H, the default of setting risk.horizon.
const LapseHorizonDays = 90

// LapseMinTraining is the number of training customers below which the
// fit returns the prior.
const LapseMinTraining = 20

// lapseWindowDays is the window F counts order-days in, today included.
const lapseWindowDays = 365

// LapseWeights are b = (b0, bR, bF, bM).
type LapseWeights [4]float64

// LapsePrior returns π = (0, 0.5, −2.0, −0.35), the weights the fit is
// pulled towards and the ones used when the book is too small to fit.
func LapsePrior() LapseWeights { return LapseWeights{0, 0.5, -2.0, -0.35} }

// lapsePenalty returns λ = (1, 2, 2, 2).
func lapsePenalty() [4]float64 { return [4]float64{1, 2, 2, 2} }

// LapseFeatures are one customer's R, F and M at a moment.
type LapseFeatures struct {
	R, F, M float64
}

// vec returns (1, R, F, M), the design row of the fit.
func (x LapseFeatures) vec() [4]float64 { return [4]float64{1, x.R, x.F, x.M} }

// LapseOrders is what the features need about one customer's orders as of
// a day: the order history summarised.
type LapseOrders struct {
	// DaysSince is the days from the last order to the day (≥ 0).
	DaysSince int
	// OrderDays is the number of distinct local days with an order in the
	// 365 days up to the day, the day included.
	OrderDays int
	// BookOrders is the number of orders in the book currency, and
	// BookMinor their total in minor units.
	BookOrders int
	BookMinor  float64
}

// LapseValue returns ln(max(average book-currency order ÷ 100, 1)), the
// raw value M is measured from, and whether the customer has such an
// order at all.
func LapseValue(o LapseOrders) (float64, bool) {
	if o.BookOrders <= 0 {
		return 0, false
	}
	avg := o.BookMinor / float64(o.BookOrders) / 100
	if !(avg > 1) {
		return 0, true // no amounts, or under 1 unit: ln(max(·, 1)) = 0
	}
	return math.Log(avg), true
}

// LapseFeaturesOf computes R, F and M from o; valueBase is the book median
// of LapseValue. M is 0 for a customer without a book-currency order.
func LapseFeaturesOf(o LapseOrders, valueBase float64) LapseFeatures {
	d := max(o.DaysSince, 0)
	x := LapseFeatures{
		R: math.Log1p(float64(d)) - math.Log(91),
		F: math.Log1p(float64(max(o.OrderDays, 0))) - math.Log(2),
	}
	if v, ok := LapseValue(o); ok {
		x.M = v - valueBase
	}
	return x
}

// Median returns the median of xs (the mean of the two middle values for
// an even count), 0 for none. xs is not changed.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return rhythmMedian(slices.Clone(xs))
}

// Logit returns b0 + bR·R + bF·F + bM·M.
func (b LapseWeights) Logit(x LapseFeatures) float64 {
	v := x.vec()
	return b[0]*v[0] + b[1]*v[1] + b[2]*v[2] + b[3]*v[3]
}

// LapsePoints maps a logit to lapse points: round(50 + 20·logit), clipped
// to 0…100.
func LapsePoints(logit float64) int {
	if math.IsNaN(logit) {
		return 50
	}
	return int(min(max(math.Round(50+20*logit), 0), 100))
}

// LapseExample is one training customer: its features at T − H and whether
// it then had no order in (T − H, T].
type LapseExample struct {
	X      LapseFeatures
	Lapsed bool
}

// lapseObjective is Σ[y·η − ln(1 + e^η)] − ½ Σ λj (bj − πj)².
func lapseObjective(ex []LapseExample, b LapseWeights) float64 {
	var s float64
	for _, e := range ex {
		eta := b.Logit(e.X)
		if e.Lapsed {
			s += eta
		}
		s -= softplus(eta)
	}
	pi, lam := LapsePrior(), lapsePenalty()
	for j := range b {
		s -= 0.5 * lam[j] * (b[j] - pi[j]) * (b[j] - pi[j])
	}
	return s
}

// softplus is ln(1 + e^x) without overflow.
func softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

// sigmoid is 1/(1 + e^−x) without overflow.
func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// FitLapse fits the lapse weights on ex (SPEC §3): it maximises
// Σ[y·η − ln(1 + e^η)] − ½ Σ λj (bj − πj)² by Newton's method on the 4×4
// system, starting from the prior and halving a step until the objective
// does not fall. The objective is strictly concave, so there is one
// answer; sums run in the order of ex (the caller passes customers in id
// order), so the result is deterministic. With fewer than
// LapseMinTraining examples it returns the prior. Examples with a
// feature that is not finite are skipped; the result is always finite.
func FitLapse(ex []LapseExample) LapseWeights {
	clean := make([]LapseExample, 0, len(ex))
	for _, e := range ex {
		if finite(e.X.R) && finite(e.X.F) && finite(e.X.M) {
			clean = append(clean, e)
		}
	}
	b := LapsePrior()
	if len(clean) < LapseMinTraining {
		return b
	}
	obj := lapseObjective(clean, b)
	for iter := 0; iter < 100; iter++ {
		g, h := lapseGradHess(clean, b)
		step, ok := solve4(h, g)
		if !ok {
			break
		}
		var next LapseWeights
		var nextObj float64
		accepted := false
		for half := 0; half < 60; half++ {
			for j := range b {
				next[j] = b[j] + step[j]
			}
			nextObj = lapseObjective(clean, next)
			if nextObj >= obj {
				accepted = true
				break
			}
			for j := range step {
				step[j] /= 2
			}
		}
		if !accepted {
			break
		}
		moved := 0.0
		for j := range step {
			moved = max(moved, math.Abs(step[j]))
		}
		b, obj = next, nextObj
		if moved < 1e-12 {
			break
		}
	}
	for j := range b {
		if !finite(b[j]) {
			return LapsePrior()
		}
	}
	return b
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// lapseGradHess returns the gradient of the objective and the negated
// Hessian (positive definite: Σ p(1−p)·x·xᵀ + diag(λ)).
func lapseGradHess(ex []LapseExample, b LapseWeights) (g [4]float64, h [4][4]float64) {
	pi, lam := LapsePrior(), lapsePenalty()
	for _, e := range ex {
		v := e.X.vec()
		p := sigmoid(b.Logit(e.X))
		y := 0.0
		if e.Lapsed {
			y = 1
		}
		w := p * (1 - p)
		for i := 0; i < 4; i++ {
			g[i] += (y - p) * v[i]
			for j := 0; j < 4; j++ {
				h[i][j] += w * v[i] * v[j]
			}
		}
	}
	for j := 0; j < 4; j++ {
		g[j] -= lam[j] * (b[j] - pi[j])
		h[j][j] += lam[j]
	}
	return g, h
}

// solve4 solves a·x = y for a symmetric positive definite a by Cholesky
// decomposition; ok is false when a is not positive definite (which the
// penalty rules out, short of non-finite input).
func solve4(a [4][4]float64, y [4]float64) (x [4]float64, ok bool) {
	var l [4][4]float64
	for i := 0; i < 4; i++ {
		for j := 0; j <= i; j++ {
			s := a[i][j]
			for k := 0; k < j; k++ {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				if !(s > 0) {
					return x, false
				}
				l[i][i] = math.Sqrt(s)
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	var z [4]float64
	for i := 0; i < 4; i++ {
		s := y[i]
		for k := 0; k < i; k++ {
			s -= l[i][k] * z[k]
		}
		z[i] = s / l[i][i]
	}
	for i := 3; i >= 0; i-- {
		s := z[i]
		for k := i + 1; k < 4; k++ {
			s -= l[k][i] * x[k]
		}
		x[i] = s / l[i][i]
	}
	for _, v := range x {
		if !finite(v) {
			return x, false
		}
	}
	return x, true
}
