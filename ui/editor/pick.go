package editor

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/form"
)

// pickedMsg is the customer a form's customer field named, found when the
// form was saved, with what the form needs of it (read as loadTarget reads
// it when the customer is known from the start). Produced by pickCmd;
// handled by Model.Update, which then saves the form over it.
type pickedMsg struct {
	Seq    int
	T      target
	Values form.Values
	Err    error
}

// picks says which forms opened where no customer is fixed get a customer
// field (form.WithCustomerPicker): a log, a follow-up, a deal, an order.
func picks(kind formKind, req common.EditRequestMsg) bool {
	if req.Sel.CustomerID != 0 {
		return false
	}
	switch kind {
	case fkLog, fkNewFollowup, fkNewDeal, fkNewOrder:
		return true
	}
	return false
}

// pickFunc answers the forms' customer fields from the book, in the
// form's tea.Cmd (off the UI goroutine).
func (m *Model) pickFunc() form.PickFunc {
	c := m.c
	return func(text string) ([]form.Suggestion, error) {
		ctx, cancel := c.DBCtx()
		defer cancel()
		ps, err := c.DB.PickCustomers(ctx, text, form.PickAsk)
		if err != nil {
			return nil, err
		}
		out := make([]form.Suggestion, len(ps))
		for i, p := range ps {
			out[i] = form.Suggestion{ID: p.ID, Name: p.Name, Company: p.Company, Tier: string(p.Tier)}
		}
		return out, nil
	}
}

// pickRef is what names the customer of a form's customer field: #id when
// one was picked, else the text as typed (a name, a prefix, #id).
func pickRef(v form.Values) string {
	id, text := v.Customer()
	if id != 0 {
		return "#" + strconv.FormatInt(id, 10)
	}
	return text
}

// pickCmd finds the customer of the form's customer field and reads what
// the form of req needs of them.
func pickCmd(c *common.Common, seq int, req common.EditRequestMsg, v form.Values) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		cu, err := c.DB.FindCustomer(ctx, pickRef(v))
		if err != nil {
			return pickedMsg{Seq: seq, Err: customerError(err)}
		}
		req.Sel.CustomerID, req.Sel.Customer = cu.ID, cu.Name
		t, err := loadTarget(ctx, c.DB, req)
		return pickedMsg{Seq: seq, T: t, Values: v, Err: err}
	}
}

// picked saves the form over the customer its customer field named; a
// customer not found (or not unique) goes beside the field.
func (m *Model) picked(msg pickedMsg) tea.Cmd {
	e := m.open
	if msg.Seq != m.seq || e == nil || e.form == nil || !e.pick {
		return nil
	}
	if msg.Err != nil {
		e.form.SetError(msg.Err)
		return nil
	}
	e.t = msg.T
	cmd, err := e.saveCmd(m.c, m.seq, msg.Values)
	if err != nil {
		e.form.SetError(err)
		return nil
	}
	return cmd
}
