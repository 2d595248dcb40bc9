package ui

import (
	"testing"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// In the 360, > moves a deal to the next stage, w marks it won (recording
// the order), < on the closed deal reopens it and X marks it lost with the
// reason the form asks for; each through the deal form, confirmed with
// ctrl+s, and one u undoes each (issue 21).
func TestDetailMovesWinsReopensAndLosesADeal(t *testing.T) {
	d, f := pipelineBook(t)
	a := newTestApp(t, d, 120, 40)
	det := openDetailOf(t, a, f.Olivia)
	mustContain(t, plain(a), "Recently closed deals (1)") // Starter pack, won
	selectDetailItem(t, a, det, common.KindDeal, "Renewal 2027")

	before := testbook.HistoryCount(t, d, f.Renewal)
	openForm(t, a, ">")
	mustContain(t, plain(a), "Move deal · Renewal 2027")
	press(t, a, "ctrl+s")
	mustClose(t, a)
	if stage, st := testbook.DealStage(t, d, f.Renewal); stage != f.StageNamed(t, "Qualified").ID || st != model.DealOpen {
		t.Fatalf("after > the deal is in stage %d (%s)", stage, st)
	}
	if n := testbook.HistoryCount(t, d, f.Renewal); n != before+1 {
		t.Fatalf("history rows %d, want %d", n, before+1)
	}
	mustContain(t, a.Status(), `Moved "Renewal 2027" to Qualified`)
	mustContain(t, plain(a), "Renewal 2027 · Qualified")

	selectDetailItem(t, a, det, common.KindDeal, "Renewal 2027")
	openForm(t, a, "w")
	mustContain(t, plain(a), "Mark won · Renewal 2027")
	press(t, a, "ctrl+s")
	mustClose(t, a)
	if _, st := testbook.DealStage(t, d, f.Renewal); st != model.DealWon {
		t.Fatalf("after w the deal is %s", st)
	}
	if n := count(t, d, `SELECT count(*) FROM orders WHERE deal_id = ? AND amount_minor = 1200000`, f.Renewal); n != 1 {
		t.Fatalf("%d orders for the won deal, want 1", n)
	}
	mustContain(t, a.Status(), `Won "Renewal 2027": order of`)
	mustContain(t, plain(a), "Recently closed deals (2)")

	// The closed deal is listed; < reopens it into the last open stage.
	selectDetailItem(t, a, det, common.KindDeal, "Renewal 2027")
	press(t, a, ">")
	mustContain(t, a.Status(), "< reopens it")
	openForm(t, a, "<")
	mustContain(t, plain(a), "Reopen deal · Renewal 2027")
	press(t, a, "ctrl+s")
	mustClose(t, a)
	if stage, st := testbook.DealStage(t, d, f.Renewal); stage != f.StageNamed(t, "Negotiation").ID || st != model.DealOpen {
		t.Fatalf("after < the deal is in stage %d (%s)", stage, st)
	}
	mustContain(t, a.Status(), `Reopened "Renewal 2027" in Negotiation`)

	// X asks for the reason in the form; none is refused beside the field.
	selectDetailItem(t, a, det, common.KindDeal, "Renewal 2027")
	openForm(t, a, "X")
	mustContain(t, plain(a), "Mark lost · Renewal 2027")
	press(t, a, "ctrl+s")
	if fm := a.EditorForm(); fm == nil || fm.FieldError("reason") == "" {
		t.Fatalf("lost without a reason was not refused:\n%s", plain(a))
	}
	press(t, a, "no budget", "ctrl+s")
	mustClose(t, a)
	dl, err := d.Deal(t.Context(), f.Renewal)
	if err != nil {
		t.Fatal(err)
	}
	if dl.Status != model.DealLost || dl.LostReason != "no budget" {
		t.Fatalf("after X the deal is %s (%q)", dl.Status, dl.LostReason)
	}
	// u takes back the loss alone.
	press(t, a, "u")
	if _, st := testbook.DealStage(t, d, f.Renewal); st != model.DealOpen {
		t.Fatalf("undo left the deal %s", st)
	}
}

// The deal form's Stage field reopens a closed deal (e on a won deal in
// the 360, ← to Negotiation, ctrl+s) and moves an open one, in the same
// command as the other fields.
func TestDealFormStageReopensAndMoves(t *testing.T) {
	d, f := pipelineBook(t)
	a := newTestApp(t, d, 120, 40)
	det := openDetailOf(t, a, f.Olivia)
	selectDetailItem(t, a, det, common.KindDeal, "Starter pack")
	fm := openForm(t, a, "e")
	if got := fm.Value("stage"); got != "Won" {
		t.Fatalf("stage field %q, want Won", got)
	}
	for fm.Focused() != "stage" {
		press(t, a, "tab")
		fm = a.EditorForm()
	}
	press(t, a, "left")
	if got := a.EditorForm().Value("stage"); got != "Negotiation" {
		t.Fatalf("← gave %q", got)
	}
	press(t, a, "ctrl+s")
	mustClose(t, a)
	dl, err := d.Deal(t.Context(), f.Starter)
	if err != nil {
		t.Fatal(err)
	}
	if dl.Status != model.DealOpen || dl.StageID != f.StageNamed(t, "Negotiation").ID || dl.ClosedAt != 0 {
		t.Fatalf("after reopening: %+v", dl)
	}
	mustContain(t, a.Status(), `Reopened "Starter pack" in Negotiation`)

	// On the board too: e on a card, the title changed and the stage moved
	// in one save.
	a2, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a2, p, f.Fleet)
	press(t, a2, "e")
	press(t, a2, "ctrl+a", "ctrl+k", "Fleet upgrade II")
	for a2.EditorForm().Focused() != "stage" {
		press(t, a2, "tab")
	}
	press(t, a2, "right", "ctrl+s")
	mustClose(t, a2)
	dl, err = d.Deal(t.Context(), f.Fleet)
	if err != nil {
		t.Fatal(err)
	}
	if dl.Title != "Fleet upgrade II" || dl.StageID != f.StageNamed(t, "Proposal").ID {
		t.Fatalf("after the form: %q in stage %d", dl.Title, dl.StageID)
	}
	if r, _ := p.Selected(); r.ID != f.Fleet {
		t.Fatalf("the board's cursor is on %q", r.Title)
	}
}
