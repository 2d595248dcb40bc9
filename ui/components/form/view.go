package form

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/ui/components/textline"
)

// Widths of the short inputs: amounts, numbers and dates people type are
// short, and the preview beside them needs the rest of the line.
const (
	moneyInputWidth = 16
	intInputWidth   = 8
	markerWidth     = 2 // "› " before the focused label
	maxAreaHeight   = 5 // a notes box taller than this crowds out the fields
)

// SetSize gives the form its area. View returns exactly height lines, none
// wider than width.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	iw := m.inputWidth()
	singles, multis := 0, 0
	for i := range m.inputs {
		if m.inputs[i].Kind == Multiline {
			multis++
		} else {
			singles++
		}
	}
	areaH := 1
	if multis > 0 {
		// Notes boxes share what the one-line fields leave of the body.
		areaH = min(max((m.bodyHeight()-singles)/multis, 2), maxAreaHeight)
		if m.bodyHeight() < 4 {
			areaH = 1
		}
	}
	for i := range m.inputs {
		in := &m.inputs[i]
		switch in.Kind {
		case Multiline:
			if in.bare {
				in.area.SetWidth(max(iw-1, 1)) // the bar cursor takes a cell
			} else {
				in.area.SetWidth(max(iw, 1))
			}
			in.area.SetHeight(areaH)
		case Date:
			in.date.SetWidth(max(iw, 1))
		case Money:
			in.text.Width = max(min(moneyInputWidth, iw-1), 1)
		case Integer:
			in.text.Width = max(min(intInputWidth, iw-1), 1)
		case Text, Customer:
			in.text.Width = max(iw-1, 1) // one cell for the cursor
		}
	}
}

// bodyHeight is the height left for fields: the title and the status line
// take one line each when there is room for them.
func (m Model) bodyHeight() int {
	switch {
	case m.height >= 3:
		return m.height - 2
	case m.height == 2:
		return 1
	}
	return m.height
}

// labelColumn is the width of the marker and label column, including the
// space after the label. Labels longer than 2/5 of the width are cut.
func (m Model) labelColumn() int {
	lw := 0
	for i := range m.inputs {
		lw = max(lw, ansi.StringWidth(m.inputs[i].Label))
	}
	return min(markerWidth+lw+1, max(6, m.width*2/5))
}

// inputWidth is what is left right of the labels.
func (m Model) inputWidth() int { return max(m.width-m.labelColumn(), 1) }

// View draws the title, the fields (scrolled so the focused one shows) and
// the status line: exactly the height given to SetSize, no line wider.
func (m Model) View() string {
	if m.height <= 0 || m.width <= 0 {
		return ""
	}
	st := m.opts.Styles
	body, start, end := m.bodyLines()
	bh := m.bodyHeight()
	off := 0
	if end > bh {
		off = end - bh
	}
	if end-start > bh {
		off = start
	}
	out := make([]string, 0, m.height)
	if m.height >= 3 {
		title := m.spec.Title
		if len(body) > bh {
			title += "  " + st.Hint.Render("("+strconv.Itoa(m.focus+1)+"/"+strconv.Itoa(len(m.inputs))+")")
		}
		out = append(out, st.Title.Render(title))
	}
	for i := off; i < off+bh; i++ {
		if i < len(body) {
			out = append(out, body[i])
		} else {
			out = append(out, "")
		}
	}
	if m.height >= 2 {
		out = append(out, m.statusLine())
	}
	for i, l := range out {
		if ansi.StringWidth(l) > m.width {
			out[i] = ansi.Truncate(l, m.width, "…")
		}
	}
	return strings.Join(out, "\n")
}

// bodyLines renders every field and says which lines the focused one takes.
func (m Model) bodyLines() (lines []string, start, end int) {
	for i := range m.inputs {
		if i == m.focus {
			start = len(lines)
		}
		lines = append(lines, m.fieldLines(i)...)
		if i == m.focus {
			end = len(lines)
		}
	}
	return lines, start, end
}

// fieldLines draws one field: marker, label, input and what shows beside
// it, then the rest of a notes box, an error and the help line under it.
func (m Model) fieldLines(i int) []string {
	st := m.opts.Styles
	in := &m.inputs[i]
	focused := i == m.focus
	col := m.labelColumn()
	lw := col - markerWidth - 1
	label := in.Label
	if ansi.StringWidth(label) > lw {
		label = ansi.Truncate(label, lw, "…")
	}
	label += strings.Repeat(" ", max(lw-ansi.StringWidth(label), 0))
	var head string
	if focused {
		head = st.Marker.Render("›") + " " + st.FocusedLabel.Render(label) + " "
	} else {
		head = "  " + st.Label.Render(label) + " "
	}
	indent := strings.Repeat(" ", col)
	preview, problem := in.live(m.opts)
	var first string
	var rest []string
	switch in.Kind {
	case Multiline:
		ls := strings.Split(in.area.View(), "\n")
		first = ls[0]
		for _, l := range ls[1:] {
			rest = append(rest, indent+l)
		}
	case Date:
		first = in.date.View()
	case Choice:
		opt := m.optionText(in.raw())
		if focused {
			first = st.Text.Render("‹ " + opt + " ›")
		} else {
			first = "  " + st.Text.Render(opt)
		}
	case Bool:
		if in.on {
			first = st.Text.Render("[x] " + m.opts.P.T("yes"))
		} else {
			first = st.Text.Render("[ ] " + m.opts.P.T("no"))
		}
	case Customer:
		// As wide as the name (at least 20), so the picked customer's
		// company shows beside it.
		w := min(in.text.Width, max(20, ansi.StringWidth(in.raw())+1))
		first = textline.View(in.text, w+1, m.lineStyles())
	default:
		first = textline.View(in.text, in.text.Width+1, m.lineStyles())
	}
	switch {
	case in.Kind == Money && preview != "":
		first += "  " + st.Preview.Render("→ "+preview)
	case (in.Kind == Money || in.Kind == Integer) && problem != "":
		first += "  " + st.Error.Render("✗ "+problem)
	}
	if in.Hint != "" && problem == "" && preview == "" {
		first += "  " + st.Hint.Render(in.Hint)
	}
	if in.Kind == Customer {
		if c, ok := in.pick.chosen(in.raw()); ok {
			first += "  " + st.Preview.Render("→ "+c.describe())
		}
		if focused {
			rest = append(rest, m.pickLines(in, indent)...)
		}
	}
	out := append([]string{head + first}, rest...)
	if in.err != "" && in.err != problem {
		out = append(out, indent+st.Error.Render("✗ "+in.err))
	}
	if in.Help != "" {
		out = append(out, indent+st.Hint.Render(in.Help))
	}
	return out
}

// lineStyles is the look of the form's one-line inputs, their placeholder
// prefix ("e.g. ", "例如 ") in the reader's language.
func (m Model) lineStyles() textline.Styles {
	ls := m.opts.Styles.line()
	ls.Prefix = textline.PrefixIn(m.opts.P)
	return ls
}

// statusLine is the bottom line: the question being asked, the error that
// belongs to no field, or what the keys do in the focused field.
func (m Model) statusLine() string {
	st, p := m.opts.Styles, m.opts.P
	switch m.state {
	case stateDiscard:
		return st.Question.Render(p.T("Discard changes? y/n"))
	case stateConflict:
		return st.Question.Render("⚠ " + p.T("%s — r reload · esc keep editing", m.conflict))
	case stateSaving:
		return st.Hint.Render(p.T("saving…"))
	}
	if m.formErr != "" {
		return st.Error.Render("✗ " + m.formErr)
	}
	if len(m.inputs) == 0 {
		return st.Hint.Render(p.T("esc cancel"))
	}
	in := &m.inputs[m.focus]
	var lead string
	switch in.Kind {
	case Choice:
		opts := make([]string, len(in.Options))
		for i, o := range in.Options {
			opts[i] = m.optionText(o)
		}
		lead = "←/→ " + strings.Join(opts, " / ") + " · "
	case Bool:
		lead = p.T("space yes/no") + " · "
	case Multiline:
		lead = p.T("alt+enter new line") + " · "
	case Customer:
		if m.picking() {
			return st.Hint.Render(m.opts.P.T("↑/↓ choose · enter picks · esc closes the list"))
		}
	}
	// The footer under the form lists tab, ctrl+s and esc; this line says
	// only what the focused field adds, so no key hint shows twice.
	if m.focus == len(m.inputs)-1 {
		return st.Hint.Render(lead + p.T("enter saves"))
	}
	return st.Hint.Render(strings.TrimSuffix(lead, " · "))
}

// pickLines is the list under a focused customer field: the matching
// customers (› on the one enter picks), or why there are none yet.
func (m Model) pickLines(in *input, indent string) []string {
	st, say := m.opts.Styles, m.opts.P
	p := &in.pick
	text := in.raw()
	if !p.open(text) {
		return nil
	}
	switch {
	case p.err != "":
		return []string{indent + st.Error.Render("✗ "+p.err)}
	case p.answer != text || (p.pending && len(p.items) == 0):
		return []string{indent + st.Hint.Render(say.T("looking…"))}
	case len(p.items) == 0:
		return []string{indent + st.Hint.Render(say.T("no customer matches: type less of the name, or #id"))}
	}
	var out []string
	for i, s := range p.items {
		if i == p.sel {
			out = append(out, indent+st.Marker.Render("›")+" "+st.FocusedLabel.Render(s.describe()))
		} else {
			out = append(out, indent+"  "+st.Text.Render(s.describe()))
		}
	}
	if p.more {
		out = append(out, indent+"  "+st.Hint.Render(say.T("… more: type more of the name")))
	}
	return out
}
