package reportview

import (
	"strings"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/chart"
)

// riskCheck shows how the risk ranking did on this book (SPEC §3): the
// customers scored as of T − H with weights fitted as of T − 2H, against
// what they did in the H days since.
func riskCheck(w *writer, r db.Report) {
	c := r.RiskCheck
	switch {
	case c.Checked == "":
		w.head(sectionHead(w.p, "RISK CHECK"), w.p.T("not made yet: the next refresh fits the risk model and checks it"))
		return
	case !c.Shown:
		w.head(sectionHead(w.p, "RISK CHECK"), w.p.T("needs %d customers with an order by %s; this book has %d", 50, clean(c.ScoredAsOf), c.Customers))
		weightsInWords(w, c.WordsIn(w.p))
		return
	}
	w.head(sectionHead(w.p, "RISK CHECK"), w.p.T("scored as of %s with weights of %s", clean(c.ScoredAsOf), clean(c.FittedAsOf)))
	w.field(w.p.T("Ranking"), w.p.T("AUC %.2f vs %.2f for days since last order", c.AUC, c.RecencyAUC))
	w.field(w.p.T("Customers"), w.p.T("%d had ordered · %d then did not order for %d d", c.Customers, c.Lapsed, c.HorizonDays))
	w.field(w.p.T("At risk"), w.p.T("%d flagged · precision %s · recall %s", c.AtRisk, c.Precision.Percent(), c.Recall.Percent()))
	weightsInWords(w, c.WordsIn(w.p))
	b := c.Weights
	w.field(w.p.T("Fitted"), w.p.T("%s on %s · b %.2f %.2f %.2f %.2f",
		clean(c.Checked), w.count(c.Training, i18n.N("%d customer"), i18n.N("%d customers")), b.Intercept, b.Recency, b.Frequency, b.Value))
}

// weightsInWords writes the weights in words, wrapped under their label.
func weightsInWords(w *writer, words string) {
	avail := max(w.width-18, 20) // "  " + a 15-cell label + " "
	label := w.p.T("Weights")
	line := ""
	for _, word := range strings.Fields(clean(words)) {
		if line != "" && chart.Width(line)+1+chart.Width(word) > avail {
			w.field(label, line)
			label, line = "", ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		w.field(label, line)
	}
}
