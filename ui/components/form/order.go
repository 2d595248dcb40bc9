package form

import (
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// OrderForm opens a form over o: a new order when o.ID is 0 (o.CustomerID
// set; dated now), else an edit. The amount reads what the command line's
// AMOUNT reads. On SubmittedMsg, ToOrder(o, values) gives the order to save.
func OrderForm(ord model.Order, o Options) Model {
	title := o.P.T("Record an order")
	amount, cur, date := "", "", o.P.T("today")
	if ord.ID != 0 {
		title = o.P.T("Edit order")
		amount = model.FormatMinor(ord.AmountMinor, ord.Currency)
		cur = ord.Currency
		if ord.OrderedAt > 0 {
			loc := time.Local
			if o.Now != nil {
				loc = o.Now().Location()
			}
			date = time.Unix(ord.OrderedAt, 0).In(loc).Format("2006-01-02 15:04")
		}
	}
	base := ord
	return New(Spec{
		ID:    IDOrder,
		Title: title,
		Fields: []Field{
			{Key: "amount", Label: i18n.N("Amount"), Kind: Money, Initial: amount, Currency: cur, Required: true,
				Placeholder: i18n.N("12,000"), Aliases: []string{"currency", "value"}},
			{Key: "date", Label: i18n.N("Ordered"), Kind: Date, Mode: model.Past, Initial: date, Required: true,
				Aliases: []string{"ordered_at", "at"}},
			{Key: "note", Label: i18n.N("Note"), Kind: Text, Initial: ord.Note, MaxLen: model.MaxShortLen},
		},
		Validate: func(v Values) error {
			_, err := ToOrder(base, v)
			return err
		},
	}, o)
}

// ToOrder applies a submitted order form to base and validates it with
// model.Order.Validate; the date reads as an interaction's does (moment).
func ToOrder(base model.Order, v Values) (model.Order, error) {
	o := base
	pickedInto(&o.CustomerID, v)
	if m, ok := v.Money("amount"); ok {
		o.AmountMinor, o.Currency = m.Minor, m.Currency
	}
	o.Note = v.Text("note")
	if w, ok := v.When("date"); ok {
		t, err := moment(w, v.Now())
		if err != nil {
			return o, err
		}
		o.OrderedAt = t.Unix()
	}
	return o, o.Validate()
}
