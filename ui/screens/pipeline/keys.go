package pipeline

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/prompt"
)

// handleKey routes a key to whatever has the keyboard: the filter,
// a prompt, the won question, or the board.
func (p *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case p.filter.Typing():
		cmd, changed := p.filter.Update(msg)
		if changed {
			return tea.Batch(cmd, p.reload())
		}
		return cmd
	case p.wonDeal != nil:
		return p.wonKey(msg)
	case p.lost != nil:
		cmd, done := p.lost.update(msg, p.keys.prompt, p)
		if done {
			p.lost = nil
		}
		return cmd
	case p.prompt != nil:
		pr := p.prompt
		cmd, done := pr.Update(msg, p.keys.prompt, func(day model.Day, _, reason string) tea.Cmd {
			return common.SnoozeDealCmd(p.c, pr.DealID, pr.Title, day, reason)
		})
		if done {
			p.prompt = nil
		}
		return cmd
	}
	if !p.loaded {
		return nil
	}
	return p.boardKey(msg)
}

// boardKey handles a key on the board itself. Only enabled bindings act;
// a key that does not apply to the card under the cursor earns a hint.
func (p *Model) boardKey(msg tea.KeyMsg) tea.Cmd {
	if len(p.cols) == 0 {
		return nil
	}
	switch {
	case key.Matches(msg, p.keys.Left):
		p.focus = max(0, p.focus-1)
		return nil
	case key.Matches(msg, p.keys.Right):
		p.focus = min(len(p.cols)-1, p.focus+1)
		return nil
	case key.Matches(msg, p.filter.Keys.Open):
		return p.filter.Open()
	case key.Matches(msg, p.filter.Keys.Clear):
		if p.filter.Clear() {
			return p.reload()
		}
		return nil
	case key.Matches(msg, p.keys.Collapse):
		st := p.cols[p.focus].Stage
		p.expanded[st.ID] = !p.expanded[st.ID]
		return nil
	case key.Matches(msg, p.keys.New):
		return p.newDealCmd()
	}
	if cur, ok := p.keys.Step(msg, p.cursor[p.focus], len(p.cols[p.focus].Cards), p.cardsPerPage()); ok {
		p.cursor[p.focus] = cur
		return nil
	}
	r := p.selected()
	if r == nil {
		// Only i, f and o are enabled without a card (an empty column).
		for _, k := range []struct {
			b   key.Binding
			act common.EditAction
		}{{p.keys.Log, common.ActLog}, {p.keys.Follow, common.ActFollowup}, {p.keys.Order, common.ActOrder}} {
			if key.Matches(msg, k.b) {
				return common.EditRequestCmd(k.act, common.Selection{})
			}
		}
		return p.disabledReason(msg)
	}
	switch {
	case key.Matches(msg, p.keys.Open):
		return common.OpenCustomerCmd(r.CustomerID)
	case key.Matches(msg, p.keys.Edit):
		return editDealCmd(*r)
	case key.Matches(msg, p.keys.Log):
		return forCustomerCmd(common.ActLog, *r)
	case key.Matches(msg, p.keys.Follow):
		return forCustomerCmd(common.ActFollowup, *r)
	case key.Matches(msg, p.keys.Order):
		return forCustomerCmd(common.ActOrder, *r)
	case key.Matches(msg, p.keys.Next):
		return p.step(r, 1)
	case key.Matches(msg, p.keys.Prev):
		return p.step(r, -1)
	case key.Matches(msg, p.keys.Won):
		if p.closedColumn(model.StageWon) < 0 {
			return common.StatusCmd(p.c.P.T("This pipeline has no Won stage (see rapport stages)"))
		}
		row := *r
		p.wonDeal = &row
		return nil
	case key.Matches(msg, p.keys.Lost):
		if p.closedColumn(model.StageLost) < 0 {
			return common.StatusCmd(p.c.P.T("This pipeline has no Lost stage (see rapport stages)"))
		}
		p.lost = newLostPrompt(p.c.P, *r)
		return p.lost.input.Focus()
	case key.Matches(msg, p.keys.Snooze):
		p.prompt = prompt.NewSnooze(p.c.PromptOptions(), p.c.P.T("Snooze until:"), true)
		p.prompt.DealID, p.prompt.Title = r.ID, r.Title
		return p.prompt.Focus()
	}
	return p.disabledReason(msg)
}

// disabledReason is the hint for a board key that does not apply now: no
// card under the cursor, a closed deal, a deal that is not rotting, a
// column that does not fold or take new deals.
func (p *Model) disabledReason(msg tea.KeyMsg) tea.Cmd {
	k := p.keys
	switch {
	case common.DisabledKey(msg, k.Collapse):
		return common.StatusCmd(p.c.P.T("c and space expand or collapse Won and Lost; open stages always show their deals"))
	case common.DisabledKey(msg, k.New):
		return common.StatusCmd(p.c.P.T("n adds a deal to an open stage: move to one with h"))
	}
	card := false
	for _, b := range []key.Binding{k.Next, k.Prev, k.Won, k.Lost, k.Snooze, k.Edit, k.Open, k.Log, k.Follow, k.Order} {
		card = card || common.DisabledKey(msg, b)
	}
	r := p.selected()
	switch {
	case !card:
		return nil
	case r == nil && p.collapsed(p.focus):
		return common.StatusCmd(p.c.P.T("%s is collapsed: c or space shows its deals", common.Clean(p.cols[p.focus].Stage.Name)))
	case r == nil:
		return common.StatusCmd(p.c.P.T("No deal here: n adds one"))
	case r.Status != model.DealOpen:
		return common.StatusCmd(p.c.P.T("%q is %s and stays closed: u undoes the last change", common.Clean(r.Title), statusText(p.c.P, r.Status)))
	}
	return common.StatusCmd(p.c.P.T("%q is not rotting: z snoozes a deal stuck past its stage's limit", common.Clean(r.Title)))
}

// closedColumn returns the index of the first column of kind k, -1 if none.
func (p *Model) closedColumn(k model.StageKind) int {
	for i, c := range p.cols {
		if c.Stage.Kind == k {
			return i
		}
	}
	return -1
}

// wonKey answers "record an order for $X? [Y/n]": yes records it, no
// closes the deal without one, esc leaves it open.
func (p *Model) wonKey(msg tea.KeyMsg) tea.Cmd {
	r := p.wonDeal
	yes, no := key.Matches(msg, p.keys.Yes), key.Matches(msg, p.keys.No)
	switch {
	case key.Matches(msg, p.keys.prompt.Cancel):
		p.wonDeal = nil
		return common.StatusCmd(p.c.P.T("Not marked won"))
	case !yes && !no:
		return nil
	}
	p.wonDeal = nil
	i := p.closedColumn(model.StageWon)
	if i < 0 {
		return common.StatusCmd(p.c.P.T("This pipeline has no Won stage (see rapport stages)"))
	}
	return moveDealCmd(p.c, r.ID, p.cols[i].Stage, "", yes, r.Title, r.ValueMinor, r.Currency)
}
