package cli

import (
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// The words of the book's codes as text output says them, in p's language
// (JSON keeps the codes). Each set is one catalog message of words split
// at "|", so a word keeps the meaning it has in its set (the kind "email"
// is 邮件, the field "email" 邮箱); the sets shared with the screens have
// the screens' keys and words.

// pick says value, one of values, with the word at its place in the said
// set; a value the set does not hold is returned as it is.
func pick(said string, values []string, value string) string {
	words := strings.Split(said, "|")
	for i, v := range values {
		if v == value && i < len(words) {
			return words[i]
		}
	}
	return value
}

func lifecycleWord(p *i18n.Printer, l model.Lifecycle) string {
	return pick(p.T("prospect|customer|churned"), []string{string(model.Prospect), string(model.Active), string(model.Churned)}, string(l))
}

func statusWord(p *i18n.Printer, s string) string {
	return pick(p.T("active|dormant|at_risk|churned"), []string{model.ActivityActive, model.ActivityDormant, model.ActivityAtRisk, model.ActivityChurned}, s)
}

func kindWord(p *i18n.Printer, k model.InteractionKind) string {
	return pick(p.T("call|email|meeting|message|visit|note|complaint|feedback"), []string{
		string(model.KindCall), string(model.KindEmail), string(model.KindMeeting), string(model.KindMessage),
		string(model.KindVisit), string(model.KindNote), string(model.KindComplaint), string(model.KindFeedback),
	}, string(k))
}

func directionWord(p *i18n.Printer, d model.Direction) string {
	return pick(p.T("outbound|inbound|internal"), []string{string(model.Outbound), string(model.Inbound), string(model.Internal)}, string(d))
}

func outcomeWord(p *i18n.Printer, o model.Outcome) string {
	return pick(p.T("replied|no_reply|positive|neutral|negative"), []string{string(model.OutcomeReplied), string(model.OutcomeNoReply),
		string(model.OutcomePositive), string(model.OutcomeNeutral), string(model.OutcomeNegative)}, string(o))
}

// stageKindWord is a stage kind or a deal status (open, won, lost).
func stageKindWord(p *i18n.Printer, k string) string {
	return pick(p.T("open|won|lost"), []string{string(model.StageOpen), string(model.StageWon), string(model.StageLost)}, k)
}

// fieldWord is a customer field named in the 360's reach line.
func fieldWord(p *i18n.Printer, f string) string {
	return pick(p.T("email|phone|im|industry|source"), []string{"email", "phone", "im", "industry", "source"}, f)
}

// rowWord is the kind of row an id names (parseID, archive, restore).
func rowWord(p *i18n.Printer, kind string) string {
	return pick(p.T("customer|contact|deal|interaction|followup|follow-up|order"),
		[]string{"customer", "contact", "deal", "interaction", "followup", "follow-up", "order"}, kind)
}

// importWord is an import report's kind of rows, action or delimiter.
func importWord(p *i18n.Printer, w string) string {
	switch w {
	case "create", "merge", "unchanged", "skip":
		return pick(p.T("create|merge|unchanged|skip"), []string{"create", "merge", "unchanged", "skip"}, w)
	case "comma", "semicolon", "tab":
		return pick(p.T("comma|semicolon|tab"), []string{"comma", "semicolon", "tab"}, w)
	}
	return pick(p.T("customers|interactions|followups|orders|deals"), []string{"customers", "interactions", "followups", "orders", "deals"}, w)
}

// measureWord is a goal's measure (model.GoalMeasure.Label).
func measureWord(p *i18n.Printer, m model.GoalMeasure) string {
	return pick(p.T("revenue|deals won|value won|new customers|interactions"), []string{
		string(model.GoalRevenue), string(model.GoalWon), string(model.GoalWonValue), string(model.GoalNewCustomers), string(model.GoalInteractions),
	}, string(m))
}
