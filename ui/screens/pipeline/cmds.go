package pipeline

import (
	"sort"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
)

// step moves the selected open deal one open stage right (dir 1) or left
// (-1). Past the last or first open stage it does nothing and says so.
func (p *Model) step(r *db.DealRow, dir int) tea.Cmd {
	from := p.cols[p.focus].Stage
	to := p.focus + dir
	if to < 0 || to >= len(p.cols) || p.cols[to].Stage.Kind != model.StageOpen {
		if dir > 0 {
			return common.StatusCmd(p.c.P.T("%s is the last open stage: nothing after it (w marks the deal won, X lost)", common.Clean(from.Name)))
		}
		return common.StatusCmd(p.c.P.T("%s is the first stage: nothing before it", common.Clean(from.Name)))
	}
	return moveDealCmd(p.c, r.ID, p.cols[to].Stage, "", false, r.Title, r.ValueMinor, r.Currency)
}

// moveDealCmd moves a deal to a stage as one undoable command (history
// recorded, rotting clock restarted; won records an order when asked, lost
// keeps the reason).
func moveDealCmd(c *common.Common, id int64, to model.Stage, reason string, recordOrder bool, title string, value int64, currency string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		res, err := c.DB.MoveDeal(ctx, id, to.ID, reason, recordOrder)
		if err != nil {
			return dealMovedMsg{DealID: id, Err: err}
		}
		moved := res.Deal
		t := common.Clean(title)
		var st string
		switch {
		case to.Kind == model.StageWon && res.OrderID != 0:
			st = c.P.T("Won %q: order of %s recorded (u undoes)", t, common.MoneyLong(value, currency))
		case to.Kind == model.StageWon:
			st = c.P.T("Won %q, no order recorded (u undoes)", t)
		case to.Kind == model.StageLost:
			st = c.P.T("Lost %q: %s (u undoes)", t, common.Clean(reason))
		default:
			st = c.P.T("Moved %q to %s (u undoes)", t, common.Clean(to.Name))
		}
		return dealMovedMsg{DealID: id, Status: st, Deal: &moved, To: to}
	}
}

// placeMoved moves the card of a deal that was just moved to its new column
// at once, so the board answers before the reload that follows (which
// replaces it with what the file says). It reports whether it found it.
func (p *Model) placeMoved(dl model.Deal, to model.Stage) bool {
	from, at := -1, -1
	for i, c := range p.cols {
		for j := range c.Cards {
			if c.Cards[j].ID == dl.ID {
				from, at = i, j
			}
		}
	}
	dest := -1
	for i, c := range p.cols {
		if c.Stage.ID == to.ID {
			dest = i
		}
	}
	if from < 0 || dest < 0 {
		return false
	}
	r := p.cols[from].Cards[at]
	src := &p.cols[from]
	src.Cards = append(src.Cards[:at:at], src.Cards[at+1:]...)
	r.Deal = dl
	r.Stage, r.StageKind, r.StagePos = to.Name, to.Kind, to.Position
	r.Probability = to.Probability
	if dl.Probability >= 0 {
		r.Probability = dl.Probability
	}
	r.DaysInStage, r.Rotting = 0, false
	today, hhmm := p.c.Today(), p.c.Now().Format("15:04")
	dst := &p.cols[dest]
	pos := 0
	if to.Kind == model.StageOpen {
		for pos < len(dst.Cards) && cardBefore(&dst.Cards[pos], &r, today, hhmm) {
			pos++
		}
	}
	dst.Cards = append(dst.Cards[:pos:pos], append([]db.DealRow{r}, dst.Cards[pos:]...)...)
	src.Totals = p.recount(src.Cards)
	dst.Totals = p.recount(dst.Cards)
	p.cursor[from] = common.Clamp(p.cursor[from], 0, len(src.Cards)-1)
	p.focus, p.cursor[dest] = dest, pos
	if to.Kind != model.StageOpen {
		p.expanded[to.ID] = true
	}
	return true
}

// cardBefore is db.Board's order of open cards: overdue next step first,
// then due today, later, none; then by value, largest first.
func cardBefore(x, y *db.DealRow, today model.Day, hhmm string) bool {
	sx, sy := x.NextState(today, hhmm), y.NextState(today, hhmm)
	if sx != sy {
		return sx < sy
	}
	if x.ValueMinor != y.ValueMinor {
		return x.ValueMinor > y.ValueMinor
	}
	return x.ID < y.ID
}

// recount totals cards per currency, the book currency first and the
// others alphabetically, as db.Board does.
func (p *Model) recount(cards []db.DealRow) []db.CurrencyTotal {
	var out []db.CurrencyTotal
	for i := range cards {
		r := &cards[i]
		t := db.CurrencyTotal{Currency: r.Currency, Total: r.ValueMinor, Weighted: r.ValueMinor * int64(r.Probability) / 100}
		out = addTotals(out, []db.CurrencyTotal{t})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Currency == p.book) != (out[j].Currency == p.book) {
			return out[i].Currency == p.book
		}
		return out[i].Currency < out[j].Currency
	})
	return out
}
