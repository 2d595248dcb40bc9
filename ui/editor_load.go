package ui

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/components/form"
)

// editTarget is what a form opens over, read fresh from the file when the
// form opens (so its version is the one a save checks).
type editTarget struct {
	Customer    model.Customer
	Tags        []string
	Cadence     int    // the customer's cadence in days (override, else its tier's)
	Currency    string // the book currency: the default of amount fields
	Interaction model.Interaction
	Followup    model.Followup
	Deal        model.Deal
	Order       model.Order
	Contact     model.Contact
}

// editLoadedMsg carries the row an edit request needs. Produced by
// loadEditCmd (the root's); Seq drops an answer to an older request.
type editLoadedMsg struct {
	Seq int
	Req editRequestMsg
	T   editTarget
	Err error
}

// loadEditCmd reads what the form of req opens over.
func loadEditCmd(c *Common, seq int, req editRequestMsg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.dbCtx()
		defer cancel()
		t, err := loadTarget(ctx, c.DB, req)
		return editLoadedMsg{Seq: seq, Req: req, T: t, Err: err}
	}
}

func loadTarget(ctx context.Context, d *db.DB, req editRequestMsg) (editTarget, error) {
	var t editTarget
	set, err := d.Settings(ctx)
	if err != nil {
		return t, err
	}
	t.Currency = set.Currency
	sel := req.Sel
	if sel.CustomerID != 0 {
		if t.Customer, err = d.Customer(ctx, sel.CustomerID); err != nil {
			return t, err
		}
		if t.Customer.ArchivedAt != 0 {
			return t, fmt.Errorf("%s is archived: R restores it first", clean(t.Customer.Name))
		}
		t.Cadence = t.Customer.Cadence(set.Cadence)
		if req.Action == actTags {
			if t.Tags, err = d.CustomerTags(ctx, sel.CustomerID); err != nil {
				return t, err
			}
		}
	}
	if req.Action != actEdit && req.Action != actArchive {
		return t, nil
	}
	switch sel.Kind {
	case kindInteraction:
		t.Interaction, err = d.Interaction(ctx, sel.ItemID)
	case kindFollowup:
		t.Followup, err = d.Followup(ctx, sel.ItemID)
	case kindDeal:
		t.Deal, err = d.Deal(ctx, sel.ItemID)
	case kindContact:
		t.Contact, err = findContact(ctx, d, sel.CustomerID, sel.ItemID)
	case kindOrder:
		if sel.Order == nil {
			return t, fmt.Errorf("order %d: %w", sel.ItemID, model.ErrNotFound)
		}
		t.Order = *sel.Order
	}
	return t, err
}

// findContact reads one contact of a customer.
func findContact(ctx context.Context, d *db.DB, customerID, id int64) (model.Contact, error) {
	cs, err := d.Contacts(ctx, customerID)
	if err != nil {
		return model.Contact{}, err
	}
	for _, c := range cs {
		if c.ID == id {
			return c, nil
		}
	}
	return model.Contact{}, fmt.Errorf("contact %d: %w", id, model.ErrNotFound)
}

// formKindOf is the form an edit request opens.
func formKindOf(req editRequestMsg) formKind {
	switch req.Action {
	case actAddCustomer:
		return fkNewCustomer
	case actLog:
		return fkLog
	case actFollowup:
		return fkNewFollowup
	case actDeal:
		return fkNewDeal
	case actOrder:
		return fkNewOrder
	case actTags:
		return fkTags
	case actContact:
		return fkNewContact
	}
	switch req.Sel.Kind {
	case kindInteraction:
		return fkInteraction
	case kindFollowup:
		return fkFollowup
	case kindDeal:
		return fkDeal
	case kindOrder:
		return fkOrder
	case kindContact:
		return fkContact
	}
	return fkCustomer
}

// buildForm opens the form of kind over t.
func buildForm(kind formKind, t editTarget, o form.Options) form.Model {
	cid := t.Customer.ID
	switch kind {
	case fkNewCustomer:
		return form.CustomerForm(model.Customer{}, o)
	case fkTags:
		return form.TagsForm(t.Tags, o)
	case fkLog:
		return form.InteractionForm(model.Interaction{CustomerID: cid, Score: -1}, o)
	case fkInteraction:
		return form.InteractionForm(t.Interaction, o)
	case fkNewFollowup:
		return form.FollowupForm(model.Followup{CustomerID: cid}, o)
	case fkFollowup:
		return form.FollowupForm(t.Followup, o)
	case fkNewDeal:
		return form.DealForm(model.Deal{CustomerID: cid, Probability: -1}, o)
	case fkDeal:
		return form.DealForm(t.Deal, o)
	case fkNewOrder:
		return form.OrderForm(model.Order{CustomerID: cid}, o)
	case fkOrder:
		return form.OrderForm(t.Order, o)
	case fkNewContact:
		return form.ContactForm(model.Contact{CustomerID: cid}, o)
	case fkContact:
		return form.ContactForm(t.Contact, o)
	case fkNext:
		return form.NextFollowupPrompt(form.DefaultNextDue(model.DayOf(o.Now()), t.Cadence), o)
	}
	return form.CustomerForm(t.Customer, o)
}

// formOptions are the forms' clock, date order, book currency and styles.
func (a *App) formOptions(currency string) form.Options {
	return form.Options{Now: a.c.Now, DateOrder: a.c.DateOrder, Currency: currency, Styles: a.c.Styles.Form}
}

// archiveQuestion asks before D archives the selected item.
func archiveQuestion(sel selection, t editTarget) string {
	what := editWords(sel.Kind)
	name := sel.Label
	switch sel.Kind {
	case kindCustomer:
		name = t.Customer.Name
	case kindFollowup:
		name = t.Followup.Title
	case kindDeal:
		name = t.Deal.Title
	case kindContact:
		name = t.Contact.Name
	case kindInteraction:
		name = t.Interaction.Summary
	}
	return fmt.Sprintf("Archive %s %q?", what, clean(name))
}

// archiveNote is the line under the archive question: what archiving does.
func archiveNote(kind string) string {
	if kind == kindCustomer {
		return "It leaves every list and count; / archived:yes lists it, R restores it."
	}
	return "It leaves every list and count; u undoes."
}
