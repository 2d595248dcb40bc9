package form

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// FollowupForm opens a form over f: a new follow-up when f.ID is 0
// (f.CustomerID set), else an edit. The due date reads every form of SPEC
// §5 and may carry a time ("fri 2pm"); the time field, when filled, wins.
// On SubmittedMsg, ToFollowup(f, values) gives the follow-up to save.
func FollowupForm(f model.Followup, o Options) Model {
	title := o.P.T("New follow-up")
	if f.ID != 0 {
		title = o.P.T("Edit follow-up · %s", f.Title)
	}
	base := f
	return New(Spec{
		ID:    IDFollowup,
		Title: title,
		Fields: []Field{
			{Key: "title", Label: i18n.N("Title"), Kind: Text, Initial: f.Title, MaxLen: model.MaxNameLen, Placeholder: i18n.N("Send quote")},
			{Key: "due", Label: i18n.N("Due"), Kind: Date, Mode: model.Future, Initial: f.Due.String(), Required: true,
				Aliases: []string{"due_date"}},
			{Key: "time", Label: i18n.N("Time"), Kind: Text, Initial: f.DueTime, Placeholder: i18n.N("14:30, 3pm (optional)"), Aliases: []string{"due_time"}},
		},
		Validate: func(v Values) error {
			_, err := ToFollowup(base, v)
			return err
		},
	}, o)
}

// ToFollowup applies a submitted follow-up form to base and validates it
// with model.Followup.Validate.
func ToFollowup(base model.Followup, v Values) (model.Followup, error) {
	f := base
	pickedInto(&f.CustomerID, v)
	f.Title = v.Text("title")
	f.Due = model.NoDay
	f.DueTime = ""
	if w, ok := v.When("due"); ok {
		f.Due, f.DueTime = w.Day, w.HHMM()
	}
	if t := v.Text("time"); t != "" {
		hm, err := hhmm(t)
		if err != nil {
			return f, err
		}
		f.DueTime = hm
	}
	return f, f.Validate()
}

// hhmm reads a time of day as the Due field reads one after its date
// ("14:30", "9:05", "3pm", "下午3点") and returns it as "09:05".
func hhmm(s string) (string, error) {
	hm, err := model.ParseClock(s)
	if err != nil {
		return "", model.Invalid("time", "%q is not a time like 14:30, 3pm or 下午3点", strings.TrimSpace(s))
	}
	return hm, nil
}

// DefaultNextDue is the due date NextFollowupPrompt suggests after an
// interaction: today plus the customer's cadence in days (at least one day).
func DefaultNextDue(today model.Day, cadenceDays int) model.Day {
	return today.AddDays(max(cadenceDays, 1))
}

// NextFollowupPrompt is the one-field question after an interaction was
// saved: "Schedule the next follow-up?" with the date filled in. enter
// accepts (SubmittedMsg; NextFollowup builds the follow-up), esc skips at
// once (CancelledMsg), even after the date was changed.
func NextFollowupPrompt(defaultDue model.Day, o Options) Model {
	return New(Spec{
		ID:    IDNextFollowup,
		Title: o.P.T("Schedule the next follow-up?"),
		Fields: []Field{
			{Key: "due", Label: i18n.N("Next follow-up"), Kind: Date, Mode: model.Future, Initial: defaultDue.String(), Required: true,
				Help: i18n.N("enter schedules it · esc skips")},
		},
		NoDiscardQuestion: true,
	}, o)
}

// NextFollowup builds the follow-up NextFollowupPrompt accepted, titled as
// `rapport log --next` titles it ("Follow up: " and the summary), and
// validates it.
func NextFollowup(customerID, dealID int64, summary string, v Values) (model.Followup, error) {
	// Cut to the width the command line cuts to, with the same ellipsis.
	title := ansi.Truncate(v.p.T("Follow up: %s", summary), model.MaxNameLen, "…")
	f := model.Followup{CustomerID: customerID, DealID: dealID, Title: title}
	if w, ok := v.When("due"); ok {
		f.Due, f.DueTime = w.Day, w.HHMM()
	}
	return f, f.Validate()
}
