package detail

import (
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// The 360's words for the book's fixed values (lifecycles, interaction
// kinds, outcomes, directions), said in the reader's language. A value the
// switch does not know is shown as stored, cleaned.

func lifecycleText(p *i18n.Printer, l model.Lifecycle) string {
	switch l {
	case model.Prospect:
		return p.T("prospect")
	case model.Active:
		return p.T("customer")
	case model.Churned:
		return p.T("churned")
	}
	return common.Clean(string(l))
}

func kindText(p *i18n.Printer, k model.InteractionKind) string {
	switch k {
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
	return common.Clean(string(k))
}

func outcomeText(p *i18n.Printer, o model.Outcome) string {
	switch o {
	case model.OutcomeReplied:
		return p.T("replied")
	case model.OutcomeNoReply:
		return p.T("no reply")
	case model.OutcomePositive:
		return p.T("positive")
	case model.OutcomeNeutral:
		return p.T("neutral")
	case model.OutcomeNegative:
		return p.T("negative")
	}
	return common.Clean(strings.ReplaceAll(string(o), "_", " "))
}

func directionText(p *i18n.Printer, d model.Direction) string {
	switch d {
	case model.Outbound:
		return p.T("outbound")
	case model.Inbound:
		return p.T("inbound")
	case model.Internal:
		return p.T("internal")
	}
	return common.Clean(string(d))
}

// dealStatusText is a closed deal's status (won, lost).
func dealStatusText(p *i18n.Printer, s model.DealStatus) string {
	switch s {
	case model.DealWon:
		return p.T("won")
	case model.DealLost:
		return p.T("lost")
	}
	return common.Clean(string(s))
}

// whenText is an interaction's moment: "Mon 2006-01-02 15:04", in Chinese
// "2006-01-02 周一 15:04".
func whenText(p *i18n.Printer, t time.Time) string {
	if !p.Zh() {
		return t.Format("Mon 2006-01-02 15:04")
	}
	return t.Format("2006-01-02 ") + [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}[t.Weekday()] + t.Format(" 15:04")
}

// padCells pads s with spaces to w cells (it never cuts, as %-10s did not).
func padCells(s string, w int) string {
	if n := common.Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
