package db

import (
	"math"
	"sort"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// lapseWords are the numbers the risk self-check's "weights in words" are
// said from (RiskCheck.WordsIn), kept with the fit so the words follow
// the reader's language: the weights, and each feature's spread (standard
// deviation over the training customers) times its weight's size.
type lapseWords struct {
	Few    bool       `json:"few,omitempty"` // too few customers to learn from
	B      [4]float64 `json:"b"`
	Spread [3]float64 `json:"spread"`
}

// newLapseWords measures the spread of each feature over ex.
func newLapseWords(b model.LapseWeights, ex []model.LapseExample) *lapseWords {
	w := &lapseWords{B: b}
	if len(ex) < model.LapseMinTraining {
		w.Few = true
		return w
	}
	for j := 0; j < 3; j++ {
		var s, s2 float64
		for _, e := range ex {
			v := [3]float64{e.X.R, e.X.F, e.X.M}[j]
			s += v
			s2 += v * v
		}
		n := float64(len(ex))
		w.Spread[j] = math.Sqrt(max(s2/n-(s/n)*(s/n), 0)) * math.Abs(b[j+1])
	}
	return w
}

// say says which feature moves the score most in this book, in p's
// language (English with a nil p).
func (w *lapseWords) say(p *i18n.Printer) string {
	if w.Few {
		return p.T("too few customers with orders to learn from yet: the standard weights are used")
	}
	names := []string{i18n.N("how long since the last order"), i18n.N("how often a customer orders"), i18n.N("the size of their orders")}
	sd := w.Spread
	order := []int{0, 1, 2}
	sort.SliceStable(order, func(i, j int) bool { return sd[order[i]] > sd[order[j]] })
	first, second, third := p.T(names[order[0]]), p.T(names[order[1]]), p.T(names[order[2]])
	var words string
	if sd[order[2]] < 0.05*sd[order[0]] {
		words = p.T("in this book, %s matters most, then %s; %s hardly at all", first, second, third)
	} else {
		words = p.T("in this book, %s matters most, then %s, then %s", first, second, third)
	}
	var odd string
	for _, o := range []struct {
		yes bool
		key string
	}{
		{w.B[1] < 0, i18n.N("a recent order counts as more risk, not less")},
		{w.B[2] > 0, i18n.N("frequent buyers lapse more, not less")},
		{w.B[3] > 0, i18n.N("larger orders lapse more, not less")},
	} {
		switch {
		case !o.yes:
		case odd == "":
			odd = p.T(o.key)
		default:
			odd = p.T("%s; %s", odd, p.T(o.key))
		}
	}
	if odd != "" {
		words = p.T("%s (unusual: %s)", words, odd)
	}
	return words
}

// WordsIn is InWords in p's language: said from the numbers kept with the
// fit, or, for a fit stored before they were kept, InWords as stored.
func (c RiskCheck) WordsIn(p *i18n.Printer) string {
	if c.words == nil {
		return c.InWords
	}
	return c.words.say(p)
}
