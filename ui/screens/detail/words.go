package detail

import (
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/reportview"
)

// The 360's words for the book's fixed values (lifecycles, interaction
// kinds, outcomes, directions), said in the reader's language. Each set
// is one catalog message of words split at "|" (i18n.Pick), so
// a word such as "email" keeps its own Chinese here (邮件, the kind)
// beside the same word elsewhere (邮箱, the field).

func lifecycleText(p *i18n.Printer, l model.Lifecycle) string {
	return pick(p.T("prospect|customer|churned"), []string{string(model.Prospect), string(model.Active), string(model.Churned)}, string(l))
}

func kindText(p *i18n.Printer, k model.InteractionKind) string {
	return reportview.KindWords(p, string(k))
}

func outcomeText(p *i18n.Printer, o model.Outcome) string {
	w := pick(p.T("replied|no_reply|positive|neutral|negative"), []string{string(model.OutcomeReplied), string(model.OutcomeNoReply),
		string(model.OutcomePositive), string(model.OutcomeNeutral), string(model.OutcomeNegative)}, string(o))
	return strings.ReplaceAll(w, "_", " ")
}

func directionText(p *i18n.Printer, d model.Direction) string {
	return pick(p.T("outbound|inbound|internal"), []string{string(model.Outbound), string(model.Inbound), string(model.Internal)}, string(d))
}

// dealStatusText is a closed deal's status (won, lost).
func dealStatusText(p *i18n.Printer, s model.DealStatus) string {
	return pick(p.T("open|won|lost"), []string{string(model.DealOpen), string(model.DealWon), string(model.DealLost)}, string(s))
}

// pick is i18n.Pick, cleaned (a value it does not know is the book's).
func pick(words string, values []string, value string) string {
	return common.Clean(i18n.Pick(words, values, value))
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
