package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
)

// handleKey routes a key to whatever has the keyboard: the filter, a form,
// a prompt, the won question, or the board.
func (p *Pipeline) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case p.filtering:
		return p.filterKey(msg)
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

// boardKey handles a key on the board itself.
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
	case key.Matches(msg, p.keys.Filter):
		p.filtering = true
		p.input.SetValue(p.query)
		p.input.CursorEnd()
		return p.input.Focus()
	case key.Matches(msg, p.keys.Clear):
		if p.query != "" {
			p.input.SetValue("")
			return p.applyFilter("")
		}
		return nil
	case pressed(msg, p.keys.Collapse):
		return p.toggleCollapse()
	case pressed(msg, p.keys.New):
		return p.openNewForm()
	}
	if !p.collapsed(p.focus) {
		n := len(p.cols[p.focus].Cards)
		if cur, ok := p.keys.move(msg, p.cursor[p.focus], n, p.cardsPerPage()); ok {
			p.cursor[p.focus] = cur
			return nil
		}
	}
	r := p.selected()
	isCardKey := pressed(msg, p.keys.Next) || pressed(msg, p.keys.Prev) || pressed(msg, p.keys.Won) ||
		pressed(msg, p.keys.Lost) || pressed(msg, p.keys.Snooze) || pressed(msg, p.keys.Edit) || pressed(msg, p.keys.Open)
	if !isCardKey {
		return nil
	}
	if r == nil {
		if p.collapsed(p.focus) {
			return status(fmt.Sprintf("%s is collapsed: c or space shows its deals", clean(p.cols[p.focus].Stage.Name)))
		}
		return status("No deal here: n adds one")
	}
	switch {
	case pressed(msg, p.keys.Open):
		return openCustomer(r.CustomerID)
	case pressed(msg, p.keys.Edit):
		return p.openEditForm(*r)
	}
	if r.Status != model.DealOpen {
		return status(fmt.Sprintf("%q is %s and stays closed: u undoes the last change", clean(r.Title), r.Status))
	}
	switch {
	case pressed(msg, p.keys.Next):
		return p.step(r, 1)
	case pressed(msg, p.keys.Prev):
		return p.step(r, -1)
	case pressed(msg, p.keys.Won):
		if p.closedColumn(model.StageWon) < 0 {
			return status("This pipeline has no Won stage (see rapport stages)")
		}
		row := *r
		p.wonDeal = &row
		return nil
	case pressed(msg, p.keys.Lost):
		if p.closedColumn(model.StageLost) < 0 {
			return status("This pipeline has no Lost stage (see rapport stages)")
		}
		p.lost = newLostPrompt(*r)
		return p.lost.input.Focus()
	case pressed(msg, p.keys.Snooze):
		if !r.Rotting && !snoozed(r, p.c.Today()) {
			return status(fmt.Sprintf("%q is not rotting: z snoozes a deal stuck past its stage's limit", clean(r.Title)))
		}
		p.prompt = newSnoozePrompt(p.c, "Snooze until:", true)
		p.prompt.dealID, p.prompt.title = r.ID, r.Title
		return p.prompt.date.Focus()
	}
	return nil
}

// toggleCollapse expands or collapses the focused Won or Lost column.
func (p *Pipeline) toggleCollapse() tea.Cmd {
	st := p.cols[p.focus].Stage
	if st.Kind == model.StageOpen {
		return status("c and space expand or collapse Won and Lost; open stages always show their deals")
	}
	p.expanded[st.ID] = !p.expanded[st.ID]
	return nil
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

// filterKey handles typing in the filter; the filter runs after a pause.
func (p *Pipeline) filterKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.keys.Clear):
		p.filtering = false
		p.input.Blur()
		p.input.SetValue("")
		if p.query == "" {
			return nil
		}
		return p.applyFilter("")
	case key.Matches(msg, p.keys.Apply):
		p.filtering = false
		p.input.Blur()
		if p.input.Value() != p.query {
			return p.applyFilter(p.input.Value())
		}
		return nil
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() == before {
		return cmd
	}
	p.filterSeq++
	seq := p.filterSeq
	return tea.Batch(cmd, tea.Tick(p.c.Debounce, func(time.Time) tea.Msg { return boardFilterTickMsg{Seq: seq} }))
}

// applyFilter loads the board for a new filter, keeping the selected deal
// under the cursor when it still matches.
func (p *Pipeline) applyFilter(q string) tea.Cmd {
	p.query = q
	p.problems = model.ParseFilter(q).Problems
	return p.reload()
}
