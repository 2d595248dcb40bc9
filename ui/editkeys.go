package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
)

// Item kinds a selection can stand for: what e edits and D archives. They
// are the KIND words of `rapport archive` (db.ArchiveKinds).
const (
	kindCustomer    = "customer"
	kindContact     = "contact"
	kindDeal        = "deal"
	kindInteraction = "interaction"
	kindFollowup    = "followup"
	kindOrder       = "order"
)

// selection is what the selected row of a screen stands for, as the edit
// keys see it: the customer it gives (for a, i, f, n, o, t) and the item e
// edits and D archives.
type selection struct {
	CustomerID int64
	Customer   string // the customer's name, for titles and questions
	Archived   bool   // the customer is archived: only R applies
	Kind       string // kindCustomer, kindFollowup, …
	ItemID     int64
	Label      string // the item's name in questions ("Send quote")
	Complaint  bool   // an open complaint: r resolves it
	// Order is the selected order (there is no single-order query; the
	// screen's copy carries the version the form checks).
	Order *model.Order
}

// editAction is what an edit key asks for.
type editAction int

// Edit actions, one per key.
const (
	actAddCustomer editAction = iota // a
	actEdit                          // e: the selected item
	actLog                           // i
	actFollowup                      // f
	actDeal                          // n
	actOrder                         // o
	actTags                          // t
	actContact                       // c: a new contact
	actArchive                       // D: the selected item, after asking
	actRestore                       // R: an archived customer
	actResolve                       // r: an open complaint
)

// editKeys are the keys that open forms and questions. Today, Customers
// and Detail embed them; each enables the ones its selected row allows.
type editKeys struct {
	Add     key.Binding
	Edit    key.Binding
	Log     key.Binding
	Follow  key.Binding
	Deal    key.Binding
	Order   key.Binding
	Tags    key.Binding
	Contact key.Binding
	Archive key.Binding
	Restore key.Binding
	Resolve key.Binding
	// withContact and withResolve say whether the screen offers c and r
	// at all (only Detail lists contacts and complaints).
	withContact bool
	withResolve bool
}

func newEditKeys(withContact, withResolve bool) editKeys {
	return editKeys{withContact: withContact, withResolve: withResolve,
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add customer")),
		Edit:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Log:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "log interaction")),
		Follow:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "follow-up")),
		Deal:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new deal")),
		Order:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "record order")),
		Tags:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tags")),
		Contact: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "add contact")),
		Archive: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "archive")),
		Restore: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "restore archived")),
		Resolve: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "resolve complaint")),
	}
}

// editWords names an item kind in help and questions.
func editWords(kind string) string {
	switch kind {
	case kindFollowup:
		return "follow-up"
	case "":
		return "item"
	}
	return kind
}

// enable keeps help true for the selected row (ok false: nothing selected).
func (k *editKeys) enable(sel selection, ok bool) {
	live := ok && !sel.Archived
	k.Add.SetEnabled(true)
	for _, b := range []*key.Binding{&k.Log, &k.Follow, &k.Deal, &k.Order, &k.Tags} {
		b.SetEnabled(live)
	}
	k.Edit.SetEnabled(live && sel.Kind != "")
	k.Archive.SetEnabled(live && sel.Kind != "")
	k.Contact.SetEnabled(k.withContact && live)
	k.Resolve.SetEnabled(k.withResolve && live && sel.Complaint)
	k.Restore.SetEnabled(ok && sel.Archived)
	if live {
		k.Edit.SetHelp("e", "edit "+editWords(sel.Kind))
		k.Archive.SetHelp("D", "archive "+editWords(sel.Kind))
	} else {
		k.Edit.SetHelp("e", "edit")
		k.Archive.SetHelp("D", "archive")
	}
}

// full lists the keys for the `?` help: all of them, also those that do
// not apply to the selected row (the footer shows only those that do).
// On a customer, e also churns or reactivates it and pins its tier (the
// customer form holds lifecycle, churn reason and tier pin).
func (k *editKeys) full() []key.Binding {
	e := k.Edit
	if h := e.Help(); h.Desc == "edit customer" || h.Desc == "edit" {
		e.SetHelp("e", "edit/churn/pin tier") // the customer form holds lifecycle and tier pin
	}
	out := []key.Binding{k.Add, e, k.Log, k.Follow, k.Deal, k.Order, k.Tags}
	if k.withContact {
		out = append(out, k.Contact)
	}
	out = append(out, k.Archive)
	if k.withResolve {
		out = append(out, k.Resolve)
	}
	out = append(out, k.Restore)
	for i := range out {
		out[i].SetEnabled(true)
	}
	return out
}

// editKey turns an edit key on the selected row into a request to the
// root. A key whose binding is disabled (it does not apply to the row)
// earns a hint saying why. It reports whether msg was an edit key. enable
// ran for the same selection at the end of the last Update.
func (k *editKeys) editKey(msg tea.KeyMsg, sel selection, ok bool, owner string) (tea.Cmd, bool) {
	for _, p := range k.pairs() {
		if key.Matches(msg, *p.b) {
			if p.act == actAddCustomer {
				return editRequest(p.act, selection{}, owner), true
			}
			return editRequest(p.act, sel, owner), true
		}
	}
	for _, p := range k.pairs() {
		if disabledKey(msg, *p.b) {
			return status(disabledReason(p.act, sel, ok)), true
		}
	}
	return nil, false
}

// disabledReason says why an edit key does not apply to the selection.
func disabledReason(act editAction, sel selection, ok bool) string {
	switch {
	case !ok:
		return "Select a row first"
	case act == actRestore && !sel.Archived:
		return "R restores an archived customer: list them with / archived:yes"
	case act != actRestore && sel.Archived:
		return clean(sel.Customer) + " is archived: R restores it first"
	case act == actResolve && !sel.Complaint:
		return "r resolves a complaint: select an open one in the timeline"
	}
	return "Nothing to edit here: select a customer, contact, deal, follow-up, order or interaction"
}

// editPair is an edit binding and the action it asks for.
type editPair struct {
	b   *key.Binding
	act editAction
}

// pairs are the screen's edit bindings (c and r only where offered).
func (k *editKeys) pairs() []editPair {
	out := []editPair{
		{&k.Add, actAddCustomer}, {&k.Edit, actEdit}, {&k.Log, actLog}, {&k.Follow, actFollowup}, {&k.Deal, actDeal},
		{&k.Order, actOrder}, {&k.Tags, actTags}, {&k.Archive, actArchive}, {&k.Restore, actRestore},
	}
	if k.withContact {
		out = append(out, editPair{&k.Contact, actContact})
	}
	if k.withResolve {
		out = append(out, editPair{&k.Resolve, actResolve})
	}
	return out
}

// editRequest asks the root to open the form or question of act.
func editRequest(act editAction, sel selection, owner string) tea.Cmd {
	return func() tea.Msg { return editRequestMsg{Action: act, Sel: sel, Owner: owner} }
}
