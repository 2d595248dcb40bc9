package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
)

// Minimum frame the app draws into (SPEC §4); below it shows "window too small".
const (
	minWidth  = 40
	minHeight = 12
)

// clean makes a database string safe to print on one line.
func clean(s string) string { return model.Sanitize(s) }

// width measures printed cells the way lipgloss does (grapheme clusters,
// East Asian wide characters count two).
func width(s string) int { return ansi.StringWidth(s) }

// truncate cuts s (which may hold ANSI styles) to at most w cells, ending
// with … when something was cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// cell fits plain text into exactly w cells: cut with … or padded with spaces.
func cell(s string, w int) string {
	s = truncate(s, w)
	if n := width(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// cellRight is cell aligned to the right.
func cellRight(s string, w int) string {
	s = truncate(s, w)
	if n := width(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// frame returns exactly h lines of at most w cells each: longer content is
// cut, shorter is padded with empty lines. Every View ends here, so no frame
// is ever wider or taller than the space it was given.
func frame(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := 0; i < h && i < len(lines); i++ {
		out[i] = truncate(lines[i], w)
	}
	return strings.Join(out, "\n")
}

// splitLines splits a rendered block into lines.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// scrollTo returns the first visible line so that line cur is visible in a
// window of h lines starting at top, moving as little as possible.
func scrollTo(top, cur, h, total int) int {
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

// clamp keeps v within lo..hi (hi < lo gives lo).
func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}
