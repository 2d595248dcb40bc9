package ui

import (
	"errors"
	"fmt"
	"sort"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// dealSavedMsg is the result of the new-deal or edit-deal form. On an error
// the form stays open and shows it (a *model.ValidationError beside its
// field, a conflict as the form's reload question).
type dealSavedMsg struct {
	DealID int64
	Status string
	Err    error
}

// step moves the selected open deal one open stage right (dir 1) or left
// (-1). Past the last or first open stage it does nothing and says so.
func (p *Pipeline) step(r *db.DealRow, dir int) tea.Cmd {
	from := p.cols[p.focus].Stage
	to := p.focus + dir
	if to < 0 || to >= len(p.cols) || p.cols[to].Stage.Kind != model.StageOpen {
		if dir > 0 {
			return status(fmt.Sprintf("%s is the last open stage: nothing after it (w marks the deal won, X lost)", clean(from.Name)))
		}
		return status(fmt.Sprintf("%s is the first stage: nothing before it", clean(from.Name)))
	}
	return moveDealCmd(p.c, r.ID, p.cols[to].Stage, "", false, r.Title, r.ValueMinor, r.Currency)
}

// moveDealCmd moves a deal to a stage as one undoable command (history
// recorded, rotting clock restarted; won records an order when asked, lost
// keeps the reason).
func moveDealCmd(c *Common, id int64, to model.Stage, reason string, recordOrder bool, title string, value int64, currency string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		res, err := c.DB.MoveDeal(ctx, id, to.ID, reason, recordOrder)
		if err != nil {
			return dealMovedMsg{DealID: id, Err: err}
		}
		moved := res.Deal
		t := clean(title)
		var st string
		switch {
		case to.Kind == model.StageWon && res.OrderID != 0:
			st = fmt.Sprintf("Won %q: order of %s recorded (u undoes)", t, moneyLong(value, currency))
		case to.Kind == model.StageWon:
			st = fmt.Sprintf("Won %q, no order recorded (u undoes)", t)
		case to.Kind == model.StageLost:
			st = fmt.Sprintf("Lost %q: %s (u undoes)", t, clean(reason))
		default:
			st = fmt.Sprintf("Moved %q to %s (u undoes)", t, clean(to.Name))
		}
		return dealMovedMsg{DealID: id, Status: st, Deal: &moved, To: to}
	}
}

// placeMoved moves the card of a deal that was just moved to its new column
// at once, so the board answers before the reload that follows (which
// replaces it with what the file says). It reports whether it found it.
func (p *Pipeline) placeMoved(dl model.Deal, to model.Stage) bool {
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
	p.cursor[from] = clamp(p.cursor[from], 0, len(src.Cards)-1)
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
func (p *Pipeline) recount(cards []db.DealRow) []db.CurrencyTotal {
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

// createDealCmd resolves the customer by name (or id) and opens the deal
// in its stage, as one undoable command.
func createDealCmd(c *Common, customer string, dl model.Deal, stage model.Stage) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		cu, err := c.DB.FindCustomer(ctx, customer)
		if err != nil {
			return dealSavedMsg{Err: customerError(err)}
		}
		dl.CustomerID, dl.StageID = cu.ID, stage.ID
		err = c.DB.Write(ctx, fmt.Sprintf("new deal %q", dl.Title), func(t *db.Tx) error {
			_, err := t.CreateDeal(&dl)
			return err
		})
		if err != nil {
			return dealSavedMsg{Err: err}
		}
		return dealSavedMsg{DealID: dl.ID, Status: fmt.Sprintf("Deal %q added to %s for %s (u undoes)", clean(dl.Title), clean(stage.Name), clean(cu.Name))}
	}
}

// updateDealCmd saves a deal's own fields, refusing to overwrite a deal
// that changed since the board was loaded (its version).
func updateDealCmd(c *Common, dl model.Deal) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		err := c.DB.Write(ctx, fmt.Sprintf("edit deal %d", dl.ID), func(t *db.Tx) error { return t.UpdateDeal(&dl) })
		if err != nil {
			return dealSavedMsg{Err: err}
		}
		return dealSavedMsg{DealID: dl.ID, Status: fmt.Sprintf("Deal %q saved (u undoes)", clean(dl.Title))}
	}
}

// customerError says what to type when the customer is not found or ambiguous.
func customerError(err error) error {
	var amb *db.AmbiguousError
	switch {
	case errors.As(err, &amb):
		names := ""
		for i, c := range amb.Candidates {
			if i == 3 {
				names += ", …"
				break
			}
			if i > 0 {
				names += ", "
			}
			names += fmt.Sprintf("%s (#%d)", c.Name, c.ID)
		}
		return model.Invalid("customer", "%d customers match: %s — type more of the name or #id", len(amb.Candidates), clean(names))
	case errors.Is(err, model.ErrNotFound):
		return model.Invalid("customer", "no such customer: type a name, a name prefix or #id")
	}
	return err
}

// saved takes the form's result: an error goes back to the form, success
// closes it, reloads the board onto the deal and tells the root.
func (p *Pipeline) saved(msg dealSavedMsg) tea.Cmd {
	if p.form == nil {
		return nil
	}
	if msg.Err != nil {
		p.form.m.SetError(msg.Err)
		return nil
	}
	p.form = nil
	p.follow = msg.DealID
	st := msg.Status
	return tea.Batch(func() tea.Msg { return changedMsg{Status: st} }, p.load())
}
