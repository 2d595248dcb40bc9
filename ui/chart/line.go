package chart

import (
	"math"
	"strings"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/linechart"
	"github.com/charmbracelet/x/ansi"
)

// LineMinWidth is the narrowest a line chart is drawn; below it (and on a
// dumb terminal) callers fall back to bars.
const LineMinWidth = 60

// Series is one line of a line chart: a value per point of the x axis;
// NaN leaves a gap (a month with no answers).
type Series struct {
	Values []float64
	Dotted bool // drawn as dots (a target), else as a braille line
}

// LineChart draws series over the same x axis as plain text lines no wider
// than width and exactly height lines high: a y axis with labels from
// yLabel, an x axis with the labels (one per point; every other one when
// they would crowd), braille lines for the data and dots for targets.
// It uses ntcharts' line chart (github.com/NimbleMarkets/ntcharts) and
// strips every style, so the text reads the same with NO_COLOR. The y axis
// starts at zero (money, counts); LineChartFit fits it to the data.
func LineChart(series []Series, xLabels []string, width, height int, yLabel func(float64) string) []string {
	return lineChart(series, xLabels, width, height, yLabel, true)
}

// LineChartFit is LineChart with the y axis fitted to the data, for rates
// that move within a narrow band (retention between 95% and 98%).
func LineChartFit(series []Series, xLabels []string, width, height int, yLabel func(float64) string) []string {
	return lineChart(series, xLabels, width, height, yLabel, false)
}

func lineChart(series []Series, xLabels []string, width, height int, yLabel func(float64) string, zero bool) []string {
	n := len(xLabels)
	if n < 2 || width < 20 || height < 5 {
		return nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return nil
	}
	switch {
	case zero:
		lo = math.Min(lo, 0)
	case hi == lo:
		lo, hi = lo-1, hi+1 // a flat line sits in the middle
	default:
		lo -= (hi - lo) * 0.1 // room below the lowest point
	}
	if hi <= lo {
		hi = lo + 1
	}
	hi += (hi - lo) * 0.05 // headroom so the top line does not sit on the frame
	xFmt := func(_ int, v float64) string {
		i := int(math.Round(v))
		if i < 0 || i >= n {
			return ""
		}
		return xLabels[i]
	}
	yFmt := func(_ int, v float64) string { return yLabel(v) }
	xStep := 1
	labelW := 0
	for _, l := range xLabels {
		labelW = max(labelW, ansi.StringWidth(l))
	}
	for (labelW+1)*n/xStep > width-8 && xStep < n {
		xStep++
	}
	lc := linechart.New(width, height, 0, float64(n-1), lo, hi,
		linechart.WithXYSteps(xStep, 2),
		linechart.WithXLabelFormatter(xFmt),
		linechart.WithYLabelFormatter(yFmt))
	lc.DrawXYAxisAndLabel()
	for _, s := range series {
		var prev *canvas.Float64Point
		for i, v := range s.Values {
			if math.IsNaN(v) {
				prev = nil
				continue
			}
			p := canvas.Float64Point{X: float64(i), Y: v}
			alone := prev == nil && (i+1 >= len(s.Values) || math.IsNaN(s.Values[i+1]))
			switch {
			case s.Dotted:
				lc.DrawRune(p, '·')
			case prev != nil:
				lc.DrawBrailleLine(*prev, p)
			case alone:
				lc.DrawRune(p, '•') // a point with no neighbour to draw a line to
			}
			prev = &p
		}
	}
	out := strings.Split(ansi.Strip(lc.View()), "\n")
	for i := range out {
		out[i] = Fit(strings.TrimRight(out[i], " "), width)
	}
	for len(out) < height {
		out = append(out, "")
	}
	return out[:height]
}
