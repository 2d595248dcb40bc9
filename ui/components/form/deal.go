package form

import (
	"strconv"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// DealForm opens a form over d: a new deal when d.ID is 0 (d.CustomerID set;
// the caller picks the stage), else an edit. The value field reads any
// amount the command line reads ($12,000, ¥3.5万, EUR 900), in the book
// currency unless it names one. On SubmittedMsg, ToDeal(d, values) gives the
// deal to save.
func DealForm(d model.Deal, o Options) Model { return New(dealSpec(d, o), o) }

// dealSpec is the spec of DealForm.
func dealSpec(d model.Deal, o Options) Spec {
	title := o.P.T("New deal")
	value, prob := "", ""
	cur := ""
	if d.ID != 0 {
		title = o.P.T("Edit deal · %s", d.Title)
		value = model.FormatMinor(d.ValueMinor, d.Currency)
		cur = d.Currency
	}
	if d.Probability >= 0 && d.ID != 0 {
		prob = strconv.Itoa(d.Probability)
	}
	base := d
	return Spec{
		ID:    IDDeal,
		Title: title,
		Fields: []Field{
			{Key: "title", Label: i18n.N("Title"), Kind: Text, Initial: d.Title, MaxLen: model.MaxNameLen, Placeholder: i18n.N("Renewal 2027")},
			{Key: "value", Label: i18n.N("Value"), Kind: Money, Initial: value, Currency: cur, Required: true,
				Placeholder: i18n.N("12,000"), Aliases: []string{"currency", "amount"}},
			{Key: "close", Label: i18n.N("Expected close"), Kind: Date, Mode: model.Future, Initial: d.ExpectedClose.String(),
				Aliases: []string{"expected close", "expected_close"}},
			{Key: "probability", Label: "Probability %", Kind: Integer, Initial: prob, Min: 0, Max: 100, Hint: i18n.N("empty = the stage's")},
		},
		Validate: func(v Values) error {
			_, err := ToDeal(base, v)
			return err
		},
	}
}

// ToDeal applies a submitted deal form to base and validates it with
// model.Deal.Validate. An empty probability means the stage's (-1).
func ToDeal(base model.Deal, v Values) (model.Deal, error) {
	d := base
	pickedInto(&d.CustomerID, v)
	d.Title = v.Text("title")
	if m, ok := v.Money("value"); ok {
		d.ValueMinor, d.Currency = m.Minor, m.Currency
	}
	d.ExpectedClose = model.NoDay
	if w, ok := v.When("close"); ok {
		d.ExpectedClose = w.Day
	}
	d.Probability = -1
	if p, ok := v.Int("probability"); ok {
		d.Probability = p
	}
	if d.Status == "" {
		d.Status = model.DealOpen
	}
	return d, d.Validate()
}
