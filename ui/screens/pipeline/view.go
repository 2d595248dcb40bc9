package pipeline

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// Board geometry. A column is at least boardMinColW cells wide so a card
// keeps a readable title; narrower terminals show fewer, wider columns.
const (
	boardMinColW = 24
	boardGap     = 1 // cells between columns
	maxCurLines  = 3 // currency lines in a header; the last sums up the rest
)

// Next-follow-up markers (SPEC §4; they carry the meaning under NO_COLOR).
const (
	markNextOverdue = "!"
	markNextToday   = "•"
	markNextLater   = "·"
	markRotting     = common.MarkRotting
	markSnoozed     = "zz"
)

// boardGeom is where things go for one frame.
type boardGeom struct {
	first, n int   // visible columns: first..first+n-1
	widths   []int // of each visible column
	curLines int   // currency lines under every header
	area     int   // lines for cards under the headers
	cardH    int   // lines per card
}

// visibleColumns is how many columns fit side by side in w cells.
func visibleColumns(w, total int) int {
	return common.Clamp((w+boardGap)/(boardMinColW+boardGap), 1, total)
}

// geometry lays the board out in w×h (h = the lines under the top line),
// from the first visible column scroll chose. It changes nothing.
func (p *Model) geometry(w, h int) boardGeom {
	var g boardGeom
	total := len(p.cols)
	if total == 0 || w <= 0 {
		return g
	}
	g.n = visibleColumns(w, total)
	g.first = common.Clamp(p.left, 0, total-g.n)
	colW := (w - (g.n-1)*boardGap) / g.n
	rem := w - (g.n-1)*boardGap - colW*g.n
	g.widths = make([]int, g.n)
	for i := range g.widths {
		g.widths[i] = colW
		if i < rem {
			g.widths[i]++
		}
	}
	g.curLines = 1
	if h >= 10 {
		for i := g.first; i < g.first+g.n; i++ {
			g.curLines = max(g.curLines, min(len(p.cols[i].Totals), maxCurLines))
		}
	}
	// Name line, currency lines, rule.
	g.area = max(0, h-1-g.curLines-1)
	switch {
	case g.area >= 10:
		g.cardH = 3
	case g.area >= 3:
		g.cardH = 2
	default:
		g.cardH = 1
	}
	return g
}

// window returns how many cards of column i fit (count) and whether a
// "+N more" line follows them; all reports that every card fits.
func (p *Model) window(i int, g boardGeom) (k int, more, all bool) {
	n := len(p.cols[i].Cards)
	if n*g.cardH <= g.area {
		return n, false, true
	}
	k, more = (g.area-1)/g.cardH, true
	if k < 1 {
		k, more = 1, g.area > g.cardH
	}
	return k, more, false
}

// boardHeight is the lines under the top line and above any open prompt.
func (p *Model) boardHeight() int { return max(0, p.h-p.bottomLines()-1) }

// scroll keeps the focused column in view, moving as little as possible,
// and the cursor of every visible column inside its window. Update and
// SetSize call it (through sync); View only reads what it chose.
func (p *Model) scroll() {
	total := len(p.cols)
	if total == 0 || p.w <= 0 {
		return
	}
	p.left = common.ScrollTo(p.left, p.focus, visibleColumns(p.w, total), total)
	g := p.geometry(p.w, p.boardHeight())
	for i := g.first; i < g.first+g.n; i++ {
		if p.collapsed(i) || len(p.cols[i].Cards) == 0 {
			continue
		}
		k, _, all := p.window(i, g)
		if all {
			p.top[i] = 0
		} else {
			p.top[i] = common.ScrollTo(p.top[i], p.cursor[i], k, len(p.cols[i].Cards))
		}
	}
}

// cardsPerPage is how many cards of the focused column are on screen (the
// page of pgdn/ctrl+d).
func (p *Model) cardsPerPage() int {
	if p.focus >= len(p.cols) {
		return 1
	}
	g := p.geometry(p.w, p.boardHeight())
	if g.cardH == 0 {
		return 1
	}
	k, _, _ := p.window(p.focus, g)
	return max(1, k)
}

// bottomLines is the height of whatever prompt is open under the board.
func (p *Model) bottomLines() int {
	switch {
	case p.lost != nil:
		return 2
	case p.prompt != nil:
		return p.prompt.Lines()
	case p.wonDeal != nil:
		return 1
	}
	return 0
}

// View draws the top line, the visible columns and any open prompt:
// exactly p.h lines, none wider than p.w. It reads only what Update stored.
func (p *Model) View() string {
	s := p.c.Styles
	switch {
	case p.err != nil:
		return common.Frame([]string{s.App.StatusError.Render(p.c.ErrorText(p.err))}, p.w, p.h)
	case !p.loaded:
		return common.Frame([]string{s.Table.Loading.Render(p.c.P.T("Loading the pipeline…"))}, p.w, p.h)
	}
	var bottom []string
	switch {

	case p.lost != nil:
		bottom = p.lost.view(p.st, p.w)
	case p.prompt != nil:
		bottom = p.prompt.View(p.w)
	case p.wonDeal != nil:
		r := p.wonDeal
		q := p.c.P.T("Won %q: record an order for %s? [Y/n] · esc keeps it open", common.Clean(r.Title), common.MoneyLong(r.ValueMinor, r.Currency))
		bottom = []string{p.st.HeaderFocus.Render(common.Truncate(q, p.w))}
	}
	bh := max(0, p.h-len(bottom)-1)
	out := make([]string, 0, p.h)
	out = append(out, p.topLine())
	out = append(out, p.boardLines(bh)...)
	out = append(out, bottom...)
	return common.Frame(out, p.w, p.h)
}

// topLine shows the filter (or its hint), the open totals and which
// columns are in view when they do not all fit.
func (p *Model) topLine() string {
	s := p.c.Styles
	// The input gets half the line; the totals the rest.
	left := p.filter.View(p.w / 2)
	right := p.summary()
	g := p.geometry(p.w, 0)
	if g.n < len(p.cols) {
		arrowL, arrowR := "", ""
		if g.first > 0 {
			arrowL = "‹ "
		}
		if g.first+g.n < len(p.cols) {
			arrowR = " ›"
		}
		right += p.c.P.T(" · %scolumns %d–%d of %d%s", arrowL, g.first+1, g.first+g.n, len(p.cols), arrowR)
	}
	rw := common.Width(right)
	if p.w-rw-2 < 10 {
		return common.Truncate(left, p.w)
	}
	left = common.Truncate(left, p.w-rw-2)
	return left + strings.Repeat(" ", p.w-rw-common.Width(left)) + s.Filter.Hint.Render(right)
}

// summary is the open pipeline: deal count and value per currency.
func (p *Model) summary() string {
	n := 0
	var totals []db.CurrencyTotal
	for _, c := range p.cols {
		if c.Stage.Kind != model.StageOpen {
			continue
		}
		n += len(c.Cards)
		totals = addTotals(totals, c.Totals)
	}
	parts := []string{p.c.P.T("%s open", common.Thousands(n))}
	for _, t := range totals {
		parts = append(parts, shortMoney(p.c.P, model.Money{Minor: t.Total, Currency: t.Currency}))
	}
	return strings.Join(parts, " · ")
}

// addTotals adds b to a currency by currency, keeping a's order (the book
// currency first) and appending currencies a lacks. Never across currencies.
func addTotals(a, b []db.CurrencyTotal) []db.CurrencyTotal {
	for _, t := range b {
		found := false
		for i := range a {
			if a[i].Currency == t.Currency {
				a[i].Total += t.Total
				a[i].Weighted += t.Weighted
				found = true
				break
			}
		}
		if !found {
			a = append(a, t)
		}
	}
	return a
}

// boardLines renders the visible columns side by side in h lines.
func (p *Model) boardLines(h int) []string {
	if h <= 0 {
		return nil
	}
	if len(p.cols) == 0 {
		return []string{p.c.Styles.Section.Empty.Render(p.c.P.T("No stages: add one with rapport stages add"))}
	}
	g := p.geometry(p.w, h)
	cols := make([][]string, g.n)
	for j := 0; j < g.n; j++ {
		cols[j] = p.columnLines(g.first+j, g.widths[j], h, g)
	}
	gap := strings.Repeat(" ", boardGap)
	out := make([]string, h)
	var b strings.Builder
	for i := 0; i < h; i++ {
		b.Reset()
		for j := range cols {
			if j > 0 {
				b.WriteString(gap)
			}
			b.WriteString(cols[j][i])
		}
		out[i] = b.String()
	}
	return out
}

// columnLines renders column i in exactly h lines of exactly w cells.
func (p *Model) columnLines(i, w, h int, g boardGeom) []string {
	st := p.st
	c := &p.cols[i]
	focused := i == p.focus
	out := make([]string, 0, h)
	pad := func(line string) { out = append(out, line) }

	// Name line: focus marker, collapse marker, name, count.
	mark := "  "
	hs := st.Header
	if focused {
		mark, hs = common.MarkSelected+" ", st.HeaderFocus
	}
	name := common.Clean(c.Stage.Name)
	switch {
	case c.Stage.Kind != model.StageOpen && p.collapsed(i):
		name = "▸ " + name + p.c.P.T(" · %dd", db.ClosedWindowDays)
	case c.Stage.Kind != model.StageOpen:
		name = "▾ " + name + p.c.P.T(" · %dd", db.ClosedWindowDays)
	default:
		name += fmt.Sprintf(" %d%%", c.Stage.Probability)
	}
	count := common.Thousands(len(c.Cards))
	nameW := max(0, w-2-1-common.Width(count))
	pad(hs.Render(common.Cell(mark+common.Cell(name, nameW)+" "+count, w)))

	// Currency lines: book currency first, the others after, never summed.
	for k := 0; k < g.curLines; k++ {
		var text string
		switch {
		case len(c.Totals) == 0 && k == 0:
			text = "—"
		case k < len(c.Totals) && (k < g.curLines-1 || len(c.Totals) == g.curLines):
			text = totalText(p.c.P, c.Totals[k], c.Stage.Kind == model.StageOpen)
		case k == 0:
			// One line for several currencies: the first, then how many more.
			text = totalText(p.c.P, c.Totals[0], c.Stage.Kind == model.StageOpen) + p.c.P.T(" +%d more", len(c.Totals)-1)
		case k < len(c.Totals):
			text = p.c.P.T("+%d more currencies", len(c.Totals)-k)
		}
		pad(st.Totals.Render(common.Cell("  "+text, w)))
	}
	rule := strings.Repeat("─", w)
	if focused {
		pad(st.RuleFocus.Render(strings.Repeat("━", w)))
	} else {
		pad(st.Rule.Render(rule))
	}
	if len(out) >= h {
		return out[:h]
	}

	switch {
	case p.collapsed(i):
		if len(c.Cards) > 0 {
			pad(st.More.Render(common.Cell("  "+p.c.P.T("c shows them"), w)))
		}
	case len(c.Cards) == 0:
		empty := "  " + p.c.P.T("no deals")
		if p.filter.Query() != "" {
			empty = "  " + p.c.P.T("none match")
		}
		pad(st.More.Render(common.Cell(empty, w)))
	default:
		top := p.top[i]
		k, more, _ := p.window(i, g)
		today := p.c.Today()
		hhmm := p.c.Now().Format("15:04")
		for j := top; j < top+k && j < len(c.Cards); j++ {
			out = append(out, p.cardLines(&c.Cards[j], w, g.cardH, focused && j == p.cursor[i], today, hhmm)...)
		}
		if more {
			var parts []string
			if top > 0 {
				parts = append(parts, fmt.Sprintf("↑%d", top))
			}
			if below := len(c.Cards) - top - k; below > 0 {
				parts = append(parts, p.c.P.T("+%s more", common.Thousands(below)))
			}
			pad(st.More.Render(common.Cell("  "+strings.Join(parts, " · "), w)))
		}
	}
	blank := strings.Repeat(" ", w)
	for len(out) < h {
		out = append(out, blank)
	}
	return out[:h]
}

// totalText is one currency's line in a header: the total and, for open
// stages, the probability-weighted total.
func totalText(p *i18n.Printer, t db.CurrencyTotal, open bool) string {
	total := shortMoney(p, model.Money{Minor: t.Total, Currency: t.Currency})
	if !open {
		return total
	}
	return total + p.T(" · wtd %s", shortMoney(p, model.Money{Minor: t.Weighted, Currency: t.Currency}))
}

// snoozed reports whether a deal's snooze still holds today.
func snoozed(r *db.DealRow, today model.Day) bool {
	return r.Status == model.DealOpen && !r.SnoozedUntil.IsZero() && r.SnoozedUntil > today
}

// nextMarker is the card's next-follow-up marker and its style.
func (p *Model) nextMarker(r *db.DealRow, today model.Day, hhmm string) (string, lipgloss.Style) {
	if r.Status != model.DealOpen {
		return " ", p.st.Later
	}
	switch r.NextState(today, hhmm) {
	case db.NextOverdue:
		return markNextOverdue, p.st.Overdue
	case db.NextToday:
		return markNextToday, p.st.Today
	case db.NextLater:
		return markNextLater, p.st.Later
	}
	return " ", p.st.Later
}

// cardSeg is one part of a card's meta line with its style.
type cardSeg struct {
	text string
	st   lipgloss.Style
}

// cardMeta is the card's meta line: value, days in stage, and the rotting,
// snooze or lost note; compact cards add the customer at the end. The days
// read "12d in stage" when everything fits in w, else "12d".
func (p *Model) cardMeta(r *db.DealRow, w int, compact bool, today model.Day) []cardSeg {
	st, pr := p.st, p.c.P
	value := common.MoneyShortIn(pr, r.ValueMinor, r.Currency)
	if r.ValueMinor == 0 {
		value = pr.T("no value")
	}
	segs := []cardSeg{{value, st.Meta}}
	days := pr.T("%dd", r.DaysInStage)
	switch {
	case r.Status != model.DealOpen:
		segs = append(segs, cardSeg{common.AgoIn(pr, today.AddDays(-r.DaysInStage), today), st.Meta})
		if r.Status == model.DealLost && r.LostReason != "" {
			segs = append(segs, cardSeg{common.Clean(r.LostReason), st.Meta})
		}
	case r.Rotting:
		segs = append(segs, cardSeg{pr.T("%s rotting %s", markRotting, days), st.Rotting})
	case snoozed(r, today):
		date := markSnoozed + " " + r.SnoozedUntil.String()[5:]
		note := date
		if reason := common.Clean(r.SnoozeReason); reason != "" {
			note += " " + reason
		}
		segs = append(segs, cardSeg{days, st.Meta}, cardSeg{note, st.Snoozed})
		// The snooze date is never cut: the reason goes where it does
		// not fit, then the days.
		fits := func(parts ...string) bool {
			n := common.Width(value)
			for _, p := range parts {
				n += 3 + common.Width(p)
			}
			return n <= w
		}
		switch {
		case fits(days, note), fits(days, date+" …"): // the reason, or its start
		case fits(days, date):
			segs[2].text = date
		case fits(note):
			segs = append(segs[:1], cardSeg{note, st.Snoozed})
		default:
			segs = append(segs[:1], cardSeg{date, st.Snoozed})
		}
	default:
		segs = append(segs, cardSeg{pr.T("%s in stage", days), st.Meta})
		if compact || common.Width(segs[0].text)+3+common.Width(segs[1].text) > w {
			segs[1].text = days
		}
	}
	if compact {
		segs = append(segs, cardSeg{common.Clean(r.Customer), st.Customer})
	}
	return segs
}

// renderSegs joins segments with " · " into exactly w cells, styled unless
// plain is set (a selected card is styled as a whole).
func renderSegs(segs []cardSeg, w int, plain bool, sepSt lipgloss.Style) string {
	var b strings.Builder
	left := w
	for i, sg := range segs {
		if left <= 0 {
			break
		}
		if i > 0 {
			sep := common.Truncate(" · ", left)
			left -= common.Width(sep)
			if plain {
				b.WriteString(sep)
			} else {
				b.WriteString(sepSt.Render(sep))
			}
			if left <= 0 {
				break
			}
		}
		text := common.Truncate(sg.text, left)
		left -= common.Width(text)
		if plain {
			b.WriteString(text)
		} else {
			b.WriteString(sg.st.Render(text))
		}
	}
	if left > 0 {
		b.WriteString(strings.Repeat(" ", left))
	}
	return b.String()
}

// cardLines renders one card in h lines (1–3) of exactly w cells: the
// selection and next-step markers and the title; the customer; the meta
// line. Compact (2-line) cards put the customer on the meta line.
func (p *Model) cardLines(r *db.DealRow, w, h int, selected bool, today model.Day, hhmm string) []string {
	st := p.st
	sel := " "
	if selected {
		sel = common.MarkSelected
	}
	next, nextSt := p.nextMarker(r, today, hhmm)
	inner := max(0, w-3) // after the two markers and a space
	indent := common.Cell("", min(3, w))
	lines := make([]string, 0, h)
	titleSt := st.Title
	if r.Rotting {
		titleSt = st.Rotting
	}
	if selected {
		lines = append(lines, common.Cell(sel+next+" "+common.Clean(r.Title), w))
	} else {
		lines = append(lines, common.Cell(sel, min(1, w))+nextSt.Render(common.Cell(next, common.Clamp(w-1, 0, 1)))+common.Cell(" ", common.Clamp(w-2, 0, 1))+titleSt.Render(common.Cell(common.Clean(r.Title), inner)))
	}
	if h == 3 {
		cust := common.Cell(common.Clean(r.Customer), inner)
		if !selected {
			cust = st.Customer.Render(cust)
		}
		lines = append(lines, indent+cust)
	}
	if h >= 2 {
		lines = append(lines, indent+renderSegs(p.cardMeta(r, inner, h == 2, today), inner, selected, st.Meta))
	}
	if selected {
		for k := range lines {
			lines[k] = st.Selected.Render(lines[k])
		}
	}
	return lines
}

// statusText is a closed deal's status (won, lost) in p's language.
func statusText(p *i18n.Printer, s model.DealStatus) string {
	return common.Clean(i18n.Pick(p.T("open|won|lost"), []string{string(model.DealOpen), string(model.DealWon), string(model.DealLost)}, string(s)))
}

// shortMoney is an amount in the compact form of p's language: "$12k", in
// Chinese "¥12.3万" (a zero reads as the amount, unlike MoneyShortIn's "—").
func shortMoney(p *i18n.Printer, m model.Money) string {
	if p.Zh() {
		return m.FormatShortZh()
	}
	return m.FormatShort()
}
