package reportview

import (
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// kindWords is an interaction kind in p's language; a kind it does not
// know reads as stored, cleaned.
func kindWords(p *i18n.Printer, kind string) string {
	switch model.InteractionKind(kind) {
	case model.KindCall:
		return p.T("call")
	case model.KindEmail:
		return p.T("email")
	case model.KindMeeting:
		return p.T("meeting")
	case model.KindMessage:
		return p.T("message")
	case model.KindVisit:
		return p.T("visit")
	case model.KindNote:
		return p.T("note")
	case model.KindComplaint:
		return p.T("complaint")
	case model.KindFeedback:
		return p.T("feedback")
	}
	return clean(kind)
}

// measureWords is a goal's measure (model.GoalMeasure.Label) in p's language.
func measureWords(p *i18n.Printer, m model.GoalMeasure) string {
	switch m {
	case model.GoalRevenue:
		return p.T("revenue")
	case model.GoalWon:
		return p.T("deals won")
	case model.GoalWonValue:
		return p.T("value won")
	case model.GoalNewCustomers:
		return p.T("new customers")
	case model.GoalInteractions:
		return p.T("interactions")
	}
	return clean(m.Label())
}
