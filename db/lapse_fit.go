package db

import (
	"context"
	"encoding/json"
	"math"
	"sort"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// lapseFitKey is the setting the fitted lapse model is kept in (SPEC §3:
// the weights, the date, the training count), with the medians scoring
// measures from and the self-check made with it.
const lapseFitKey = "risk.fit"

// riskCheckMin is the number of customers with an order by T − H from
// which the self-check is shown.
const riskCheckMin = 50

// storedFit is the JSON of setting risk.fit.
type storedFit struct {
	On          string      `json:"on"`
	Horizon     int         `json:"horizon"`
	Currency    string      `json:"currency"`
	N           int         `json:"n"`
	B           [4]float64  `json:"b"`
	ValueBase   float64     `json:"value_base"`
	Median      [3]float64  `json:"median"`
	MedianMinor int64       `json:"median_minor"`
	Check       RiskCheck   `json:"check"`
	Words       *lapseWords `json:"words,omitempty"` // what Check.InWords is said from
}

// LapseModel is the book's fitted lapse model as stored, with its check.
type LapseModel struct {
	Fit      model.LapseFit
	Horizon  int    // H the fit was made with
	Currency string // the book currency its order values were read in
	Check    RiskCheck
}

// parseFit reads setting risk.fit; ok is false when it is missing or does
// not parse (a refit then makes a new one).
func parseFit(v string) (LapseModel, bool) {
	var s storedFit
	if err := json.Unmarshal([]byte(v), &s); err != nil {
		return LapseModel{}, false
	}
	on, err := model.ParseDay(s.On)
	if err != nil || s.Horizon <= 0 {
		return LapseModel{}, false
	}
	f := model.LapseFit{B: model.LapseWeights(s.B), On: on, N: s.N, ValueBase: s.ValueBase,
		Median: model.LapseFeatures{R: s.Median[0], F: s.Median[1], M: s.Median[2]}, MedianMinor: s.MedianMinor}
	for _, x := range append(s.B[:], s.ValueBase, s.Median[0], s.Median[1], s.Median[2]) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return LapseModel{}, false
		}
	}
	s.Check.words = s.Words
	return LapseModel{Fit: f, Horizon: s.Horizon, Currency: s.Currency, Check: s.Check}, true
}

func (m LapseModel) encode() string {
	f := m.Fit
	b, _ := json.Marshal(storedFit{On: f.On.String(), Horizon: m.Horizon, Currency: m.Currency, N: f.N, B: f.B, ValueBase: f.ValueBase,
		Median: [3]float64{f.Median.R, f.Median.F, f.Median.M}, MedianMinor: f.MedianMinor, Check: m.Check, Words: m.Check.words})
	return string(b)
}

// lapseFitFor returns the fit scores use: the stored one, or the default
// when the book has none yet.
func (s Settings) lapseFitFor() model.LapseFit {
	if s.Lapse != nil {
		return s.Lapse.Fit
	}
	return model.DefaultLapseFit()
}

// refitDue reports whether a refresh on today refits the lapse model: none
// stored (or unreadable), made with another horizon or book currency, in
// an earlier calendar month, or on a later day (the clock went back).
func refitDue(s Settings, today model.Day) bool {
	m := s.Lapse
	if m == nil || m.Horizon != s.Horizon || m.Currency != s.Currency || m.Fit.On > today {
		return true
	}
	y1, m1, _ := m.Fit.On.UTC().Date()
	y2, m2, _ := today.UTC().Date()
	return y1 != y2 || m1 != m2
}

// RefitDue reports whether the next Refresh will refit the lapse model and
// re-score every customer (the first refresh of a month, or no fit yet), so
// the app can say it is re-scoring while it runs (SPEC §7: a refit day
// takes longer than an ordinary new day).
func (d *DB) RefitDue(ctx context.Context) (bool, error) {
	set, err := loadSettings(ctx, d.r)
	if err != nil {
		return false, mapError(err)
	}
	return !d.readOnly && refitDue(set, model.DayOf(d.now())), nil
}

// fitLapse fits the lapse model as of today from the book through q, and
// checks the ranking it gives out of sample.
func fitLapse(ctx context.Context, q Querier, set Settings, now time.Time) (LapseModel, error) {
	today := model.DayOf(now)
	book, err := readLapseBook(ctx, q, today, now.Location(), set.Currency, set.Horizon)
	if err != nil {
		return LapseModel{}, err
	}
	m := LapseModel{Fit: book.fit(), Horizon: set.Horizon, Currency: set.Currency}
	m.Check = book.check(m.Fit, set.Points)
	return m, nil
}

// RiskCheck is how the lapse ranking did on this book (SPEC §3, "Risk
// checks itself on the book"): customers scored as of T − H with weights
// fitted as of T − 2H, against whether they ordered in (T − H, T].
type RiskCheck struct {
	// Shown is false when fewer than 50 customers had an order by T − H;
	// the figures are then not meaningful and not shown.
	Shown       bool   `json:"shown"`
	Checked     string `json:"checked_on"`   // T: the day of the fit and the check
	ScoredAsOf  string `json:"scored_as_of"` // T − H
	FittedAsOf  string `json:"fitted_as_of"` // T − 2H
	HorizonDays int    `json:"horizon_days"`
	// Customers had an order by T − H; Lapsed of them had none in (T − H, T].
	Customers int `json:"customers"`
	Lapsed    int `json:"lapsed"`
	// AUC is the chance that a customer who lapsed ranked above one who
	// did not; RecencyAUC the same for plain days since the last order.
	AUC        float64 `json:"auc"`
	RecencyAUC float64 `json:"recency_auc"`
	// AtRisk were at_risk as of T − H (p ≥ 0.5); Precision is the share of
	// them that lapsed, Recall the share of the lapsed that were at_risk.
	AtRisk    int   `json:"at_risk"`
	Precision Ratio `json:"precision"`
	Recall    Ratio `json:"recall"`
	// Weights are the weights scores use now (fitted as of T on Training
	// customers), and InWords says what they mean.
	Weights  LapseWeightsJSON `json:"weights"`
	Training int              `json:"training_customers"`
	InWords  string           `json:"in_words"` // in English; WordsIn says it in the reader's language
	words    *lapseWords      // what InWords is said from (nil in a fit stored before it was kept)
}

// LapseWeightsJSON names the four weights.
type LapseWeightsJSON struct {
	Intercept float64 `json:"intercept"`
	Recency   float64 `json:"recency"`
	Frequency float64 `json:"frequency"`
	Value     float64 `json:"value"`
}

// check scores every customer with an order by T − H with weights fitted
// as of T − 2H and compares with what they did in (T − H, T].
func (b *lapseBook) check(now model.LapseFit, p model.RiskPoints) RiskCheck {
	c := RiskCheck{
		Checked: b.today.String(), ScoredAsOf: b.days[cutTrain].String(), FittedAsOf: b.days[cutCheck].String(),
		HorizonDays: b.horizon, Training: now.N,
		Weights: LapseWeightsJSON{now.B[0], now.B[1], now.B[2], now.B[3]},
	}
	c.words = newLapseWords(now.B, b.examples(cutTrain))
	c.InWords = c.words.say(nil)
	old := model.FitLapse(b.examples(cutCheck))
	base := b.valueBase(cutTrain)
	var rank, recency []float64
	var lapsed []bool
	for _, cu := range b.cust {
		s := cu.cut[cutTrain]
		if s.last == model.NoDay {
			continue
		}
		o := s.orders(b.days[cutTrain])
		logit := old.Logit(model.LapseFeaturesOf(o, base))
		pts := model.LapsePoints(logit)
		// The list order: points, then days since (last order here).
		rank = append(rank, float64(pts)*1e6+float64(o.DaysSince))
		recency = append(recency, float64(o.DaysSince))
		lapsed = append(lapsed, !s.after)
		atRisk := logit >= 0 && pts >= p.AtRiskThreshold
		if !s.after {
			c.Lapsed++
		}
		if atRisk {
			c.AtRisk++
			if !s.after {
				c.Precision.N++
			}
		}
	}
	c.Customers = len(lapsed)
	c.Precision.D = c.AtRisk
	c.Recall = Ratio{N: c.Precision.N, D: c.Lapsed}
	c.AUC, c.RecencyAUC = rankAUC(rank, lapsed), rankAUC(recency, lapsed)
	c.Shown = c.Customers >= riskCheckMin
	return c
}

// rankAUC is the probability that a random positive scores above a random
// negative, ties counting half; 0.5 when either class is empty.
func rankAUC(scores []float64, pos []bool) float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return scores[idx[i]] < scores[idx[j]] })
	var np, nn, rankSum float64
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && scores[idx[j]] == scores[idx[i]] {
			j++
		}
		avg := float64(i+j+1) / 2
		for k := i; k < j; k++ {
			if pos[idx[k]] {
				rankSum += avg
				np++
			} else {
				nn++
			}
		}
		i = j
	}
	if np == 0 || nn == 0 {
		return 0.5
	}
	return (rankSum - np*(np+1)/2) / (np * nn)
}

// refitIfDue fits and stores the lapse model through q when a refresh on
// now's day would (see refitDue).
func refitIfDue(ctx context.Context, q Querier, now time.Time) error {
	set, err := loadSettings(ctx, q)
	if err != nil || !refitDue(set, model.DayOf(now)) {
		return err
	}
	m, err := fitLapse(ctx, q, set, now)
	if err != nil {
		return err
	}
	return setSystemSetting(ctx, q, lapseFitKey, m.encode())
}

// RefitRisk refits the lapse model now (rapport risk refit), stores it and
// re-scores every customer with it, in one transaction; it returns the new
// fit with its self-check. Like the monthly refit it is not an undoable
// command: the weights follow from the book.
func (d *DB) RefitRisk(ctx context.Context) (LapseModel, error) {
	var m LapseModel
	err := d.Write(ctx, "", func(t *Tx) error {
		set, err := loadSettings(ctx, t.tx)
		if err != nil {
			return err
		}
		if m, err = fitLapse(ctx, t.tx, set, t.now); err != nil {
			return err
		}
		if err := setSystemSetting(ctx, t.tx, lapseFitKey, m.encode()); err != nil {
			return err
		}
		return d.recomputeStats(ctx, t.tx, nil, t.now)
	})
	return m, err
}
