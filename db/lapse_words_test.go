package db

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model/i18n"
)

// TestRiskWeightsInWordsFollowTheReader: the self-check's weights in words
// are said from the numbers kept with the fit, so a stored fit reads in
// Chinese under a Chinese printer and in English exactly as in_words; a
// fit stored before the numbers were kept reads as its stored text.
func TestRiskWeightsInWordsFollowTheReader(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	lapseTestBook(t, d, clk, 60)
	if _, err := d.RefitRisk(ctx); err != nil {
		t.Fatal(err)
	}
	set, err := d.Settings(ctx) // read back from the stored fit
	if err != nil || set.Lapse == nil {
		t.Fatalf("settings: %v %v", set.Lapse, err)
	}
	c := set.Lapse.Check
	if !strings.HasPrefix(c.InWords, "in this book, ") || c.WordsIn(nil) != c.InWords || c.WordsIn(i18n.New(i18n.En)) != c.InWords {
		t.Errorf("English: %q / %q", c.InWords, c.WordsIn(nil))
	}
	zh := c.WordsIn(i18n.New(i18n.Zh))
	if !strings.HasPrefix(zh, "在本客户库中，") || !strings.Contains(zh, "影响最大") {
		t.Errorf("Chinese: %q", zh)
	}
	// An old fit: the same JSON without the numbers.
	old := set.Lapse.Check
	old.words = nil
	if got := old.WordsIn(i18n.New(i18n.Zh)); got != c.InWords {
		t.Errorf("old fit in Chinese: %q, want the stored %q", got, c.InWords)
	}
	// The words as each shape says them.
	for _, w := range []struct {
		lw   lapseWords
		en   string
		zhas string
	}{
		{lapseWords{Few: true}, "too few customers with orders to learn from yet: the standard weights are used", "使用标准权重"},
		{lapseWords{B: [4]float64{0, 1, -1, 0.5}, Spread: [3]float64{1, 2, 0.01}},
			"in this book, how often a customer orders matters most, then how long since the last order; the size of their orders hardly at all (unusual: larger orders lapse more, not less)",
			"在本客户库中，下单频率影响最大，其次是距上次下单的时间；订单金额几乎没有影响（异常：大额订单反而更易流失）"},
		{lapseWords{B: [4]float64{0, -1, 1, -1}, Spread: [3]float64{3, 2, 1}},
			"in this book, how long since the last order matters most, then how often a customer orders, then the size of their orders (unusual: a recent order counts as more risk, not less; frequent buyers lapse more, not less)",
			"（异常：最近下过单反而算作风险更高；常买的客户反而更易流失）"},
	} {
		if got := w.lw.say(nil); got != w.en {
			t.Errorf("English %+v: %q", w.lw, got)
		}
		if got := w.lw.say(i18n.New(i18n.Zh)); !strings.Contains(got, w.zhas) {
			t.Errorf("Chinese %+v: %q lacks %q", w.lw, got, w.zhas)
		}
	}
}
