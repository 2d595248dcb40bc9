package cli

import (
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// The words of the book's codes as text output says them: each returns a
// catalog key (the code itself in English), said with p.T. JSON keeps the
// codes.

func lifecycleWord(l model.Lifecycle) string {
	switch l {
	case model.Prospect:
		return i18n.N("prospect")
	case model.Active:
		return i18n.N("customer")
	case model.Churned:
		return i18n.N("churned")
	}
	return string(l)
}

func statusWord(s string) string {
	switch s {
	case model.ActivityActive:
		return i18n.N("active")
	case model.ActivityDormant:
		return i18n.N("dormant")
	case model.ActivityChurned:
		return i18n.N("churned")
	case model.ActivityAtRisk:
		return i18n.N("at_risk")
	}
	return s
}

func kindWord(k model.InteractionKind) string {
	switch k {
	case model.KindCall:
		return i18n.N("call")
	case model.KindEmail:
		return i18n.N("email")
	case model.KindMeeting:
		return i18n.N("meeting")
	case model.KindMessage:
		return i18n.N("message")
	case model.KindVisit:
		return i18n.N("visit")
	case model.KindNote:
		return i18n.N("note")
	case model.KindComplaint:
		return i18n.N("complaint")
	case model.KindFeedback:
		return i18n.N("feedback")
	}
	return string(k)
}

func directionWord(d model.Direction) string {
	switch d {
	case model.Outbound:
		return i18n.N("outbound")
	case model.Inbound:
		return i18n.N("inbound")
	case model.Internal:
		return i18n.N("internal")
	}
	return string(d)
}

func outcomeWord(o model.Outcome) string {
	switch o {
	case model.OutcomeReplied:
		return i18n.N("replied")
	case model.OutcomeNoReply:
		return i18n.N("no_reply")
	case model.OutcomePositive:
		return i18n.N("positive")
	case model.OutcomeNeutral:
		return i18n.N("neutral")
	case model.OutcomeNegative:
		return i18n.N("negative")
	}
	return string(o)
}

// stageKindWord is a stage kind (open, won, lost) as text says it.
func stageKindWord(k model.StageKind) string {
	switch k {
	case model.StageOpen:
		return i18n.N("open")
	case model.StageWon:
		return i18n.N("won")
	case model.StageLost:
		return i18n.N("lost")
	}
	return string(k)
}
