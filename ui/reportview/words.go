package reportview

import (
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// KindWords is an interaction kind in p's language.
func KindWords(p *i18n.Printer, kind string) string {
	return clean(i18n.Pick(p.T("call|email|meeting|message|visit|note|complaint|feedback"), []string{
		string(model.KindCall), string(model.KindEmail), string(model.KindMeeting), string(model.KindMessage),
		string(model.KindVisit), string(model.KindNote), string(model.KindComplaint), string(model.KindFeedback),
	}, kind))
}

// measureWords is a goal's measure (model.GoalMeasure.Label) in p's language.
func measureWords(p *i18n.Printer, m model.GoalMeasure) string {
	ms := []model.GoalMeasure{model.GoalRevenue, model.GoalWon, model.GoalWonValue, model.GoalNewCustomers, model.GoalInteractions}
	labels := make([]string, len(ms))
	for i, x := range ms {
		labels[i] = x.Label()
	}
	return clean(i18n.Pick(p.T("revenue|deals won|value won|new customers|interactions"), labels, m.Label()))
}

// sectionHead is a section's head word (FUNNEL, …) in p's language: one
// message for them all, as PIPELINE alone is also a column of the CLI's.
func sectionHead(p *i18n.Printer, head string) string {
	return i18n.Pick(p.T("FUNNEL|DEALS CLOSED|PIPELINE|RETENTION|REPURCHASE|INTERACTIONS PER WEEK|RISK|RISK CHECK|SEGMENTS|GOALS|REVENUE|SATISFACTION"),
		[]string{"FUNNEL", "DEALS CLOSED", "PIPELINE", "RETENTION", "REPURCHASE", "INTERACTIONS PER WEEK", "RISK", "RISK CHECK", "SEGMENTS", "GOALS", "REVENUE", "SATISFACTION"}, head)
}
