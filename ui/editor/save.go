package editor

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/form"
)

// editSavedMsg is the end of a write the editor started (a form save, an
// archive, a restore, a resolve). Produced by the commands of this file;
// handled by Model.Update (saved). Each write is one db.Write: one command,
// one undo batch, named so that "Undone: …" says what it was.
type editSavedMsg struct {
	Seq    int
	Status string
	Err    error
	// Conflict says what changed when Err is model.ErrConflict: the form
	// stays open and offers to reload.
	Conflict string
	// Logged is a new interaction: the editor then offers its next follow-up.
	Logged *model.Interaction
	// Completed is the follow-up the log closed with it (0 when none).
	Completed int64
	// Back is set when customer CustomerID was archived: a Detail showing
	// it closes.
	Back       bool
	CustomerID int64
	// Edited is the row saved, for the screen that asked.
	Edited common.EditedMsg
}

// write runs fn as one undoable command named desc, in a tea.Cmd with the
// Common timeout. On a conflict, reread (when given) loads the row as it
// is now so the message can say what changed.
func write(c *common.Common, seq int, desc, ok string, fn func(*db.Tx) error, conflict func(context.Context) string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		err := c.DB.Write(ctx, desc, fn)
		msg := editSavedMsg{Seq: seq, Status: ok, Err: err}
		if errors.Is(err, model.ErrConflict) && conflict != nil {
			msg.Conflict = conflict(ctx)
		}
		return msg
	}
}

// saveCmd turns the submitted form into its write. An error here (the form
// values do not make a valid row) goes back into the form.
func (e *session) saveCmd(c *common.Common, seq int, v form.Values) (tea.Cmd, error) {
	t := &e.t
	who := t.Customer.Name
	switch e.kind {
	case fkGoal:
		g, err := form.ToGoal(v, t.Currency)
		if err != nil {
			return nil, err
		}
		return func() tea.Msg {
			ctx, cancel := c.DBCtx()
			defer cancel()
			saved, err := c.DB.SetGoal(ctx, g)
			return editSavedMsg{Seq: seq, Err: err, Status: c.T("Goal set: %s %s %s", c.T(g.Measure.Label()), g.Period, saved.Figure(saved.Target)) + undoHint(c)}
		}, nil
	case fkPlaybook:
		r, err := form.ToPlaybook(t.Playbook, t.Stages, v)
		if err != nil {
			return nil, err
		}
		return func() tea.Msg {
			ctx, cancel := c.DBCtx()
			defer cancel()
			err := c.DB.UpdatePlaybook(ctx, &r)
			return editSavedMsg{Seq: seq, Err: err, Status: c.T("Rule saved: %s", common.Clean(r.Name)) + undoHint(c)}
		}, nil
	case fkNewCustomer:
		cu, err := form.ToCustomer(model.Customer{}, v)
		if err != nil {
			return nil, err
		}
		care, err := form.ToCareDays(v)
		if err != nil {
			return nil, err
		}
		var id int64
		return withEdited(write(c, seq, "add customer "+cu.Name, c.T("Added customer %s", common.Clean(cu.Name))+undoHint(c), func(tx *db.Tx) error {
			var err error
			if id, err = tx.CreateCustomer(&cu); err != nil {
				return err
			}
			return saveCare(tx, id, 0, form.CareDays{}, care, true)
		}, nil), common.KindCustomer, &id), nil
	case fkCustomer:
		cu, err := form.ToCustomer(t.Customer, v)
		if err != nil {
			return nil, err
		}
		care, err := form.ToCareDays(v)
		if err != nil {
			return nil, err
		}
		id, was := t.Customer.ID, t.Care
		return mergingWrite(c, seq, rowEdit[model.Customer]{what: who, desc: "edit customer " + who, status: customerSaved(c, t.Customer, cu),
			before: t.Customer, mine: cu,
			reread: func(ctx context.Context) (model.Customer, error) { return c.DB.Customer(ctx, id) },
			save: func(tx *db.Tx, row *model.Customer) error {
				if err := tx.UpdateCustomer(row); err != nil {
					return err
				}
				return saveCare(tx, id, 0, was, care, true)
			}}), nil
	case fkTags:
		add, remove, err := form.ToTags(t.Tags, v)
		if err != nil {
			return nil, err
		}
		if len(add) == 0 && len(remove) == 0 {
			return func() tea.Msg { return editSavedMsg{Seq: seq, Status: c.T("Tags unchanged")} }, nil
		}
		id := t.Customer.ID
		return write(c, seq, "edit tags of "+who, c.T("Tags of %s saved", common.Clean(who))+undoHint(c), func(tx *db.Tx) error {
			return tx.SetTags(id, add, remove)
		}, nil), nil
	case fkLog, fkInteraction:
		base := t.Interaction
		if e.kind == fkLog {
			base = model.Interaction{CustomerID: t.Customer.ID, DealID: t.DealID, Score: -1}
			if t.Followup.ID != 0 {
				base.DealID = t.Followup.DealID
			}
		}
		in, err := form.ToInteraction(base, v)
		if err != nil {
			return nil, err
		}
		if e.kind == fkInteraction {
			return mergingWrite(c, seq, rowEdit[model.Interaction]{what: c.T("This interaction"), desc: fmt.Sprintf("edit %s with %s", in.Kind, who),
				status: c.T("Saved the %s with %s", c.T(string(in.Kind)), common.Clean(who)) + undoHint(c), before: base, mine: in,
				reread: func(ctx context.Context) (model.Interaction, error) { return c.DB.Interaction(ctx, base.ID) },
				save:   func(tx *db.Tx, row *model.Interaction) error { return tx.UpdateInteraction(row) }}), nil
		}
		var done model.Followup
		if e.kind == fkLog && t.Followup.ID != 0 && t.Followup.DoneAt == 0 && v.Bool("done") {
			done = t.Followup
		}
		return logCmd(c, seq, who, in, done), nil
	case fkStageDeal:
		// The form has read every field; the customer is resolved by the
		// save, so ToDeal's "customer is required" does not apply yet.
		dl, _ := form.ToDeal(model.Deal{StageID: e.req.Stage.ID}, v)
		return createDealCmd(c, seq, pickRef(v), dl, e.req.Stage), nil
	case fkNewFollowup, fkFollowup, fkNext:
		return e.followupCmd(c, seq, v)
	case fkNewDeal, fkDeal:
		base := t.Deal
		if e.kind == fkNewDeal {
			base = model.Deal{CustomerID: t.Customer.ID, Probability: -1}
		}
		dl, err := form.ToDeal(base, v)
		if err != nil {
			return nil, err
		}
		if e.kind == fkDeal {
			return e.editDealCmd(c, seq, base, dl, v)
		}
		var id int64
		return withEdited(write(c, seq, "add deal "+dl.Title, c.T("Deal %q added for %s", common.Clean(dl.Title), common.Clean(who))+undoHint(c), func(tx *db.Tx) error {
			var err error
			id, err = tx.CreateDeal(&dl)
			return err
		}, nil), common.KindDeal, &id), nil
	case fkNewOrder, fkOrder:
		base := t.Order
		if e.kind == fkNewOrder {
			base = model.Order{CustomerID: t.Customer.ID, DealID: t.DealID}
		}
		o, err := form.ToOrder(base, v)
		if err != nil {
			return nil, err
		}
		amount := common.MoneyLong(o.AmountMinor, o.Currency)
		if e.kind == fkOrder {
			return write(c, seq, "edit order from "+who, c.T("Saved the order of %s", amount)+undoHint(c),
				func(tx *db.Tx) error { return tx.UpdateOrder(&o) }, conflictText(c, c.T("This order"))), nil
		}
		return write(c, seq, "order from "+who+" "+amount, c.T("Order of %s from %s recorded", amount, common.Clean(who))+undoHint(c), func(tx *db.Tx) error {
			_, err := tx.CreateOrder(&o)
			return err
		}, nil), nil
	case fkNewContact, fkContact:
		base := t.Contact
		if e.kind == fkNewContact {
			base = model.Contact{CustomerID: t.Customer.ID}
		}
		ct, err := form.ToContact(base, v)
		if err != nil {
			return nil, err
		}
		care, err := form.ToCareDays(v)
		if err != nil {
			return nil, err
		}
		if e.kind == fkContact {
			was := t.Care
			return mergingWrite(c, seq, rowEdit[model.Contact]{what: c.T("Contact %s", common.Clean(base.Name)), desc: "edit contact " + base.Name,
				status: c.T("Saved contact %s", common.Clean(ct.Name)) + undoHint(c), before: base, mine: ct,
				reread: func(ctx context.Context) (model.Contact, error) {
					return findContact(ctx, c.DB, base.CustomerID, base.ID)
				},
				save: func(tx *db.Tx, row *model.Contact) error {
					if err := tx.UpdateContact(row); err != nil {
						return err
					}
					return saveCare(tx, row.CustomerID, row.ID, was, care, false)
				}}), nil
		}
		return write(c, seq, "add contact "+ct.Name+" at "+who, c.T("Contact %s added", common.Clean(ct.Name))+undoHint(c), func(tx *db.Tx) error {
			id, err := tx.CreateContact(&ct)
			if err != nil {
				return err
			}
			return saveCare(tx, ct.CustomerID, id, form.CareDays{}, care, false)
		}, nil), nil
	}
	return nil, i18n.Errorf("nothing to save")
}

// withEdited tells the screen that asked which row a successful create
// made (*id, set by the write), so its cursor can go to it.
func withEdited(cmd tea.Cmd, kind string, id *int64) tea.Cmd {
	return func() tea.Msg {
		msg := cmd()
		if m, ok := msg.(editSavedMsg); ok && m.Err == nil && *id != 0 {
			m.Edited = common.EditedMsg{Kind: kind, ID: *id}
			return m
		}
		return msg
	}
}

// undoHint ends the status of every undoable save.
func undoHint(c *common.Common) string { return c.T(" (u undoes)") }

// followupCmd saves a new or edited follow-up, or the next one after logging.
func (e *session) followupCmd(c *common.Common, seq int, v form.Values) (tea.Cmd, error) {
	t := &e.t
	who := t.Customer.Name
	var f model.Followup
	var err error
	switch e.kind {
	case fkNext:
		in := t.Interaction
		f, err = form.NextFollowup(in.CustomerID, in.DealID, in.Summary, v)
	case fkFollowup:
		f, err = form.ToFollowup(t.Followup, v)
	default:
		f, err = form.ToFollowup(model.Followup{CustomerID: t.Customer.ID, DealID: t.DealID}, v)
	}
	if err != nil {
		return nil, err
	}
	due := model.When{Day: f.Due}.DescribeIn(c.P, model.DayOf(c.Now()))
	if f.DueTime != "" {
		due += " " + f.DueTime
	}
	if e.kind == fkFollowup {
		base := t.Followup
		return mergingWrite(c, seq, rowEdit[model.Followup]{what: c.T("Follow-up %q", common.Clean(base.Title)), desc: "edit follow-up " + base.Title,
			status: c.T("Saved follow-up %q, due %s", common.Clean(f.Title), due) + undoHint(c), before: base, mine: f,
			reread: func(ctx context.Context) (model.Followup, error) { return c.DB.Followup(ctx, base.ID) },
			save:   func(tx *db.Tx, row *model.Followup) error { return tx.UpdateFollowup(row) }}), nil
	}
	desc := "follow up " + who + ": " + f.Title
	if e.kind == fkNext {
		desc = "schedule next follow-up with " + who
	}
	return write(c, seq, desc, c.T("Follow-up %q due %s", common.Clean(f.Title), due)+undoHint(c), func(tx *db.Tx) error {
		_, err := tx.CreateFollowup(&f)
		return err
	}, nil), nil
}

// logCmd logs a new interaction as one command; the editor then offers the
// next follow-up, which is a second command (so u after scheduling it
// takes back the follow-up alone, and u again the interaction).
// When done is a follow-up (logging from its row), it is marked done in
// the same command: one u undoes both.
func logCmd(c *common.Common, seq int, who string, in model.Interaction, done model.Followup) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		desc := fmt.Sprintf("log %s with %s", in.Kind, who)
		status := c.T("Logged %s with %s", c.T(string(in.Kind)), common.Clean(who)) + undoHint(c)
		if done.ID != 0 {
			desc += " and complete " + strconv.Quote(done.Title)
			status = c.T("Logged %s with %s; done: %s", c.T(string(in.Kind)), common.Clean(who), common.Clean(done.Title)) + undoHint(c)
		}
		err := c.DB.Write(ctx, desc, func(tx *db.Tx) error {
			if _, err := tx.LogInteraction(&in); err != nil {
				return err
			}
			if done.ID != 0 {
				_, err := tx.CompleteFollowup(done.ID)
				return err
			}
			return nil
		})
		msg := editSavedMsg{Seq: seq, Err: err, Status: status}
		if err == nil {
			msg.Logged, msg.Completed = &in, done.ID
		}
		return msg
	}
}

// customerSaved is the status after editing a customer: what changed in
// its lifecycle or tier pin, else that it was saved.
func customerSaved(c *common.Common, before, after model.Customer) string {
	name := common.Clean(after.Name)
	switch {
	case after.Lifecycle == model.Churned && before.Lifecycle != model.Churned:
		return c.T("%s marked churned: %s", name, common.Clean(after.ChurnReason)) + undoHint(c)
	case before.Lifecycle == model.Churned && after.Lifecycle != model.Churned:
		return c.T("%s reactivated as %s", name, c.T(string(after.Lifecycle))) + undoHint(c)
	case after.TierPinned && !before.TierPinned:
		return c.T("%s: tier %s pinned", name, after.Tier) + undoHint(c)
	case !after.TierPinned && before.TierPinned:
		return c.T("%s: tier unpinned (segmentation sets it)", name) + undoHint(c)
	}
	return c.T("Saved customer %s", name) + undoHint(c)
}

// conflictText is the conflict message when what changed is unknown.
func conflictText(c *common.Common, what string) func(context.Context) string {
	return func(context.Context) string { return c.T("%s changed since you opened it", common.Clean(what)) }
}

// archiveCmd archives (or restores) the selected item as one command.
func archiveCmd(c *common.Common, seq int, sel common.Selection, archived bool) tea.Cmd {
	table := db.ArchiveKinds()[sel.Kind]
	name := sel.Label
	if sel.Kind == common.KindCustomer || name == "" {
		name = sel.Customer
	}
	verb := "archive"
	if !archived {
		verb = "restore"
	}
	desc := fmt.Sprintf("%s %s %s", verb, common.EditWords(sel.Kind), name)
	st := c.T(archivedStatus(sel.Kind, archived), common.Clean(name)) + undoHint(c)
	id := sel.ItemID
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		err := c.DB.Write(ctx, desc, func(tx *db.Tx) error { return tx.SetArchived(table, id, archived) })
		return editSavedMsg{Seq: seq, Status: st, Err: err, Back: archived && sel.Kind == common.KindCustomer, CustomerID: sel.CustomerID}
	}
}

// resolveCmd marks the selected complaint resolved (db names the command).
func resolveCmd(c *common.Common, seq int, sel common.Selection) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		_, err := c.DB.ResolveComplaint(ctx, sel.ItemID)
		return editSavedMsg{Seq: seq, Status: c.T("Complaint resolved: %s", common.Clean(sel.Label)) + undoHint(c), Err: err}
	}
}

// archivedStatus is the status key after archiving (or restoring) an item
// of kind: "Archived customer %q".
func archivedStatus(kind string, archived bool) string {
	if !archived {
		switch kind {
		case common.KindCustomer:
			return i18n.N("Restored customer %q")
		case common.KindContact:
			return i18n.N("Restored contact %q")
		case common.KindDeal:
			return i18n.N("Restored deal %q")
		case common.KindInteraction:
			return i18n.N("Restored interaction %q")
		case common.KindFollowup:
			return i18n.N("Restored follow-up %q")
		case common.KindOrder:
			return i18n.N("Restored order %q")
		}
		return i18n.N("Restored item %q")
	}
	switch kind {
	case common.KindCustomer:
		return i18n.N("Archived customer %q")
	case common.KindContact:
		return i18n.N("Archived contact %q")
	case common.KindDeal:
		return i18n.N("Archived deal %q")
	case common.KindInteraction:
		return i18n.N("Archived interaction %q")
	case common.KindFollowup:
		return i18n.N("Archived follow-up %q")
	case common.KindOrder:
		return i18n.N("Archived order %q")
	}
	return i18n.N("Archived item %q")
}

// saveCare writes the birthday (and, for a customer, the anniversary) a
// form changed from was, in the form's transaction: a cleared field
// removes the date.
func saveCare(tx *db.Tx, customerID, contactID int64, was, now form.CareDays, anniversary bool) error {
	if now.Birthday != was.Birthday {
		if err := tx.SetCareDay(customerID, contactID, model.CareBirthday, now.Birthday); err != nil {
			return err
		}
	}
	if anniversary && now.Anniversary != was.Anniversary {
		return tx.SetCareDay(customerID, 0, model.CareAnniversary, now.Anniversary)
	}
	return nil
}
