package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/screens/pipeline"
)

// pipelineApp opens the app over d at w×h on the Pipeline tab.
func pipelineApp(t testing.TB, d *db.DB, w, h int) (*App, *pipeline.Model) {
	t.Helper()
	a := newTestApp(t, d, w, h)
	pressKeys(t, a, "3")
	p, ok := a.Focused().(*pipeline.Model)
	if !ok {
		t.Fatalf("3 shows %T, not the pipeline", a.Focused())
	}
	if strings.Contains(ansi.Strip(p.View()), "Loading the pipeline") {
		t.Fatal("the board did not load")
	}
	return a, p
}

// pressKeys is press (the board's tests read better with its name).
func pressKeys(t testing.TB, a *App, keys ...string) {
	t.Helper()
	press(t, a, keys...)
}

// selectDeal puts the cursor on a deal by pressing keys as a user would:
// h to the first column, then column by column (c unfolds Won and Lost),
// g to the top and j down until the deal is under the cursor.
func selectDeal(t testing.TB, a *App, p *pipeline.Model, id int64) {
	t.Helper()
	for range 20 {
		pressKeys(t, a, "h")
	}
	for col := 0; col < 20; col++ {
		if _, ok := p.Selected(); !ok {
			pressKeys(t, a, "c") // a folded Won or Lost
		}
		pressKeys(t, a, "g")
		var last int64 = -1
		for {
			got, ok := p.Selected()
			if ok && got.ID == id {
				return
			}
			if !ok || got.ID == last {
				break
			}
			last = got.ID
			pressKeys(t, a, "j")
		}
		before, _ := p.Focus()
		pressKeys(t, a, "l")
		if after, _ := p.Focus(); after == before {
			break
		}
	}
	t.Fatalf("deal %d is not on the board", id)
}
