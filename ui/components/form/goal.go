package form

import (
	"strconv"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// IDGoal names the goal form.
const IDGoal = "goal"

// GoalForm sets the target of a measure for a month or a quarter (a goal
// already set for the same measure and period gets the new target). The
// period starts as this month.
func GoalForm(o Options) Model {
	measures := make([]string, 0, len(model.GoalMeasures()))
	for _, m := range model.GoalMeasures() {
		measures = append(measures, string(m))
	}
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	today := model.DayOf(now())
	return New(Spec{
		ID:    IDGoal,
		Title: o.P.T("Set a goal"),
		Fields: []Field{
			{Key: "measure", Label: i18n.N("Measure"), Kind: Choice, Options: measures, Initial: string(model.GoalRevenue),
				Help: i18n.N("revenue and won_value are money; the others count")},
			{Key: "period", Label: i18n.N("Period"), Kind: Text, Initial: model.MonthOf(today).String(), Required: true,
				Placeholder: i18n.N("2026-12 or 2026-Q4")},
			{Key: "target", Label: i18n.N("Target"), Kind: Text, Required: true, Placeholder: i18n.N("120000, 12万, 8 deals")},
		},
		Validate: func(v Values) error {
			_, err := ToGoal(v, o.Currency)
			return err
		},
	}, o)
}

// ToGoal reads a submitted goal form: money targets in currency unless
// they say otherwise, counts as whole numbers.
func ToGoal(v Values, currency string) (model.Goal, error) {
	m, err := model.ParseGoalMeasure(v.Text("measure"))
	if err != nil {
		return model.Goal{}, err
	}
	p, err := model.ParseGoalPeriod(v.Text("period"))
	if err != nil {
		return model.Goal{}, model.Invalid("period", "%s", strings.TrimPrefix(err.Error(), "period: "))
	}
	g := model.Goal{Measure: m, Period: p}
	raw := strings.TrimSpace(v.Text("target"))
	if m.IsMoney() {
		amount, err := model.ParseMoney(raw, currency)
		if err != nil {
			return g, model.Invalid("target", "%v", err)
		}
		g.Target, g.Currency = amount.Minor, amount.Currency
	} else {
		n, err := strconv.ParseInt(strings.ReplaceAll(raw, ",", ""), 10, 64)
		if err != nil {
			return g, model.Invalid("target", "%q is not a whole number: a %s goal counts %s", raw, m, m.Label())
		}
		g.Target = n
	}
	return g, g.Validate()
}
