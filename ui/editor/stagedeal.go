package editor

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/form"
)

// formStageDeal is the id of the board's new-deal form.
const formStageDeal = "pipeline-new-deal"

// stageDealForm is the form of the board's n: a new deal in stage st for
// a customer typed in (name, name prefix or #id), with its title, value and
// expected close.
func stageDealForm(st model.Stage, o form.Options) form.Model {
	return form.New(form.Spec{
		ID:    formStageDeal,
		Title: o.P.T("New deal in %s", common.Clean(st.Name)),
		Fields: []form.Field{
			form.CustomerField(o.P),
			{Key: "title", Label: i18n.N("Title"), Kind: form.Text, Required: true, MaxLen: model.MaxNameLen, Placeholder: i18n.N("Renewal 2027")},
			{Key: "value", Label: i18n.N("Value"), Kind: form.Money, Placeholder: i18n.N("12,000"), Aliases: []string{"value_minor", "currency", "amount"}},
			{Key: "close", Label: i18n.N("Expected close"), Kind: form.Date, Mode: model.Future, Aliases: []string{"expected_close"}},
		},
	}, o)
}

// createDealCmd resolves the customer by name (or id) and opens the deal
// in its stage, as one undoable command. A customer not found or not
// unique comes back beside the customer field.
func createDealCmd(c *common.Common, seq int, customer string, dl model.Deal, stage model.Stage) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		cu, err := c.DB.FindCustomer(ctx, customer)
		if err != nil {
			return editSavedMsg{Seq: seq, Err: customerError(err)}
		}
		dl.CustomerID, dl.StageID = cu.ID, stage.ID
		err = c.DB.Write(ctx, fmt.Sprintf("new deal %q", dl.Title), func(t *db.Tx) error {
			_, err := t.CreateDeal(&dl)
			return err
		})
		if err != nil {
			return editSavedMsg{Seq: seq, Err: err}
		}
		return editSavedMsg{Seq: seq, Edited: common.EditedMsg{Kind: common.KindDeal, ID: dl.ID},
			Status: c.T("Deal %q added to %s for %s", common.Clean(dl.Title), common.Clean(stage.Name), common.Clean(cu.Name)) + undoHint(c)}
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
			if c.Company != "" && c.Company != c.Name {
				names += fmt.Sprintf("%s (%s, #%d)", c.Name, c.Company, c.ID)
			} else {
				names += fmt.Sprintf("%s (#%d)", c.Name, c.ID)
			}
		}
		return model.Invalid("customer", "%d customers match: %s — pick one from the list", len(amb.Candidates), common.Clean(names))
	case errors.Is(err, model.ErrNotFound):
		return model.Invalid("customer", "no such customer: type a name, a name prefix or #id")
	}
	return err
}
