package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// Item kinds a selection can stand for: what e edits and D archives. They
// are the KIND words of `rapport archive` (db.ArchiveKinds).
const (
	KindCustomer    = "customer"
	KindContact     = "contact"
	KindDeal        = "deal"
	KindInteraction = "interaction"
	KindFollowup    = "followup"
	KindOrder       = "order"
)

// Selection is what the selected row of a screen stands for, as the edit
// keys see it: the customer it gives (for a, i, f, n, o, t) and the item e
// edits and D archives.
type Selection struct {
	CustomerID int64
	Customer   string // the customer's name, for titles and questions
	Archived   bool   // the customer is archived: only R applies
	Kind       string // kindCustomer, kindFollowup, …
	ItemID     int64
	Label      string // the item's name in questions ("Send quote")
	Complaint  bool   // an open complaint: r resolves it
	// Purpose is the template purpose m offers first (a Care row's
	// birthday or holiday); "" lets the follow-up's title decide.
	Purpose string
	// Order is the selected order (there is no single-order query; the
	// screen's copy carries the version the form checks).
	Order *model.Order
}

// EditAction is what an edit key asks for.
type EditAction int

// Edit actions, one per key.
const (
	ActAddCustomer EditAction = iota // a
	ActEdit                          // e: the selected item
	ActLog                           // i
	ActFollowup                      // f
	ActDeal                          // n
	ActOrder                         // o
	ActTags                          // t
	ActContact                       // c: a new contact
	ActArchive                       // D: the selected item, after asking
	ActRestore                       // R: an archived customer
	ActResolve                       // r: an open complaint
	ActDealInStage                   // Pipeline's n: a new deal in a stage, its customer typed in
	ActGoal                          // Reports' t: set a goal for a month or quarter
	ActMessage                       // m: a message from a template, copied or edited, then logged
	ActPlaybook                      // Playbooks' e: edit the rule Sel.ItemID
)

// EditKeys are the keys that open forms and questions. Today, Customers
// and Detail embed them; each enables the ones its selected row allows.
type EditKeys struct {
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
	Message key.Binding
	// withContact and withResolve say whether the screen offers c and r
	// at all (only Detail lists contacts and complaints).
	withContact bool
	withResolve bool
	// noRow says the screen's list is empty: i, f, n and o then open their
	// form with a customer field to type whose it is (EnableWithoutRow).
	noRow bool
}

func NewEditKeys(withContact, withResolve bool) EditKeys {
	return EditKeys{withContact: withContact, withResolve: withResolve,
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", i18n.N("add customer"))),
		Edit:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", i18n.N("edit"))),
		Log:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", i18n.N("log interaction"))),
		Follow:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", i18n.N("follow-up"))),
		Deal:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", i18n.N("new deal"))),
		Order:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", i18n.N("record order"))),
		Tags:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", i18n.N("tags"))),
		Contact: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", i18n.N("add contact"))),
		Archive: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", i18n.N("archive"))),
		Restore: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", i18n.N("restore archived"))),
		Resolve: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", i18n.N("resolve complaint"))),
		Message: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", i18n.N("template"))),
	}
}

// EditWords names an item kind in help and questions.
func EditWords(kind string) string {
	switch kind {
	case KindFollowup:
		return "follow-up"
	case "":
		return "item"
	}
	return kind
}

// EnableWithoutRow says whether the screen's list is known to be empty
// (nothing due on Today, no customer in the filter): then i, f, n and o
// are live with nothing selected, and their form asks for the customer
// (the editor adds a customer field). Call it before Enable.
func (k *EditKeys) EnableWithoutRow(empty bool) { k.noRow = empty }

// Enable keeps help true for the selected row (ok false: nothing selected).
func (k *EditKeys) Enable(sel Selection, ok bool) {
	live := ok && !sel.Archived
	k.Add.SetEnabled(true)
	for _, b := range []*key.Binding{&k.Log, &k.Follow, &k.Deal, &k.Order} {
		b.SetEnabled(live || !ok && k.noRow)
	}
	k.Tags.SetEnabled(live)
	k.Edit.SetEnabled(live && sel.Kind != "")
	k.Archive.SetEnabled(live && sel.Kind != "")
	k.Contact.SetEnabled(k.withContact && live)
	k.Resolve.SetEnabled(k.withResolve && live && sel.Complaint)
	k.Restore.SetEnabled(ok && sel.Archived)
	k.Message.SetEnabled(live && (sel.Kind == KindCustomer || sel.Kind == KindFollowup))
	if live {
		e, d := editHelp(sel.Kind)
		k.Edit.SetHelp("e", e)
		k.Archive.SetHelp("D", d)
	} else {
		k.Edit.SetHelp("e", i18n.N("edit"))
		k.Archive.SetHelp("D", i18n.N("archive"))
	}
}

// Full lists the keys for the `?` help: all of them, also those that do
// not apply to the selected row (the footer shows only those that do).
// On a customer, e also churns or reactivates it and pins its tier (the
// customer form holds lifecycle, churn reason and tier pin).
func (k *EditKeys) Full() []key.Binding {
	e := k.Edit
	if h := e.Help(); h.Desc == "edit customer" || h.Desc == "edit" {
		e.SetHelp("e", i18n.N("edit/churn/pin tier")) // the customer form holds lifecycle and tier pin
	}
	out := []key.Binding{k.Add, e, k.Log, k.Message, k.Follow, k.Deal, k.Order, k.Tags}
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

// Handle turns an edit key on the selected row into a request to the
// root. A key whose binding is disabled (it does not apply to the row)
// earns a hint saying why. It reports whether msg was an edit key. enable
// ran for the same selection at the end of the last Update.
func (k *EditKeys) Handle(msg tea.KeyMsg, sel Selection, ok bool) (tea.Cmd, bool) {
	for _, p := range k.pairs() {
		if key.Matches(msg, *p.b) {
			if p.act == ActAddCustomer {
				return EditRequestCmd(p.act, Selection{}), true
			}
			return EditRequestCmd(p.act, sel), true
		}
	}
	for _, p := range k.pairs() {
		if DisabledKey(msg, *p.b) {
			return SayCmd(disabledReason(p.act, sel, ok)), true
		}
	}
	return nil, false
}

// disabledReason says why an edit key does not apply to the selection (a
// catalog message the root says in the reader's language).
func disabledReason(act EditAction, sel Selection, ok bool) error {
	switch {
	case !ok:
		return i18n.Errorf("Select a row first")
	case act == ActRestore && !sel.Archived:
		return i18n.Errorf("R restores an archived customer: list them with / archived:yes")
	case act != ActRestore && sel.Archived:
		return i18n.Errorf("%s is archived: R restores it first", Clean(sel.Customer))
	case act == ActResolve && !sel.Complaint:
		return i18n.Errorf("r resolves a complaint: select an open one in the timeline")
	case act == ActMessage:
		return i18n.Errorf("m writes a message from a template: select a customer or a follow-up")
	}
	return i18n.Errorf("Nothing to edit here: select a customer, contact, deal, follow-up, order or interaction")
}

// editHelp is the help of e and D on a selected item of kind.
func editHelp(kind string) (edit, archive string) {
	switch kind {
	case KindCustomer:
		return i18n.N("edit customer"), i18n.N("archive customer")
	case KindContact:
		return i18n.N("edit contact"), i18n.N("archive contact")
	case KindDeal:
		return i18n.N("edit deal"), i18n.N("archive deal")
	case KindInteraction:
		return i18n.N("edit interaction"), i18n.N("archive interaction")
	case KindFollowup:
		return i18n.N("edit follow-up"), i18n.N("archive follow-up")
	case KindOrder:
		return i18n.N("edit order"), i18n.N("archive order")
	}
	return i18n.N("edit item"), i18n.N("archive item")
}

// editPair is an edit binding and the action it asks for.
type editPair struct {
	b   *key.Binding
	act EditAction
}

// pairs are the screen's edit bindings (c and r only where offered).
func (k *EditKeys) pairs() []editPair {
	out := []editPair{
		{&k.Add, ActAddCustomer}, {&k.Edit, ActEdit}, {&k.Log, ActLog}, {&k.Follow, ActFollowup}, {&k.Deal, ActDeal},
		{&k.Order, ActOrder}, {&k.Tags, ActTags}, {&k.Archive, ActArchive}, {&k.Restore, ActRestore}, {&k.Message, ActMessage},
	}
	if k.withContact {
		out = append(out, editPair{&k.Contact, ActContact})
	}
	if k.withResolve {
		out = append(out, editPair{&k.Resolve, ActResolve})
	}
	return out
}

// EditRequestCmd asks the root to open the form or question of act.
func EditRequestCmd(act EditAction, sel Selection) tea.Cmd {
	return func() tea.Msg { return EditRequestMsg{Action: act, Sel: sel} }
}
