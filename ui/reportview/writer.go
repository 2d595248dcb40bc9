package reportview

import (
	"fmt"
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/chart"
)

// writer collects report lines, each sanitised and fitted to the width.
type writer struct {
	lines  []Line
	width  int
	charts bool // line charts instead of bars and tables
	p      *i18n.Printer
}

// chartHeight is the height of a line chart, axes and labels included.
const chartHeight = 8

// lineChart adds a line chart, indented like the other figures; it
// reports false when there is nothing to draw (then the caller draws bars).
func (w *writer) lineChart(series []chart.Series, labels []string, yLabel func(float64) string) bool {
	return w.chart(chart.LineChart, series, labels, yLabel)
}

// rateChart is lineChart with the y axis fitted to the data.
func (w *writer) rateChart(series []chart.Series, labels []string, yLabel func(float64) string) bool {
	return w.chart(chart.LineChartFit, series, labels, yLabel)
}

func (w *writer) chart(draw func([]chart.Series, []string, int, int, func(float64) string) []string, series []chart.Series, labels []string, yLabel func(float64) string) bool {
	if !w.charts {
		return false
	}
	lines := draw(series, labels, w.width-2, chartHeight, yLabel)
	if lines == nil {
		return false
	}
	for _, l := range lines {
		w.line("  %s", l)
	}
	return true
}

func (w *writer) line(format string, args ...any) {
	w.lines = append(w.lines, Line{Text: fit(fmt.Sprintf(format, args...), w.width)})
}

// head starts a section: a blank line, then the title and its summary
// (the title said by the caller, sectionHead).
func (w *writer) head(title, summary string) {
	w.lines = append(w.lines, Line{}, Line{Text: fit(title+"  "+summary, w.width), Head: true})
}

// drill marks the last line added as drillable.
func (w *writer) drill(d Drill) {
	if n := len(w.lines); n > 0 {
		w.lines[n-1].Drill = d
	}
}

// ReasonWords names a risk or lapse reason code in words, as the Reasons
// line does.
func ReasonWords(code string) string { return ReasonWordsIn(nil, code) }

// ReasonWordsIn is ReasonWords in p's language.
func ReasonWordsIn(p *i18n.Printer, code string) string {
	if w, ok := reasonWords()[code]; ok {
		return p.T(w)
	}
	return strings.ReplaceAll(code, "_", " ")
}

// field is an indented "Label  value" line.
func (w *writer) field(label, value string) {
	w.line("  %s %s", chart.Cell(label, 15), value)
}

func (w *writer) bars(bars []chart.Bar) {
	for _, l := range chart.Bars(bars, w.width-2) {
		w.line("  %s", l)
	}
}

// fit sanitises a whole line once more (every database string in it was
// already cleaned; this keeps it so whatever a section forgets) and cuts
// it to width cells, dropping trailing spaces.
func fit(s string, width int) string {
	return chart.Fit(strings.TrimRight(model.Sanitize(s), " "), width)
}

// clean makes text from the database safe to print on one line.
func clean(s string) string { return model.Sanitize(s) }

// counts renders ranked names with their counts: "Price 3 · Timing 1".
func counts(cs []db.Count) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, clean(c.Name)+" "+group(c.Count))
	}
	return strings.Join(parts, " · ")
}

// group renders a count with thousands separators ("4,729").
func group(n int) string { return model.GroupThousands(int64(n)) }

// reasonWords names each risk and lapse reason code in words for the
// Reasons line; an unknown code reads with its underscores as spaces.
func reasonWords() map[string]string {
	return map[string]string{
		model.ReasonSilence:     i18n.N("no contact"),
		model.ReasonUnanswered:  i18n.N("unanswered"),
		model.ReasonComplaint:   i18n.N("complaint"),
		model.ReasonDetractor:   i18n.N("low rating"),
		model.ReasonCooling:     i18n.N("contact cooling"),
		model.ReasonStalledDeal: i18n.N("stalled deal"),
		model.ReasonOverdue:     i18n.N("overdue follow-up"),
		model.ReasonNoOrder:     i18n.N("no recent order"),
		model.ReasonFewOrders:   i18n.N("few orders"),
		model.ReasonSmallOrders: i18n.N("small orders"),
		model.ReasonLapseBase:   i18n.N("like lapsed customers"),
		"order_gap":             i18n.N("order gap"),
		"no_reply":              i18n.N("no reply"),
	}
}

// reasonCounts is counts with each reason code in words.
func reasonCounts(p *i18n.Printer, cs []db.Count) string {
	named := make([]db.Count, len(cs))
	for i, c := range cs {
		named[i] = c
		named[i].Name = ReasonWordsIn(p, c.Name)
	}
	return counts(named)
}

// money joins amounts of several currencies ("$1,200.00 + €300.00"); short
// uses the compact form ("$1.2k + €300").
func (w *writer) money(as []db.Amount, short bool) string {
	parts := make([]string, 0, len(as))
	for _, a := range as {
		if short {
			parts = append(parts, clean(w.short(a.Money())))
		} else {
			parts = append(parts, clean(a.Money().Format()))
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, " + ")
}

// short is an amount in the compact form of w's language: "$1.2k", in
// Chinese "¥12.3万".
func (w *writer) short(m model.Money) string {
	if w.p.Zh() {
		return m.FormatShortZh()
	}
	return m.FormatShort()
}

// bookMinor returns the book-currency amount of a list (bars are drawn in
// the book currency only: currencies are never added together).
func bookMinor(as []db.Amount, currency string) int64 {
	for _, a := range as {
		if a.Currency == currency {
			return a.Minor
		}
	}
	return 0
}

// dayCount renders a day count with at most one decimal ("25", "25.5").
func dayCount(x float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0")
}

// count says "1 deal" or "3 deals": one or many (both catalog keys, marked
// with i18n.N by the caller) in w's language. The plural is chosen here,
// not by the catalog, so a nil printer (English) still says "1 deal".
func (w *writer) count(n int, one, many string) string {
	if n == 1 {
		return w.p.T(one, n)
	}
	return w.p.T(many, n)
}
