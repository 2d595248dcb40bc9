package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/components/textline"
)

// Clean makes a database string safe to print on one line.
func Clean(s string) string { return model.Sanitize(s) }

// Width measures printed cells the way lipgloss does (grapheme clusters,
// East Asian wide characters count two), of s as Settle draws it.
func Width(s string) int { return ansi.StringWidth(Settle(s)) }

// Truncate cuts s (which may hold ANSI styles) to at most w cells, ending
// with … when something was cut, on a grapheme boundary (a cluster such
// as 👨‍👩‍👧 is kept whole or dropped whole). The result is settled.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = Settle(s)
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Settle drops the code points terminals disagree on the width of
// (textline.Settle: skin tones and VS16), so that what is measured is what
// every terminal draws.
func Settle(s string) string { return textline.Settle(s) }

// Cell fits plain text into exactly w cells: cut with … or padded with spaces.
func Cell(s string, w int) string {
	s = Truncate(s, w)
	if n := Width(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// CellRight is cell aligned to the right.
func CellRight(s string, w int) string {
	s = Truncate(s, w)
	if n := Width(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// Frame returns exactly h lines of at most w cells each: longer content is
// cut, shorter is padded with empty lines. Every View ends here, so no frame
// is ever wider or taller than the space it was given.
func Frame(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := 0; i < h && i < len(lines); i++ {
		out[i] = Truncate(lines[i], w)
	}
	return strings.Join(out, "\n")
}

// SplitLines splits a rendered block into lines.
func SplitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// ScrollTo returns the first visible line so that line cur is visible in a
// window of h lines starting at top, moving as little as possible.
func ScrollTo(top, cur, h, total int) int {
	if h <= 0 {
		return 0
	}
	if cur < top {
		top = cur
	}
	if cur >= top+h {
		top = cur - h + 1
	}
	if top > total-h {
		top = total - h
	}
	if top < 0 {
		top = 0
	}
	return top
}

// Clamp keeps v within lo..hi (hi < lo gives lo).
func Clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}
