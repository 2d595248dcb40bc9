package pipeline

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/prompt"
)

// newDealCmd asks the editor for the new-deal form of the focused open
// stage (the customer is typed in the form).
func (p *Model) newDealCmd() tea.Cmd {
	st := p.cols[p.focus].Stage
	return func() tea.Msg { return common.EditRequestMsg{Action: common.ActDealInStage, Stage: st} }
}

// editDealCmd asks the editor for the edit form of the selected deal.
func editDealCmd(r db.DealRow) tea.Cmd {
	sel := common.Selection{CustomerID: r.CustomerID, Customer: r.Customer, Kind: common.KindDeal, ItemID: r.ID, Label: r.Title}
	return common.EditRequestCmd(common.ActEdit, sel)
}

// forCustomerCmd asks for the form of act (i, f, o) over the deal's
// customer, the deal selected so what is saved is linked to it.
func forCustomerCmd(act common.EditAction, r db.DealRow) tea.Cmd {
	sel := common.Selection{CustomerID: r.CustomerID, Customer: r.Customer, Kind: common.KindDeal, ItemID: r.ID, Label: r.Title}
	return common.EditRequestCmd(act, sel)
}

// lostPrompt asks why a deal was lost; the reason is required.
type lostPrompt struct {
	input textinput.Model
	deal  db.DealRow
	err   string
	p     *i18n.Printer
}

func newLostPrompt(p *i18n.Printer, r db.DealRow) *lostPrompt {
	in := textinput.New()
	in.Prompt = p.T("Reason: ")
	in.Placeholder = p.T("went with a competitor, no budget, …")
	in.CharLimit = model.MaxShortLen
	in.Cursor.SetMode(cursor.CursorStatic)
	return &lostPrompt{input: in, deal: r, p: p}
}

// update handles a key; enter with a reason moves the deal to Lost.
func (l *lostPrompt) update(msg tea.KeyMsg, keys prompt.KeyMap, p *Model) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, keys.Cancel):
		return common.StatusCmd(l.p.T("Not marked lost")), true
	case key.Matches(msg, keys.Confirm):
		reason, err := model.CleanInput(l.input.Value(), model.MaxShortLen, false)
		if err != nil {
			l.err = l.p.T("reason %s", common.ErrorTextIn(l.p, err))
			return nil, false
		}
		if reason == "" {
			l.err = l.p.T("say why the deal was lost (it feeds the win/loss report)")
			return nil, false
		}
		i := p.closedColumn(model.StageLost)
		if i < 0 {
			return common.StatusCmd(l.p.T("This pipeline has no Lost stage (see rapport stages)")), true
		}
		return moveDealCmd(p.c, l.deal.ID, p.cols[i].Stage, reason, false, l.deal.Title, l.deal.ValueMinor, l.deal.Currency), true
	}
	l.err = ""
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	return cmd, false
}

func (l *lostPrompt) view(st pipelineStyles, w int) []string {
	head := st.HeaderFocus.Render(common.Truncate(l.p.T("Mark %q lost — why?", common.Clean(l.deal.Title)), w))
	if l.err != "" {
		head = st.Error.Render(common.Truncate(l.err, w))
	}
	in := l.input
	in.Width = max(1, w-common.Width(in.Prompt)-1)
	return []string{head, common.Truncate(in.View(), w)}
}
