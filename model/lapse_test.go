package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// lapseRow builds a training example from days since the last order,
// order-days in the year, the value feature and the label.
func lapseRow(days, orderDays int, m float64, lapsed bool) LapseExample {
	return LapseExample{X: LapseFeatures{
		R: math.Log1p(float64(days)) - math.Log(91),
		F: math.Log1p(float64(orderDays)) - math.Log(2),
		M: m,
	}, Lapsed: lapsed}
}

// knownLapseSet is a small data set whose optimum was found independently
// (plain gradient ascent in Python, 1,308 iterations of step 0.01 until
// every component of the gradient was under 1e-13).
func knownLapseSet() ([]LapseExample, LapseWeights) {
	rows := []struct {
		d, n int
		m    float64
		y    int
	}{
		{90, 1, 0.3, 0}, {10, 12, 0.8, 0}, {400, 1, 0.8, 1}, {10, 3, 0.3, 0}, {10, 5, 0.3, 0},
		{400, 1, -0.5, 1}, {400, 1, 0.8, 1}, {3, 1, -1.0, 0}, {25, 2, 0.3, 0}, {10, 5, 0, 0},
		{25, 1, 0.8, 0}, {40, 2, -1.0, 0}, {10, 5, -1.0, 0}, {200, 8, 0.8, 0}, {90, 3, 0.8, 0},
		{90, 2, -0.5, 0}, {40, 1, 0.8, 0}, {200, 2, 1.5, 0}, {400, 1, -1.0, 1}, {25, 12, 0, 0},
		{200, 3, -1.0, 0}, {10, 12, 0.8, 0}, {90, 2, 1.5, 0}, {200, 5, 0.3, 1}, {10, 2, 0.3, 0},
		{10, 1, 1.5, 0}, {400, 8, 0.3, 1}, {120, 8, 0, 1}, {200, 2, -0.5, 0}, {200, 1, -0.5, 0},
	}
	var ex []LapseExample
	for _, r := range rows {
		ex = append(ex, lapseRow(r.d, r.n, r.m, r.y == 1))
	}
	return ex, LapseWeights{-0.6329691606026208, 1.3678576605073587, -1.1890319289192717, -0.20640429055145632}
}

func TestFitLapseKnownOptimum(t *testing.T) {
	ex, want := knownLapseSet()
	got := FitLapse(ex)
	for j := range want {
		if math.Abs(got[j]-want[j]) > 1e-9 {
			t.Fatalf("b = %v, want %v", got, want)
		}
	}
	// The answer does not depend on where Newton starts: a fit's gradient
	// there is zero, and the objective is lower anywhere near it.
	g, _ := lapseGradHess(ex, got)
	for j := range g {
		if math.Abs(g[j]) > 1e-9 {
			t.Fatalf("gradient at the fit %v", g)
		}
	}
	best := lapseObjective(ex, got)
	for j := range got {
		for _, dx := range []float64{-1e-3, 1e-3} {
			b := got
			b[j] += dx
			if lapseObjective(ex, b) >= best {
				t.Fatalf("objective not lower at %v", b)
			}
		}
	}
	if again := FitLapse(ex); again != got {
		t.Fatalf("not deterministic: %v then %v", got, again)
	}
}

func TestFitLapsePriorBelowTwenty(t *testing.T) {
	ex, _ := knownLapseSet()
	if got := FitLapse(ex[:LapseMinTraining-1]); got != LapsePrior() {
		t.Fatalf("19 customers: %v, want the prior", got)
	}
	if got := FitLapse(ex[:LapseMinTraining]); got == LapsePrior() {
		t.Fatalf("20 customers: still the prior")
	}
	if got := FitLapse(nil); got != LapsePrior() {
		t.Fatalf("no customers: %v", got)
	}
}

// TestFitLapseDegenerateBooks: books that give the likelihood no interior
// optimum of its own still get a finite fit (the prior's penalty holds it),
// and that fit is the optimum (zero gradient).
func TestFitLapseDegenerateBooks(t *testing.T) {
	many := func(n int, f func(i int) LapseExample) []LapseExample {
		var out []LapseExample
		for i := 0; i < n; i++ {
			out = append(out, f(i))
		}
		return out
	}
	tests := []struct {
		name  string
		ex    []LapseExample
		prior bool
	}{
		{"one customer", []LapseExample{lapseRow(30, 2, 0, true)}, true},
		{"no amounts", many(40, func(i int) LapseExample { return lapseRow(i*10, 1+i%4, 0, i%3 == 0) }), false},
		{"all churned", many(40, func(i int) LapseExample { return lapseRow(i*10, 1+i%4, float64(i%5)-2, true) }), false},
		{"none churned", many(40, func(i int) LapseExample { return lapseRow(i*10, 1+i%4, float64(i%5)-2, false) }), false},
		{"identical customers", many(50, func(i int) LapseExample { return lapseRow(45, 3, 0.5, i%2 == 0) }), false},
		{"identical all churned", many(50, func(int) LapseExample { return lapseRow(45, 3, 0.5, true) }), false},
		{"huge values", many(30, func(i int) LapseExample { return lapseRow(1<<40, 1<<30, 700, i%2 == 0) }), false},
		{"non-finite rows skipped", append(many(25, func(i int) LapseExample { return lapseRow(i*10, 2, 0, i%2 == 0) }),
			LapseExample{X: LapseFeatures{R: math.NaN()}}, LapseExample{X: LapseFeatures{M: math.Inf(1)}, Lapsed: true}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := FitLapse(tt.ex)
			for _, v := range b {
				if !finite(v) {
					t.Fatalf("b = %v", b)
				}
			}
			if tt.prior {
				if b != LapsePrior() {
					t.Fatalf("b = %v, want the prior", b)
				}
				return
			}
			var clean []LapseExample
			for _, e := range tt.ex {
				if finite(e.X.R) && finite(e.X.F) && finite(e.X.M) {
					clean = append(clean, e)
				}
			}
			g, _ := lapseGradHess(clean, b)
			for _, v := range g {
				if math.Abs(v) > 1e-6*float64(len(clean)) {
					t.Fatalf("b = %v: gradient %v", b, g)
				}
			}
			for _, e := range clean {
				if p := LapsePoints(b.Logit(e.X)); p < 0 || p > 100 {
					t.Fatalf("points %d", p)
				}
			}
		})
	}
}

func TestLapseFeatures(t *testing.T) {
	// The median-like customer: last order 90 days ago, one order-day.
	x := LapseFeaturesOf(LapseOrders{DaysSince: 90, OrderDays: 1}, 0)
	if math.Abs(x.R) > 1e-12 || math.Abs(x.F) > 1e-12 || x.M != 0 {
		t.Fatalf("features %+v, want zeros", x)
	}
	// Average $250 against a book median of ln 100: M = ln 2.5.
	x = LapseFeaturesOf(LapseOrders{DaysSince: 0, OrderDays: 3, BookOrders: 2, BookMinor: 50000}, math.Log(100))
	if math.Abs(x.M-math.Log(2.5)) > 1e-12 || math.Abs(x.R+math.Log(91)) > 1e-12 || math.Abs(x.F-math.Log(2)) > 1e-12 {
		t.Fatalf("features %+v", x)
	}
	// No book-currency order, and amounts of 0 or under one unit.
	if x := LapseFeaturesOf(LapseOrders{DaysSince: 5, OrderDays: 1}, 3); x.M != 0 {
		t.Fatalf("no book order: M = %v", x.M)
	}
	if v, ok := LapseValue(LapseOrders{BookOrders: 4, BookMinor: 0}); v != 0 || !ok {
		t.Fatalf("zero amounts: %v %v", v, ok)
	}
	if x := LapseFeaturesOf(LapseOrders{DaysSince: -3, OrderDays: -1}, 0); !finite(x.R) || !finite(x.F) {
		t.Fatalf("negative inputs: %+v", x)
	}
}

func TestLapsePoints(t *testing.T) {
	for _, c := range []struct {
		logit float64
		want  int
	}{{0, 50}, {-0.024, 50}, {-0.026, 49}, {2.5, 100}, {9, 100}, {-3, 0}, {math.Inf(-1), 0}, {math.NaN(), 50}} {
		if got := LapsePoints(c.logit); got != c.want {
			t.Errorf("LapsePoints(%v) = %d, want %d", c.logit, got, c.want)
		}
	}
}

func TestSummariseOrders(t *testing.T) {
	today := riskToday
	days := []Day{today - 400, today - 364, today - 364, today - 200, today - 100, today - 20, today + 3}
	s := SummariseOrders(days, today, 5, 12345)
	if s.LastOrder != today-20 || s.Orders.DaysSince != 20 || s.Orders.OrderDays != 4 {
		t.Fatalf("summary %+v", s)
	}
	// The window's order days: −364, −200, −100, −20: gaps 164, 100, 80.
	if s.UsualGap != 100 {
		t.Fatalf("usual gap %d", s.UsualGap)
	}
	// −364 leaves tomorrow (365 days after it); the later-dated order comes in 3 days.
	if s.Leaves != today+1 {
		t.Fatalf("leaves %v, want tomorrow", s.Leaves)
	}
	if s := SummariseOrders(nil, today, 0, 0); s.LastOrder != NoDay || s.Leaves != NoDay {
		t.Fatalf("no orders: %+v", s)
	}
}

// TestNextRoundChange compares the closed form with walking day by day.
func TestNextRoundChange(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		a := rng.Float64()*200 - 100
		s := rng.Float64()*40 - 20
		d := int64(rng.IntN(500))
		lo, hi := math.Inf(-1), math.Inf(1)
		if i%2 == 0 {
			lo, hi = 0, 100
		}
		limit := d + 1 + int64(rng.IntN(400))
		at := func(x int64) float64 { return min(max(math.Round(a+s*math.Log1p(float64(x))), lo), hi) }
		want := int64(0)
		for x := d + 1; x <= limit; x++ {
			if at(x) != at(d) {
				want = x
				break
			}
		}
		if got := nextRoundChange(a, s, d, lo, hi, limit); got != want {
			t.Fatalf("a=%v s=%v d=%d [%v,%v] limit %d: got %d, want %d", a, s, d, lo, hi, limit, got, want)
		}
	}
}

// TestNextSignChange compares the closed form with walking day by day.
func TestNextSignChange(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 3000; i++ {
		a, s := rng.Float64()*10-5, rng.Float64()*4-2
		d := int64(rng.IntN(500))
		limit := d + 1 + int64(rng.IntN(400))
		at := func(x int64) bool { return a+s*math.Log1p(float64(x)) >= 0 }
		want := int64(0)
		for x := d + 1; x <= limit; x++ {
			if at(x) != at(d) {
				want = x
				break
			}
		}
		if got := nextSignChange(a, s, d, limit); got != want {
			t.Fatalf("a=%v s=%v d=%d limit %d: got %d, want %d", a, s, d, limit, got, want)
		}
	}
}

// TestLapseReasonsAddUp: the parts and the base line add up to the lapse
// points, parts under 3 points are folded, and the texts read as SPEC §3.
func TestLapseReasonsAddUp(t *testing.T) {
	fit := LapseFit{B: LapseWeights{-0.3, 0.9, -1.2, -0.4}, ValueBase: math.Log(2980), MedianMinor: 298000,
		Median: LapseFeatures{R: math.Log1p(60) - math.Log(91), F: math.Log1p(3) - math.Log(2)}}
	in := isolatedInput()
	in.Currency, in.Lapse = "CNY", fit
	in.OrderDays = []Day{ago(300), ago(94)}
	in.BookOrders, in.BookMinor = 2, 2*56000
	r := AssessRisk(in, DefaultRiskPoints())
	x := LapseFeaturesOf(LapseOrders{DaysSince: 94, OrderDays: 2, BookOrders: 2, BookMinor: 2 * 56000}, fit.ValueBase)
	want := LapsePoints(fit.B.Logit(x))
	sum := 0
	var texts []string
	for _, x := range r.Reasons {
		sum += x.Points
		texts = append(texts, x.Text)
		if x.Code != ReasonLapseBase && x.Points > -3 && x.Points < 3 {
			t.Errorf("part %s of %d points not folded", x.Code, x.Points)
		}
	}
	if sum != want || r.Score != want {
		t.Fatalf("reasons add to %d, score %d, want %d: %+v", sum, r.Score, want, r.Reasons)
	}
	wantTexts := []string{"Average order ¥560 (book median ¥2,980)", "Only 2 orders in 12 months, usually every 206 d", "No order for 94 d"}
	for _, w := range wantTexts {
		if !slices.Contains(texts, w) {
			t.Errorf("no reason reads %q: %q", w, texts)
		}
	}
	if last := r.Reasons[len(r.Reasons)-1]; last.Code != ReasonLapseBase || last.Text != "Customers like this one in this book: "+strconv.Itoa(last.Points) {
		t.Errorf("base line %+v", last)
	}
	// A recent, frequent buyer: the parts lower the score.
	in.OrderDays = []Day{ago(200), ago(160), ago(120), ago(80), ago(40), ago(8), ago(8)}
	in.BookOrders, in.BookMinor = 7, 7*298000
	texts = nil
	for _, x := range AssessRisk(in, DefaultRiskPoints()).Reasons {
		texts = append(texts, x.Text)
	}
	for _, w := range []string{"Last order 8 d ago", "6 orders in 12 months, usually every 40 d"} {
		if !slices.Contains(texts, w) {
			t.Errorf("no reason reads %q: %q", w, texts)
		}
	}
}

// TestLapseLevel: without a person-caused reason, at_risk means p ≥ 0.5.
func TestLapseLevel(t *testing.T) {
	in := isolatedInput()
	in.OrderDays = []Day{ago(90)}
	in.Lapse = LapseFit{B: LapseWeights{-0.01, 0, 0, 0}}
	r := AssessRisk(in, DefaultRiskPoints())
	if r.Score != 50 || r.Level != LevelWatch {
		t.Fatalf("logit −0.01: score %d level %s, want 50 watch", r.Score, r.Level)
	}
	in.UnansweredStreak = 2
	if r := AssessRisk(in, DefaultRiskPoints()); r.Level != LevelAtRisk {
		t.Fatalf("with a person-caused reason: %s", r.Level)
	}
	in.UnansweredStreak = 0
	in.Lapse.B[0] = 0
	if r := AssessRisk(in, DefaultRiskPoints()); r.Level != LevelAtRisk {
		t.Fatalf("logit 0: %s", r.Level)
	}
}

// TestRescoreLapseMatchesAssess: re-scoring from the stored lapse state
// on a later day (before anything else can change) gives what a full
// assessment on that day gives.
func TestRescoreLapseMatchesAssess(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	buf := make([]byte, 160)
	checked := 0
	for i := 0; i < 3000; i++ {
		for j := range buf {
			buf[j] = byte(rng.UintN(256))
		}
		in, p := riskInputFromBytes(buf)
		r0 := AssessRisk(in, p)
		if r0.Lapse == nil {
			continue
		}
		person := r0.Reasons[r0.NLapse:]
		end := min(r0.PersonUntil, in.Today+400)
		if r0.Lapse.Leaves != NoDay {
			end = min(end, r0.Lapse.Leaves)
		}
		for day := in.Today; day < end; day += 7 {
			at := in
			at.Today = day
			want := AssessRisk(at, p)
			got := RescoreLapse(*r0.Lapse, in.Lapse, in.Currency, r0.PersonPoints, len(person) > 0, r0.PersonUntil, day, p)
			for _, r := range person {
				r.Text = r.TextOn(day)
				got.Reasons = append(got.Reasons, r)
			}
			// The stored state cannot see past PersonUntil: it may end there earlier.
			sameUntil := got.ValidUntil == want.ValidUntil || (got.ValidUntil == r0.PersonUntil && got.ValidUntil < want.ValidUntil)
			if riskSignature(got) != riskSignature(want) || !sameUntil {
				t.Fatalf("input %x day %+d: rescored %s until %v, assessed %s until %v", buf, day-in.Today, riskSignature(got), got.ValidUntil, riskSignature(want), want.ValidUntil)
			}
			for k := range want.Reasons {
				if got.Reasons[k].Text != want.Reasons[k].Text {
					t.Fatalf("day %+d: text %q, want %q", day-in.Today, got.Reasons[k].Text, want.Reasons[k].Text)
				}
			}
			// The writer's variant: the same risk, the reasons without text.
			stored := RescoreLapseStored(*r0.Lapse, in.Lapse, in.Currency, r0.PersonPoints, len(person) > 0, r0.PersonUntil, day, p)
			plain := RescoreLapse(*r0.Lapse, in.Lapse, in.Currency, r0.PersonPoints, len(person) > 0, r0.PersonUntil, day, p)
			for k := range plain.Reasons {
				if stored.Reasons[k].Text != "" || !KnownReason(stored.Reasons[k].Code) {
					t.Fatalf("day %+d: stored reason %+v", day-in.Today, stored.Reasons[k])
				}
				plain.Reasons[k].Text = ""
			}
			if stored.Lapse == nil || plain.Lapse == nil || *stored.Lapse != *plain.Lapse {
				t.Fatalf("day %+d: lapse state %v, want %v", day-in.Today, stored.Lapse, plain.Lapse)
			}
			stored.Lapse = plain.Lapse
			if fmt.Sprint(stored) != fmt.Sprint(plain) {
				t.Fatalf("day %+d: stored %+v, want %+v", day-in.Today, stored, plain)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d days checked", checked)
	}
}
