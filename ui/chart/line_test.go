package chart

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestLineChartFitsAndIsPlain(t *testing.T) {
	labels := []string{"Sep", "Oct", "Nov", "Dec"}
	vals := []float64{120, 90, math.NaN(), 200}
	goal := []float64{math.NaN(), math.NaN(), 150, 180}
	for _, w := range []int{20, 40, 60, 80, 200} {
		for _, h := range []int{5, 8, 12} {
			lines := LineChart([]Series{{Values: vals}, {Values: goal, Dotted: true}}, labels, w, h, func(v float64) string { return fmt.Sprintf("%.0f", v) })
			if len(lines) != h {
				t.Fatalf("%d×%d: %d lines", w, h, len(lines))
			}
			joined := strings.Join(lines, "\n")
			if ansi.Strip(joined) != joined || strings.ContainsRune(joined, '\x1b') {
				t.Fatalf("%d×%d: escapes in the chart", w, h)
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Fatalf("%d×%d: line wider than the chart: %q", w, h, l)
				}
			}
			if !strings.Contains(joined, "└") || !strings.Contains(joined, "Sep") || !strings.Contains(joined, "·") {
				t.Fatalf("%d×%d: no axis, label or goal dot:\n%s", w, h, joined)
			}
		}
	}
	// The lone point before the gap is a line; the point after it is alone.
	lines := LineChart([]Series{{Values: vals}}, labels, 60, 8, func(v float64) string { return fmt.Sprint(v) })
	if !strings.Contains(strings.Join(lines, ""), "•") {
		t.Errorf("the lone December point is not drawn:\n%s", strings.Join(lines, "\n"))
	}
	for _, bad := range [][]float64{{}, {1}, {math.NaN(), math.NaN()}} {
		ls := make([]string, len(bad))
		if got := LineChart([]Series{{Values: bad}}, ls, 60, 8, func(float64) string { return "" }); got != nil {
			t.Errorf("%v drew %q", bad, got)
		}
	}
	if got := LineChartFit([]Series{{Values: []float64{95, 97}}}, []string{"a", "b"}, 60, 8, func(v float64) string { return fmt.Sprintf("%.0f", v) }); !strings.Contains(strings.Join(got, "\n"), "9") || strings.Contains(got[len(got)-2], " 0└") {
		t.Errorf("fitted chart starts at zero:\n%s", strings.Join(got, "\n"))
	}
}
