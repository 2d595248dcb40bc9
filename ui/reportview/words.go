package reportview

import (
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// EnumWord says value, one of values, with the word at its place in
// words: a catalog message of words split at "|", said in the reader's
// language ("call|email|…" → "电话|邮件|…"). One message per set keeps a
// word its meaning in that set (the kind "email" is 邮件, the field 邮箱).
// A value not in values reads as stored, cleaned.
func EnumWord(words string, values []string, value string) string {
	ws := strings.Split(words, "|")
	for i, v := range values {
		if v == value && i < len(ws) {
			return ws[i]
		}
	}
	return clean(value)
}

// KindWords is an interaction kind in p's language.
func KindWords(p *i18n.Printer, kind string) string {
	return EnumWord(p.T("call|email|meeting|message|visit|note|complaint|feedback"), []string{
		string(model.KindCall), string(model.KindEmail), string(model.KindMeeting), string(model.KindMessage),
		string(model.KindVisit), string(model.KindNote), string(model.KindComplaint), string(model.KindFeedback),
	}, kind)
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
