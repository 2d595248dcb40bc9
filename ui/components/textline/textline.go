// Package textline draws the one-line text inputs of rapport (form fields,
// date fields, the snooze reason, the filter) from a bubbles textinput's
// state, measuring by grapheme cluster as lipgloss and the terminal do:
// 👍🏽, 👨‍👩‍👧 and ❤️ are one cluster each and are never split, scrolled
// half off or counted by rune (bubbles measures by rune with go-runewidth).
//
// What the input means shows without colour (NO_COLOR): the cursor is a
// block █ at the end of the text and a bar ▌ before the character under it
// when there is no colour to reverse it; a placeholder reads "e.g. …", so
// it is never taken for a value.
package textline

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/rivo/uniseg"

	"github.com/rapportcrm/rapport/model/i18n"
)

// Styles are the looks of a line.
type Styles struct {
	Text        lipgloss.Style
	Placeholder lipgloss.Style
	// Cursor draws the character under the cursor when there is colour,
	// reversed.
	Cursor lipgloss.Style
	// Prefix starts the placeholder in the reader's language ("例如 ");
	// "" is PlaceholderPrefix.
	Prefix string
}

// PrefixIn is PlaceholderPrefix in p's language.
func PrefixIn(p *i18n.Printer) string { return p.T("e.g. ") }

// prefix is the placeholder's prefix of st.
func (st Styles) prefix() string {
	if st.Prefix == "" {
		return PlaceholderPrefix
	}
	return st.Prefix
}

// PlaceholderPrefix starts every placeholder, so that without colour (where
// it cannot be dim) it is not read as something typed.
const PlaceholderPrefix = "e.g. "

// Block is the cursor at the end of the text, and BarCursor the one before
// a character when there is no colour.
const (
	Block     = "█"
	BarCursor = "▌"
)

// NoColor reports whether the default renderer draws without colour or
// attributes (NO_COLOR, a dumb terminal, a pipe): then the cursor must be a
// character of its own.
func NoColor() bool { return lipgloss.ColorProfile() == termenv.Ascii }

// cluster is one grapheme: its text, width and the runes it spans.
type cluster struct {
	s      string
	w      int
	r0, r1 int // rune index range [r0, r1)
}

func clusters(s string) []cluster {
	var out []cluster
	r := 0
	state := -1
	for s != "" {
		var c string
		var w int
		c, s, w, state = uniseg.FirstGraphemeClusterInString(s, state)
		n := len([]rune(c))
		if unsettled(c) {
			c = Settle(c)
			w = uniseg.StringWidth(c)
		}
		out = append(out, cluster{s: c, w: w, r0: r, r1: r + n})
		r += n
	}
	return out
}

// View draws in: its text (or, focused and empty, the placeholder) in
// exactly width cells (width <= 0: as wide as it needs), scrolled so the
// cursor shows, never splitting a cluster. The prompt of in goes first and
// is not counted in width.
func View(in textinput.Model, width int, st Styles) string {
	return render(in, width, st, NoColor())
}

func render(in textinput.Model, width int, st Styles, noColor bool) string {
	prompt := in.PromptStyle.Render(in.Prompt)
	value := in.Value()
	focused := in.Focused()
	if value == "" {
		var b strings.Builder
		used := 0
		if focused {
			b.WriteString(cursorAt(" ", st, noColor, true))
			used = 1
		}
		if focused && in.Placeholder != "" {
			ph := st.prefix() + in.Placeholder
			if width > 0 {
				ph = cut(ph, width-used)
			}
			b.WriteString(st.Placeholder.Render(ph))
			used += uniseg.StringWidth(ph)
		}
		return prompt + b.String() + pad(width, used)
	}
	cs := clusters(value)
	// The cursor sits on the cluster holding rune pos (len(cs) = at the end).
	pos := in.Position()
	cur := len(cs)
	for i, c := range cs {
		if pos < c.r1 {
			cur = i
			break
		}
	}
	cursorW := func() int {
		if !focused {
			return 0
		}
		if cur == len(cs) {
			return 1
		}
		if noColor {
			return 1 + cs[cur].w // the bar, then the cluster
		}
		return cs[cur].w
	}()
	if focused && width > 0 && cursorW > width {
		// No room for the cluster under the cursor: the cursor alone.
		return prompt + cursorAt(" ", st, noColor, true) + pad(width, 1)
	}
	total := cursorW
	for i, c := range cs {
		if !focused || i != cur {
			total += c.w
		}
	}
	lo, hi := 0, len(cs)
	if width > 0 && total > width {
		// A window holding the cursor, ending at it when it would not fit.
		used := cursorW
		lo, hi = cur, cur
		if !focused {
			lo, hi = 0, 0 // a blurred field shows its start
		} else if cur < len(cs) {
			hi = cur + 1
		}
		for lo > 0 && used+cs[lo-1].w <= width {
			lo--
			used += cs[lo].w
		}
		for hi < len(cs) && used+cs[hi].w <= width {
			used += cs[hi].w
			hi++
		}
	}
	var b strings.Builder
	used := 0
	text := func(from, to int) {
		var t strings.Builder
		for _, c := range cs[from:to] {
			t.WriteString(c.s)
			used += c.w
		}
		if t.Len() > 0 {
			b.WriteString(st.Text.Render(t.String()))
		}
	}
	if !focused {
		text(lo, hi)
		return prompt + b.String() + pad(width, used)
	}
	text(lo, min(cur, hi))
	if cur < len(cs) {
		b.WriteString(cursorAt(cs[cur].s, st, noColor, false))
		used += cursorW
		text(cur+1, hi)
	} else {
		b.WriteString(cursorAt(" ", st, noColor, true))
		used++
	}
	return prompt + b.String() + pad(width, used)
}

// cursorAt draws the cursor on s; end means after the text.
func cursorAt(s string, st Styles, noColor, end bool) string {
	switch {
	case noColor && end:
		return Block
	case noColor:
		return BarCursor + st.Text.Render(s)
	}
	return st.Cursor.Reverse(true).Render(s)
}

func pad(width, used int) string {
	if width <= 0 || used >= width {
		return ""
	}
	return strings.Repeat(" ", width-used)
}

// cut keeps whole clusters of s within w cells, ending with … when cut.
func cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if uniseg.StringWidth(s) <= w {
		return s
	}
	var b strings.Builder
	used := 0
	for _, c := range clusters(s) {
		if used+c.w > w-1 {
			break
		}
		b.WriteString(c.s)
		used += c.w
	}
	return b.String() + "…"
}

// Settle drops the code points terminals disagree on the width of, so
// that what is measured is what every terminal draws: emoji skin-tone
// modifiers (tmux and others draw 👍🏽 in four cells, lipgloss counts two:
// it becomes 👍) and the emoji presentation selector VS16 (❤️ is two cells
// to lipgloss and one to tmux: it becomes ❤, one cell to both). Joined
// sequences (👨‍👩‍👧) are kept; tmux draws them in the two cells counted.
func Settle(s string) string {
	if !unsettled(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isUnsettled(r) {
			return -1
		}
		return r
	}, s)
}

func isUnsettled(r rune) bool { return r == 0xfe0f || (r >= 0x1f3fb && r <= 0x1f3ff) }

// unsettled reports whether s holds a rune Settle drops.
func unsettled(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return strings.IndexFunc(s[i:], isUnsettled) >= 0
		}
	}
	return false
}
