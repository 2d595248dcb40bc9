package form

import (
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// Form ids, as SubmittedMsg, CancelledMsg and ReloadRequestedMsg carry them.
const (
	IDCustomer     = "customer"
	IDContact      = "contact"
	IDDeal         = "deal"
	IDInteraction  = "interaction"
	IDFollowup     = "followup"
	IDOrder        = "order"
	IDTags         = "tags"
	IDNextFollowup = "next-followup"
)

// CustomerForm opens a form over c: a new customer when c.ID is 0 (tier C,
// lifecycle customer, as `rapport add customer` makes them), else an edit.
// On SubmittedMsg, ToCustomer(c, values) gives the customer to save.
func CustomerForm(c model.Customer, o Options) Model { return CustomerCareForm(c, CareDays{}, o) }

// CustomerCareForm is CustomerForm showing the customer's own birthday and
// its anniversary d; ToCareDays reads them back.
func CustomerCareForm(c model.Customer, d CareDays, o Options) Model {
	title := o.P.T("New customer")
	if c.ID != 0 {
		title = o.P.T("Edit customer · %s", c.Name)
	}
	tier, life := customerDefaults(c)
	cadence := ""
	if c.CadenceDays > 0 {
		cadence = strconv.Itoa(c.CadenceDays)
	}
	base := c
	return New(Spec{
		ID:    IDCustomer,
		Title: title,
		Fields: []Field{
			{Key: "name", Label: i18n.N("Name"), Kind: Text, Initial: c.Name, MaxLen: model.MaxNameLen, Placeholder: i18n.N("person or company")},
			{Key: "company", Label: i18n.N("Company"), Kind: Text, Initial: c.Company, MaxLen: model.MaxShortLen},
			{Key: "email", Label: i18n.N("Email"), Kind: Text, Initial: c.Email, MaxLen: model.MaxShortLen, Placeholder: i18n.N("name@example.com")},
			{Key: "phone", Label: i18n.N("Phone"), Kind: Text, Initial: c.Phone, MaxLen: model.MaxShortLen},
			{Key: "im", Label: i18n.N("IM"), Kind: Text, Initial: c.IM, MaxLen: model.MaxShortLen, Placeholder: i18n.N("WeChat, Slack, …")},
			{Key: "industry", Label: i18n.N("Industry"), Kind: Text, Initial: c.Industry, MaxLen: model.MaxShortLen},
			{Key: "source", Label: i18n.N("Source"), Kind: Text, Initial: c.Source, MaxLen: model.MaxShortLen, Placeholder: i18n.N("referral, fair, web, …")},
			{Key: "tier", Label: i18n.N("Tier"), Kind: Choice, Options: []string{"A", "B", "C"}, Initial: string(tier)},
			{Key: "pin", Label: i18n.N("Pin tier"), Kind: Bool, Initial: yesNo(c.TierPinned), Hint: i18n.N("keep it when tiers are recomputed")},
			{Key: "cadence", Label: i18n.N("Cadence days"), Kind: Integer, Initial: cadence, Hint: i18n.N("empty = the tier's"), Aliases: []string{"cadence_days"}},
			careFields(d, true)[0], careFields(d, true)[1],
			{Key: "lifecycle", Label: i18n.N("Lifecycle"), Kind: Choice, Options: lifecycleOptions(), Initial: string(life)},
			{Key: "churn_reason", Label: i18n.N("Churn reason"), Kind: Text, Initial: c.ChurnReason, MaxLen: model.MaxShortLen,
				Placeholder: i18n.N("required when churned"), Aliases: []string{"churn reason", "reason"}},
			{Key: "notes", Label: i18n.N("Notes"), Kind: Multiline, Initial: c.Notes, MaxLen: model.MaxNotesLen},
		},
		Validate: func(v Values) error {
			if _, err := ToCustomer(base, v); err != nil {
				return err
			}
			_, err := ToCareDays(v)
			return err
		},
	}, o)
}

// customerDefaults are the tier and lifecycle a customer shows: its own,
// or C and customer for a new one.
func customerDefaults(c model.Customer) (model.Tier, model.Lifecycle) {
	tier, life := c.Tier, c.Lifecycle
	if tier == "" {
		tier = model.TierC
	}
	if life == "" {
		life = model.Active
	}
	return tier, life
}

func lifecycleOptions() []string {
	var out []string
	for _, l := range model.Lifecycles() {
		out = append(out, string(l))
	}
	return out
}

// ToCustomer applies a submitted customer form to base (the customer the
// form opened over, which keeps its id and version) and validates it with
// model.Customer.Validate. Choosing another tier pins it, as --tier does
// on the command line; the churn reason is required when churned and
// dropped otherwise.
func ToCustomer(base model.Customer, v Values) (model.Customer, error) {
	c := base
	c.Name = v.Text("name")
	c.Company = v.Text("company")
	c.Email = v.Text("email")
	c.Phone = v.Text("phone")
	c.IM = v.Text("im")
	c.Industry = v.Text("industry")
	c.Source = v.Text("source")
	c.Notes = v.Text("notes")
	oldTier, _ := customerDefaults(base)
	c.Tier = model.Tier(v.Text("tier"))
	c.TierPinned = v.Bool("pin") || c.Tier != oldTier
	c.CadenceDays, _ = v.Int("cadence")
	c.Lifecycle = model.Lifecycle(v.Text("lifecycle"))
	c.ChurnReason = v.Text("churn_reason")
	if c.Lifecycle != model.Churned {
		c.ChurnReason = ""
	}
	if err := c.Validate(); err != nil {
		return c, err
	}
	if c.Lifecycle == model.Churned && strings.TrimSpace(c.ChurnReason) == "" {
		return c, model.Invalid("churn reason", "say why the customer churned")
	}
	return c, nil
}

// ContactForm opens a form over a person at a customer: a new one when
// c.ID is 0 (c.CustomerID must be set). On SubmittedMsg, ToContact(c,
// values) gives the contact to save.
func ContactForm(c model.Contact, o Options) Model { return ContactCareForm(c, CareDays{}, o) }

// ContactCareForm is ContactForm showing the person's birthday (d.Birthday).
func ContactCareForm(c model.Contact, d CareDays, o Options) Model {
	title := o.P.T("New contact")
	if c.ID != 0 {
		title = o.P.T("Edit contact · %s", c.Name)
	}
	base := c
	return New(Spec{
		ID:    IDContact,
		Title: title,
		Fields: []Field{
			{Key: "name", Label: i18n.N("Name"), Kind: Text, Initial: c.Name, MaxLen: model.MaxNameLen},
			{Key: "role", Label: i18n.N("Role"), Kind: Text, Initial: c.Role, MaxLen: model.MaxShortLen, Placeholder: i18n.N("buyer, CTO, …")},
			{Key: "email", Label: i18n.N("Email"), Kind: Text, Initial: c.Email, MaxLen: model.MaxShortLen, Placeholder: i18n.N("name@example.com")},
			{Key: "phone", Label: i18n.N("Phone"), Kind: Text, Initial: c.Phone, MaxLen: model.MaxShortLen},
			careFields(d, false)[0],
			{Key: "primary", Label: i18n.N("Primary"), Kind: Bool, Initial: yesNo(c.IsPrimary), Hint: i18n.N("the main contact")},
		},
		Validate: func(v Values) error {
			if _, err := ToContact(base, v); err != nil {
				return err
			}
			_, err := ToCareDays(v)
			return err
		},
	}, o)
}

// ToContact applies a submitted contact form to base and validates it with
// model.Contact.Validate.
func ToContact(base model.Contact, v Values) (model.Contact, error) {
	c := base
	c.Name = v.Text("name")
	c.Role = v.Text("role")
	c.Email = v.Text("email")
	c.Phone = v.Text("phone")
	c.IsPrimary = v.Bool("primary")
	return c, c.Validate()
}
