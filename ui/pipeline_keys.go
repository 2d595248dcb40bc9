package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
)

// handleKey routes a key to whatever has the keyboard: the filter, a form,
// a prompt, the won question, or the board.
func (p *Pipeline) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case p.filter.Typing():
		cmd, changed := p.filter.Update(msg)
		if changed {
			return tea.Batch(cmd, p.reload())
		}
		return cmd
	case p.wonDeal != nil:
		return p.wonKey(msg)
	case p.form != nil:
		var cmd tea.Cmd
		p.form.m, cmd = p.form.m.Update(msg)
		return cmd
	case p.lost != nil:
		cmd, done := p.lost.update(msg, p.keys.prompt, p)
		if done {
			p.lost = nil
		}
		return cmd
	case p.prompt != nil:
		pr := p.prompt
		cmd, done := pr.update(msg, p.keys.prompt, func(day model.Day, _, reason string) tea.Cmd {
			return snoozeDealCmd(p.c, pipelineOwner, pr.dealID, pr.title, day, reason)
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
func (p *Pipeline) boardKey(msg tea.KeyMsg) tea.Cmd {
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
		return p.openNewForm()
	}
	if cur, ok := p.keys.move(msg, p.cursor[p.focus], len(p.cols[p.focus].Cards), p.cardsPerPage()); ok {
		p.cursor[p.focus] = cur
		return nil
	}
	r := p.selected()
	switch {
	case key.Matches(msg, p.keys.Open):
		return openCustomer(r.CustomerID)
	case key.Matches(msg, p.keys.Edit):
		return p.openEditForm(*r)
	case key.Matches(msg, p.keys.Next):
		return p.step(r, 1)
	case key.Matches(msg, p.keys.Prev):
		return p.step(r, -1)
	case key.Matches(msg, p.keys.Won):
		if p.closedColumn(model.StageWon) < 0 {
			return status("This pipeline has no Won stage (see rapport stages)")
		}
		row := *r
		p.wonDeal = &row
		return nil
	case key.Matches(msg, p.keys.Lost):
		if p.closedColumn(model.StageLost) < 0 {
			return status("This pipeline has no Lost stage (see rapport stages)")
		}
		p.lost = newLostPrompt(*r)
		return p.lost.input.Focus()
	case key.Matches(msg, p.keys.Snooze):
		p.prompt = newSnoozePrompt(p.c, "Snooze until:", true)
		p.prompt.dealID, p.prompt.title = r.ID, r.Title
		return p.prompt.date.Focus()
	}
	return p.disabledReason(msg)
}

// disabledReason is the hint for a board key that does not apply now: no
// card under the cursor, a closed deal, a deal that is not rotting, a
// column that does not fold or take new deals.
func (p *Pipeline) disabledReason(msg tea.KeyMsg) tea.Cmd {
	k := p.keys
	switch {
	case disabledKey(msg, k.Collapse):
		return status("c and space expand or collapse Won and Lost; open stages always show their deals")
	case disabledKey(msg, k.New):
		return status("n adds a deal to an open stage: move to one with h")
	}
	card := false
	for _, b := range []key.Binding{k.Next, k.Prev, k.Won, k.Lost, k.Snooze, k.Edit, k.Open} {
		card = card || disabledKey(msg, b)
	}
	r := p.selected()
	switch {
	case !card:
		return nil
	case r == nil && p.collapsed(p.focus):
		return status(fmt.Sprintf("%s is collapsed: c or space shows its deals", clean(p.cols[p.focus].Stage.Name)))
	case r == nil:
		return status("No deal here: n adds one")
	case r.Status != model.DealOpen:
		return status(fmt.Sprintf("%q is %s and stays closed: u undoes the last change", clean(r.Title), r.Status))
	}
	return status(fmt.Sprintf("%q is not rotting: z snoozes a deal stuck past its stage's limit", clean(r.Title)))
}

// closedColumn returns the index of the first column of kind k, -1 if none.
func (p *Pipeline) closedColumn(k model.StageKind) int {
	for i, c := range p.cols {
		if c.Stage.Kind == k {
			return i
		}
	}
	return -1
}

// wonKey answers "record an order for $X? [Y/n]": yes records it, no
// closes the deal without one, esc leaves it open.
func (p *Pipeline) wonKey(msg tea.KeyMsg) tea.Cmd {
	r := p.wonDeal
	yes, no := key.Matches(msg, p.keys.Yes), key.Matches(msg, p.keys.No)
	switch {
	case key.Matches(msg, p.keys.prompt.Cancel):
		p.wonDeal = nil
		return status("Not marked won")
	case !yes && !no:
		return nil
	}
	p.wonDeal = nil
	i := p.closedColumn(model.StageWon)
	if i < 0 {
		return status("This pipeline has no Won stage (see rapport stages)")
	}
	return moveDealCmd(p.c, r.ID, p.cols[i].Stage, "", yes, r.Title, r.ValueMinor, r.Currency)
}
