// Package chart draws small text charts for the command line and the
// terminal app: horizontal bars with their values, and sparklines. The
// output is plain text — block characters, no colour and no escape
// sequences — so it reads the same with NO_COLOR, in a pipe or in a file.
// Widths are terminal cells as x/ansi measures them (what lipgloss uses),
// so Chinese, Japanese and Korean labels line up.
package chart

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Bar is one row of a bar chart.
type Bar struct {
	Label string // the left column
	Value int64  // the bar's length, relative to the largest value (negative counts as 0)
	Text  string // shown right of the bar, e.g. "12 · 60%" or "$1.2k"
}

// eighths are the partial blocks, one to seven eighths of a cell wide.
func eighths() [8]string {
	return [...]string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}
}

// Bars renders one line per bar, none wider than width cells: the label
// (padded to the widest label, truncated with … beyond a third of the
// width), the bar in full and eighth blocks scaled so that the largest value
// fills the bar column, then the text. Any value above zero shows at least
// an eighth of a cell, so it is never mistaken for zero.
func Bars(bars []Bar, width int) []string { return BarsUpTo(bars, width, 0) }

// BarsUpTo is Bars with a fixed scale: a value of top fills the bar
// column (larger values are capped there). top ≤ 0 scales to the largest
// value, as Bars does. Goals use it so 100% of a target is a full bar.
func BarsUpTo(bars []Bar, width int, top int64) []string {
	if len(bars) == 0 || width <= 0 {
		return nil
	}
	labelW, textW := 0, 0
	fixed := top > 0
	for _, b := range bars {
		labelW = max(labelW, ansi.StringWidth(b.Label))
		textW = max(textW, ansi.StringWidth(b.Text))
		if !fixed {
			top = max(top, b.Value)
		}
	}
	labelW = min(labelW, max(width/3, 1))
	// One space after the label and one before the text.
	barW := width - labelW - textW - 2
	if barW < 4 {
		// Too narrow for bars beside the text: keep a short bar and cut the text.
		barW = min(4, max(width-labelW-1, 0))
		textW = max(width-labelW-barW-2, 0)
	}
	out := make([]string, 0, len(bars))
	for _, b := range bars {
		var line strings.Builder
		line.WriteString(Cell(b.Label, labelW))
		line.WriteByte(' ')
		line.WriteString(Cell(bar(min(b.Value, top), top, barW), barW))
		if textW > 0 {
			line.WriteByte(' ')
			line.WriteString(ansi.Truncate(b.Text, textW, "…"))
		}
		out = append(out, Fit(strings.TrimRight(line.String(), " "), width))
	}
	return out
}

// bar draws value/top of cells columns in full and eighth blocks.
func bar(value, top int64, cells int) string {
	if value <= 0 || top <= 0 || cells <= 0 {
		return ""
	}
	// In eighths of a cell, rounded to nearest, at least one.
	n := (value*int64(cells)*8*2 + top) / (top * 2)
	n = max(n, 1)
	return strings.Repeat("█", int(n/8)) + eighths()[n%8]
}

// sparks are the eight sparkline levels, lowest first.
const sparks = "▁▂▃▄▅▆▇█"

// Sparkline renders one cell per value with ▁▂▃▄▅▆▇█, the largest value as
// █; zero is a blank, and any value above zero is at least ▁. When there are
// more values than width, the most recent (the last) are kept.
func Sparkline(values []int, width int) string {
	if width <= 0 {
		return ""
	}
	if len(values) > width {
		values = values[len(values)-width:]
	}
	top := 0
	for _, v := range values {
		top = max(top, v)
	}
	var b strings.Builder
	for _, v := range values {
		if v <= 0 || top == 0 {
			b.WriteByte(' ')
			continue
		}
		// Levels 1..8, rounded up so that small counts stay visible.
		levels := []rune(sparks)
		level := (v*len(levels) + top - 1) / top
		b.WriteRune(levels[level-1])
	}
	return b.String()
}

// Cell returns s fitted to exactly w cells: truncated with … when wider,
// padded with spaces when narrower.
func Cell(s string, w int) string {
	s = Fit(s, w)
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// Right returns s fitted to exactly w cells, aligned right.
func Right(s string, w int) string {
	s = Fit(s, w)
	return strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) + s
}

// Fit truncates s with … to at most w cells.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Width returns how many terminal cells s takes.
func Width(s string) int { return ansi.StringWidth(s) }
