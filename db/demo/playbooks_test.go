package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// TestDemoShowsRuleMadeFollowups: the demo's history has follow-ups made
// by the default rules (first revisits, after-sale revisits, complaint
// callbacks), counted by the Playbooks view, and its first refresh does not
// take the book's whole history of risk for new episodes.
func TestDemoShowsRuleMadeFollowups(t *testing.T) {
	d, _ := build(t, filepath.Join(t.TempDir(), "demo.db"), 2000, 1)
	ctx := context.Background()
	rules, err := d.Playbooks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := d.PlaybookStats(ctx, 90)
	if err != nil {
		t.Fatal(err)
	}
	made := map[string]int{}
	for _, r := range rules {
		made[r.Practice] = stats[r.ID].Made
		if st := stats[r.ID]; st.Done > 0 && (st.OnTime == 0 || st.OnTime == st.Done) {
			t.Errorf("%s: %d of %d on time, want some late", r.Name, st.OnTime, st.Done)
		}
	}
	for _, p := range []string{model.PracticeFirstRevisit, model.PracticeAfterSale, model.PracticeComplaintCallback} {
		if made[p] < 5 {
			t.Errorf("%s made %d follow-ups in 90 days: %v", p, made[p], made)
		}
	}
	var atRisk, winBacks int
	d.Reader().QueryRow(`SELECT count(*) FROM customer_stats WHERE risk_level = 'at_risk' AND active = 1`).Scan(&atRisk)
	res, err := d.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if r.Practice == model.PracticeWinBack {
			d.Reader().QueryRow(`SELECT count(*) FROM followups WHERE playbook_id = ?`, r.ID).Scan(&winBacks)
		}
	}
	if atRisk == 0 || winBacks != 0 || res.Playbooks.AtRisk != 0 {
		t.Fatalf("%d at risk, %d win-back calls after the first refresh (%+v)", atRisk, winBacks, res.Playbooks)
	}
}
