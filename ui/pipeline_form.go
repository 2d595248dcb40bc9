package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/components/form"
)

// formNewDeal is the id of the board's new-deal form (form messages reach
// every screen; the id says whose they are). The edit form is
// form.DealForm's, form.IDDeal.
const formNewDeal = "pipeline-new-deal"

// dealForm is the form of `n` (customer, title, value and expected close,
// in the focused stage) or `e` (the deal's own fields), built on
// components/form: nothing is written until every field parses, and save
// errors come back beside their field.
type dealForm struct {
	m     form.Model
	stage model.Stage // the stage a new deal goes into
	edit  *db.DealRow // the deal being edited, nil for a new one
}

// formOptions are the forms' clock, date order, book currency and styles.
func (p *Pipeline) formOptions() form.Options {
	return form.Options{Now: p.c.Now, DateOrder: p.c.DateOrder, Currency: p.book, Styles: p.formStyles}
}

// openNewForm opens the new-deal form on the focused open stage.
func (p *Pipeline) openNewForm() tea.Cmd {
	st := p.cols[p.focus].Stage
	if st.Kind != model.StageOpen {
		return status("n adds a deal to an open stage: move to one with h")
	}
	m := form.New(form.Spec{
		ID:    formNewDeal,
		Title: "New deal in " + clean(st.Name),
		Fields: []form.Field{
			{Key: "customer", Label: "Customer", Kind: form.Text, Required: true, MaxLen: model.MaxNameLen, Placeholder: "name, name prefix or #id"},
			{Key: "title", Label: "Title", Kind: form.Text, Required: true, MaxLen: model.MaxNameLen, Placeholder: "Renewal 2027"},
			{Key: "value", Label: "Value", Kind: form.Money, Placeholder: "12,000", Aliases: []string{"value_minor", "currency", "amount"}},
			{Key: "close", Label: "Expected close", Kind: form.Date, Mode: model.Future, Aliases: []string{"expected_close"}},
		},
	}, p.formOptions())
	p.form = &dealForm{m: m, stage: st}
	return nil
}

// openEditForm opens the edit form over the selected deal.
func (p *Pipeline) openEditForm(r db.DealRow) tea.Cmd {
	d := r.Deal
	d.Title = clean(d.Title)
	p.form = &dealForm{m: form.DealForm(d, p.formOptions()), edit: &r}
	return nil
}

// formMsg handles what the open form reports: a submit starts the save, a
// cancel closes it, a reload request closes it and reloads the board.
func (p *Pipeline) formMsg(msg tea.Msg) tea.Cmd {
	f := p.form
	switch msg := msg.(type) {
	case form.SubmittedMsg:
		if f == nil || msg.Form != f.m.ID() {
			return nil
		}
		if f.edit != nil {
			dl, err := form.ToDeal(f.edit.Deal, msg.Values)
			if err != nil {
				f.m.SetError(err)
				return nil
			}
			return updateDealCmd(p.c, dl)
		}
		dl, _ := form.ToDeal(model.Deal{StageID: f.stage.ID}, msg.Values)
		return createDealCmd(p.c, msg.Values.Text("customer"), dl, f.stage)
	case form.CancelledMsg:
		if f == nil || msg.Form != f.m.ID() {
			return nil
		}
		p.form = nil
		return status("Nothing saved")
	case form.ReloadRequestedMsg:
		if f == nil || msg.Form != f.m.ID() {
			return nil
		}
		p.form = nil
		return tea.Batch(status("Reloaded: e edits the deal as it is now"), p.reload())
	}
	return nil
}

// lostPrompt asks why a deal was lost; the reason is required.
type lostPrompt struct {
	input textinput.Model
	deal  db.DealRow
	err   string
}

func newLostPrompt(r db.DealRow) *lostPrompt {
	in := textinput.New()
	in.Prompt = "Reason: "
	in.Placeholder = "went with a competitor, no budget, …"
	in.CharLimit = model.MaxShortLen
	in.Cursor.SetMode(cursor.CursorStatic)
	return &lostPrompt{input: in, deal: r}
}

// update handles a key; enter with a reason moves the deal to Lost.
func (l *lostPrompt) update(msg tea.KeyMsg, keys promptKeys, p *Pipeline) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, keys.Cancel):
		return status("Not marked lost"), true
	case key.Matches(msg, keys.Confirm):
		reason, err := model.CleanInput(l.input.Value(), model.MaxShortLen, false)
		if err != nil {
			l.err = "reason " + err.Error()
			return nil, false
		}
		if reason == "" {
			l.err = "say why the deal was lost (it feeds the win/loss report)"
			return nil, false
		}
		i := p.closedColumn(model.StageLost)
		if i < 0 {
			return status("This pipeline has no Lost stage (see rapport stages)"), true
		}
		return moveDealCmd(p.c, l.deal.ID, p.cols[i].Stage, reason, false, l.deal.Title, l.deal.ValueMinor, l.deal.Currency), true
	}
	l.err = ""
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	return cmd, false
}

func (l *lostPrompt) view(st pipelineStyles, w int) []string {
	head := st.HeaderFocus.Render(truncate(fmt.Sprintf("Mark %q lost — why?", clean(l.deal.Title)), w))
	if l.err != "" {
		head = st.Error.Render(truncate(l.err, w))
	}
	in := l.input
	in.Width = max(1, w-width(in.Prompt)-1)
	return []string{head, truncate(in.View(), w)}
}
