package editor

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/form"
)

// target is what a form opens over, read fresh from the file when the
// form opens (so its version is the one a save checks).
type target struct {
	Customer    model.Customer
	Tags        []string
	Cadence     int    // the customer's cadence in days (override, else its tier's)
	Currency    string // the book currency: the default of amount fields
	Interaction model.Interaction
	Followup    model.Followup
	Deal        model.Deal
	Order       model.Order
	Contact     model.Contact
	// Open are the customer's open follow-ups when logging: the next
	// follow-up question says when one is already open.
	Open []model.Followup
	// Completed is the follow-up the log closed (0 when none).
	Completed int64
	// DealID is the deal a new interaction, follow-up or order is about:
	// the selected deal when i, f or o was pressed on one (0 when none).
	DealID int64
	// Stages are the pipeline's stages when editing a deal (its form
	// moves it) or a playbook rule (deal_stage names one).
	Stages []model.Stage
	// Care are the birthday and anniversary the customer or contact form
	// opened with.
	Care form.CareDays
	// Playbook is the rule being edited.
	Playbook model.Playbook
}

// editLoadedMsg carries the row an edit request needs. Produced by
// loadEditCmd; handled by Model.Update. Seq drops an answer to an older request.
type editLoadedMsg struct {
	Seq int
	Req common.EditRequestMsg
	T   target
	Err error
}

// loadEditCmd reads what the form of req opens over.
func loadEditCmd(c *common.Common, seq int, req common.EditRequestMsg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		t, err := loadTarget(ctx, c.DB, req)
		return editLoadedMsg{Seq: seq, Req: req, T: t, Err: err}
	}
}

func loadTarget(ctx context.Context, d *db.DB, req common.EditRequestMsg) (target, error) {
	var t target
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
			return t, fmt.Errorf("%s is archived: R restores it first", common.Clean(t.Customer.Name))
		}
		t.Cadence = t.Customer.Cadence(set.Cadence)
		if req.Action == common.ActTags {
			if t.Tags, err = d.CustomerTags(ctx, sel.CustomerID); err != nil {
				return t, err
			}
		}
	}
	if req.Action == common.ActPlaybook {
		if t.Playbook, err = d.FindPlaybook(ctx, fmt.Sprintf("#%d", sel.ItemID)); err != nil {
			return t, err
		}
		t.Stages, err = d.Stages(ctx)
		return t, err
	}
	if sel.Kind == common.KindDeal && (req.Action == common.ActLog || req.Action == common.ActFollowup || req.Action == common.ActOrder) {
		t.DealID = sel.ItemID
	}
	if req.Action == common.ActLog && sel.CustomerID != 0 {
		if t.Open, err = d.OpenFollowups(ctx, sel.CustomerID); err != nil {
			return t, err
		}
		if sel.Kind == common.KindFollowup && sel.ItemID != 0 {
			// Logging from a follow-up row: the form offers to close it.
			if t.Followup, err = d.Followup(ctx, sel.ItemID); err != nil {
				return t, err
			}
		}
	}
	if req.Action != common.ActEdit && req.Action != common.ActArchive {
		return t, nil
	}
	if req.Action == common.ActEdit && sel.Kind == common.KindCustomer {
		if t.Care.Birthday, err = d.CareDay(ctx, sel.CustomerID, 0, model.CareBirthday); err != nil {
			return t, err
		}
		if t.Care.Anniversary, err = d.CareDay(ctx, sel.CustomerID, 0, model.CareAnniversary); err != nil {
			return t, err
		}
	}
	if req.Action == common.ActEdit && sel.Kind == common.KindContact {
		if t.Care.Birthday, err = d.CareDay(ctx, sel.CustomerID, sel.ItemID, model.CareBirthday); err != nil {
			return t, err
		}
	}
	switch sel.Kind {
	case common.KindInteraction:
		t.Interaction, err = d.Interaction(ctx, sel.ItemID)
	case common.KindFollowup:
		t.Followup, err = d.Followup(ctx, sel.ItemID)
	case common.KindDeal:
		if t.Deal, err = d.Deal(ctx, sel.ItemID); err == nil && req.Action == common.ActEdit {
			t.Stages, err = d.Stages(ctx)
		}
	case common.KindContact:
		t.Contact, err = findContact(ctx, d, sel.CustomerID, sel.ItemID)
	case common.KindOrder:
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
func formKindOf(req common.EditRequestMsg) formKind {
	switch req.Action {
	case common.ActAddCustomer:
		return fkNewCustomer
	case common.ActLog:
		return fkLog
	case common.ActFollowup:
		return fkNewFollowup
	case common.ActDeal:
		return fkNewDeal
	case common.ActOrder:
		return fkNewOrder
	case common.ActTags:
		return fkTags
	case common.ActContact:
		return fkNewContact
	case common.ActDealInStage:
		return fkStageDeal
	case common.ActGoal:
		return fkGoal
	case common.ActPlaybook:
		return fkPlaybook
	}
	switch req.Sel.Kind {
	case common.KindInteraction:
		return fkInteraction
	case common.KindFollowup:
		return fkFollowup
	case common.KindDeal:
		return fkDeal
	case common.KindOrder:
		return fkOrder
	case common.KindContact:
		return fkContact
	}
	return fkCustomer
}

// buildForm opens the form of kind over t (req names the stage of a new
// deal on the board).
func buildForm(kind formKind, req common.EditRequestMsg, t target, o form.Options, p *i18n.Printer) form.Model {
	cid := t.Customer.ID
	switch kind {
	case fkStageDeal:
		return stageDealForm(req.Stage, o)
	case fkGoal:
		return form.GoalForm(o)
	case fkPlaybook:
		return form.PlaybookForm(t.Playbook, t.Stages, o)
	case fkNewCustomer:
		return form.CustomerForm(model.Customer{}, o)
	case fkTags:
		return form.TagsForm(t.Tags, o)
	case fkLog:
		in := model.Interaction{CustomerID: cid, DealID: t.DealID, Score: -1}
		if d := req.Draft; d != nil {
			// A message composed with m: what was sent, ready to log.
			in.Kind, in.Direction, in.Summary, in.Body = d.Kind, d.Direction, d.Summary, d.Body
		}
		if t.Followup.ID != 0 {
			in.DealID = t.Followup.DealID
			return form.LogFromFollowupForm(in, t.Followup, req.Heading, o)
		}
		if req.Heading != "" {
			return form.LogFormTitled(in, req.Heading, o)
		}
		return form.InteractionForm(in, o)
	case fkInteraction:
		return form.InteractionForm(t.Interaction, o)
	case fkNewFollowup:
		return form.FollowupForm(model.Followup{CustomerID: cid, DealID: t.DealID}, o)
	case fkFollowup:
		return form.FollowupForm(t.Followup, o)
	case fkNewDeal:
		return form.DealForm(model.Deal{CustomerID: cid, Probability: -1}, o)
	case fkDeal:
		if req.Stage.ID != 0 {
			// The 360's >, <, w, X: the form opens on the stage asked for.
			return form.DealMoveForm(t.Deal, t.Stages, req.Stage, o)
		}
		return form.DealEditForm(t.Deal, t.Stages, o)
	case fkNewOrder:
		return form.OrderForm(model.Order{CustomerID: cid, DealID: t.DealID}, o)
	case fkOrder:
		return form.OrderForm(t.Order, o)
	case fkNewContact:
		return form.ContactForm(model.Contact{CustomerID: cid}, o)
	case fkContact:
		return form.ContactCareForm(t.Contact, t.Care, o)
	case fkNext:
		f := form.NextFollowupPrompt(form.DefaultNextDue(model.DayOf(o.Now()), t.Cadence), o)
		if open, ok := stillOpen(t); ok {
			due := model.When{Day: open.Due}.DescribeIn(o.P, model.DayOf(o.Now()))
			f.SetTitle(o.P.T("Schedule the next follow-up? %q is already open, due %s", common.Clean(open.Title), due))
		}
		return f
	}
	return form.CustomerCareForm(t.Customer, t.Care, o)
}

// formOptions are the forms' clock, date order, book currency and styles.
func (m *Model) formOptions(currency string) form.Options {
	return form.Options{Now: m.c.Now, DateOrder: m.c.DateOrder, Currency: currency, Styles: m.c.Styles.Form,
		P: m.c.P, Pick: m.pickFunc(), Debounce: m.c.Debounce, External: m.c.EditText}
}

// archiveQuestion asks before D archives the selected item.
func archiveQuestion(c *common.Common, sel common.Selection, t target) string {
	name := sel.Label
	switch sel.Kind {
	case common.KindCustomer:
		name = t.Customer.Name
	case common.KindFollowup:
		name = t.Followup.Title
	case common.KindDeal:
		name = t.Deal.Title
	case common.KindContact:
		name = t.Contact.Name
	case common.KindInteraction:
		name = t.Interaction.Summary
	}
	return c.T(archiveAsk(sel.Kind), common.Clean(name))
}

// archiveAsk is the archive question's key for an item kind.
func archiveAsk(kind string) string {
	switch kind {
	case common.KindCustomer:
		return i18n.N("Archive customer %q?")
	case common.KindContact:
		return i18n.N("Archive contact %q?")
	case common.KindDeal:
		return i18n.N("Archive deal %q?")
	case common.KindInteraction:
		return i18n.N("Archive interaction %q?")
	case common.KindFollowup:
		return i18n.N("Archive follow-up %q?")
	case common.KindOrder:
		return i18n.N("Archive order %q?")
	}
	return i18n.N("Archive item %q?")
}

// archiveNote is the line under the archive question: what archiving does.
func archiveNote(c *common.Common, kind string) string {
	if kind == common.KindCustomer {
		return c.T("It leaves every list and count; / archived:yes lists it, R restores it.")
	}
	return c.T("It leaves every list and count; u undoes.")
}

// stillOpen is the first of the customer's open follow-ups that the log
// just made did not close (the next follow-up question names it).
func stillOpen(t target) (model.Followup, bool) {
	for _, f := range t.Open {
		if f.ID != t.Completed {
			return f, true
		}
	}
	return model.Followup{}, false
}
