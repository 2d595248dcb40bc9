package reportview

import (
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// The RISK section names reasons in words, never as codes, and groups its
// counts.
func TestRiskReasonsInWords(t *testing.T) {
	r := db.Report{Period: db.Period{From: model.DayFromYMD(2026, 1, 1), To: model.DayFromYMD(2026, 1, 30)}}
	r.Risk = db.RiskSummary{AtRisk: 4729, Watch: 12, Active: 100000, Reasons: []db.Count{
		{Name: model.ReasonNoOrder, Count: 2400}, {Name: "order_gap", Count: 3}, {Name: "no_reply", Count: 2},
		{Name: model.ReasonFewOrders, Count: 1}, {Name: model.ReasonSmallOrders, Count: 1}, {Name: model.ReasonLapseBase, Count: 1},
		{Name: model.ReasonStalledDeal, Count: 1}, {Name: "some_new_code", Count: 1}}}
	out := Render(r, 200)
	for _, want := range []string{"at risk 4,729 · watch 12 · of 100,000 active customers", "no recent order 2,400", "order gap 3",
		"no reply 2", "few orders 1", "small orders 1", "like lapsed customers 1", "stalled deal 1", "some new code 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("render lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "_") {
		t.Errorf("a code with _ is shown:\n%s", out)
	}
}
