package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
	"github.com/rapportcrm/rapport/ui/screens/detail"
)

func TestPipelineMoveNextRecordsHistoryAndUndoRestores(t *testing.T) {
	for _, k := range []string{">", "shift+right"} {
		t.Run(k, func(t *testing.T) {
			d, f := pipelineBook(t)
			a, p := pipelineApp(t, d, 160, 40)
			selectDeal(t, a, p, f.Renewal)
			before := testbook.HistoryCount(t, d, f.Renewal)
			pressKeys(t, a, k)
			stage, status := testbook.DealStage(t, d, f.Renewal)
			if stage != f.StageNamed(t, "Qualified").ID || status != model.DealOpen {
				t.Fatalf("after %s the deal is in stage %d (%s)", k, stage, status)
			}
			if n := testbook.HistoryCount(t, d, f.Renewal); n != before+1 {
				t.Fatalf("history rows %d, want %d", n, before+1)
			}
			// The cursor followed the card; its rotting clock restarted.
			r, ok := p.Selected()
			if _, st := p.Focus(); !ok || r.ID != f.Renewal || st.Name != "Qualified" {
				t.Fatalf("cursor on %q in %s", r.Title, st.Name)
			}
			if r.Rotting || r.DaysInStage != 0 {
				t.Fatalf("moved card still rotting: %+v", r)
			}
			mustContain(t, a.Status(), `Moved "Renewal 2027" to Qualified`)
			// u through the app undoes the whole move.
			pressKeys(t, a, "u")
			if stage, _ := testbook.DealStage(t, d, f.Renewal); stage != f.StageNamed(t, "Lead").ID {
				t.Fatalf("undo left the deal in stage %d", stage)
			}
			if n := testbook.HistoryCount(t, d, f.Renewal); n != before {
				t.Fatalf("undo left %d history rows, want %d", n, before)
			}
			if r, _ := p.Selected(); r.ID != f.Renewal {
				t.Fatalf("after undo the cursor is on %q", r.Title)
			}
			if _, st := p.Focus(); st.Name != "Lead" {
				t.Fatalf("after undo the focus is on %s", st.Name)
			}
		})
	}
}

func TestPipelineNewDealInFocusedStage(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	pressKeys(t, a, "l", "n")
	mustContain(t, plain(a), "New deal in Qualified")
	if a.Mode() != common.ModeForm {
		t.Fatalf("mode %v with the form open", a.Mode())
	}
	// Unknown customer: the error stands beside the field, nothing is written.
	pressKeys(t, a, "Nobody", "tab", "Gears", "tab", "$5k", "ctrl+s")
	mustContain(t, plain(a), "no such customer")
	if a.EditorForm() == nil {
		t.Fatal("the form closed on an error")
	}
	// Fix the customer (the focus is back on it): a unique prefix works.
	for range len("Nobody") {
		pressKeys(t, a, "backspace")
	}
	pressKeys(t, a, "acme", "ctrl+s")
	if a.EditorForm() != nil {
		t.Fatalf("form still open:\n%s", plain(a))
	}
	r, ok := p.Selected()
	if _, st := p.Focus(); !ok || r.Title != "Gears" || st.Name != "Qualified" || r.CustomerID != f.Acme || r.ValueMinor != 500000 || r.Currency != "USD" {
		t.Fatalf("new deal %+v in %s", r, st.Name)
	}
	mustContain(t, a.Status(), `Deal "Gears" added to Qualified for Acme Ltd`)
	// u undoes the creation.
	pressKeys(t, a, "u")
	if strings.Contains(ansi.Strip(p.View()), "Gears") {
		t.Fatal("undo left the new deal on the board")
	}
	// Bad money is refused beside the field; esc over typed text asks first.
	pressKeys(t, a, "n", "Olivia", "tab", "X", "tab", "12 apples", "ctrl+s")
	mustContain(t, plain(a), "✗")
	if a.EditorForm() == nil {
		t.Fatal("bad money closed the form")
	}
	pressKeys(t, a, "esc")
	mustContain(t, plain(a), "Discard")
	pressKeys(t, a, "y")
	if a.EditorForm() != nil {
		t.Fatal("y did not discard")
	}
	// n on Won says where deals can be added.
	for range 4 {
		pressKeys(t, a, "l")
	}
	pressKeys(t, a, "n")
	mustContain(t, a.Status(), "n adds a deal to an open stage")
}

func TestPipelineEditDeal(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.BigRenewal)
	pressKeys(t, a, "e")
	mustContain(t, plain(a), "Edit deal · Big renewal")
	mustContain(t, plain(a), "$120,000.00")
	pressKeys(t, a, " 2028", "tab")
	for range len("$120,000.00") {
		pressKeys(t, a, "backspace")
	}
	pressKeys(t, a, "150k EUR", "ctrl+s")
	dl, err := d.Deal(context.Background(), f.BigRenewal)
	if err != nil {
		t.Fatal(err)
	}
	if dl.Title != "Big renewal 2028" || dl.ValueMinor != 15000000 || dl.Currency != "EUR" {
		t.Fatalf("saved %q %d %s", dl.Title, dl.ValueMinor, dl.Currency)
	}
	if r, _ := p.Selected(); r.ID != f.BigRenewal {
		t.Fatalf("cursor on %q", r.Title)
	}
	// A field changed elsewhere since the form opened, and changed in the
	// form too, is not overwritten: the form asks. (A change to other
	// fields merges: TestDealConflictMergesAMoveMadeElsewhere.)
	pressKeys(t, a, "e")
	if _, err := d.MoveDeal(context.Background(), f.BigRenewal, f.StageNamed(t, "Proposal").ID, "", false); err != nil {
		t.Fatal(err)
	}
	elsewhere, err := d.Deal(context.Background(), f.BigRenewal)
	if err != nil {
		t.Fatal(err)
	}
	elsewhere.Title = "Big renewal 2029"
	if err := d.Write(context.Background(), "retitle", func(tx *db.Tx) error { return tx.UpdateDeal(&elsewhere) }); err != nil {
		t.Fatal(err)
	}
	pressKeys(t, a, "X", "ctrl+s")
	if a.EditorForm() == nil || !a.EditorForm().InConflict() {
		t.Fatalf("conflict not reported:\n%s", plain(a))
	}
	mustContain(t, plain(a), "changed since you opened it (title)")
	if dl, _ := d.Deal(context.Background(), f.BigRenewal); dl.Title != "Big renewal 2029" {
		t.Fatalf("conflicting edit saved %q", dl.Title)
	}
	// r reloads: the form shows the deal as the file holds it now (every
	// form does this, the board's too), and the board under it follows
	// the deal to its new stage.
	pressKeys(t, a, "r")
	if a.EditorForm() == nil || a.EditorForm().InConflict() || a.EditorForm().Value("title") != "Big renewal 2029" {
		t.Fatalf("r did not reload the form:\n%s", plain(a))
	}
	mustContain(t, a.Status(), "Reloaded")
	if _, st := p.Focus(); st.Name != "Proposal" {
		t.Fatalf("after reload the focus is on %s", st.Name)
	}
	pressKeys(t, a, "esc")
	if a.Editing() {
		t.Fatal("esc on the reloaded form did not close it")
	}
}

func TestPipelineEnterOpensTheCustomer(t *testing.T) {
	d, f := pipelineBook(t)
	a, p := pipelineApp(t, d, 160, 40)
	selectDeal(t, a, p, f.Fleet)
	pressKeys(t, a, "enter")
	if _, ok := a.Focused().(*detail.Model); !ok {
		t.Fatalf("enter shows %T", a.Focused())
	}
	mustContain(t, plain(a), "Acme Ltd")
	pressKeys(t, a, "esc")
	if a.Focused() != Screen(p) {
		t.Fatal("esc did not come back to the board")
	}
	if r, _ := p.Selected(); r.ID != f.Fleet {
		t.Fatalf("back on %q", r.Title)
	}
}

func TestPipelineHelpListsEveryKey(t *testing.T) {
	d, _ := pipelineBook(t)
	a, _ := pipelineApp(t, d, 80, 24)
	pressKeys(t, a, "?")
	out := plain(a)
	for _, k := range []string{"←/h", "→/l", "> ", "< ", "w ", "X ", "z ", "c/space", "n ", "e ", "enter", "/ ", "u "} {
		mustContain(t, out, k)
	}
	lines := strings.Split(out, "\n")
	mustNotContain(t, strings.Join(lines[:len(lines)-1], "\n"), "…") // the footer may be cut, the help not
}

func TestPipelineLayoutFitsEverySize(t *testing.T) {
	d, _ := pipelineBook(t)
	states := map[string][]string{
		"board":  nil,
		"filter": {"/", "王"},
		"won":    {"l", "w"},
		"lost":   {"X"},
		"new":    {"n", "Acme", "tab", "A long deal title that will not fit anywhere narrow"},
		"snooze": {"j", "z", "fri"},
		"closed": {"l", "l", "l", "l", "c"},
	}
	sizes := gridSizes()
	for name, keys := range states {
		a, p := pipelineApp(t, d, 160, 40)
		pressKeys(t, a, keys...)
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			for who, out := range map[string]string{"app": frameOf(a, w, h), "screen": func() string { p.SetSize(w, h); return p.View() }()} {
				if bad := screentest.Fits(out, w, h); bad != "" {
					t.Fatalf("%s %s at %dx%d: %s", name, who, w, h, bad)
				}
			}
		}
	}
}
