package ui

import (
	"testing"
	"time"

	"github.com/rapportcrm/rapport/ui/internal/testbook"
	"github.com/rapportcrm/rapport/ui/internal/tmuxtest"
)

// TestPipelineTmux drives the built binary in a real terminal (tmux): it
// opens the board, moves a card with >, checks the file, and undoes with u.
func TestPipelineTmux(t *testing.T) {
	tmuxtest.Available(t)
	d, f := pipelineBook(t)
	bin := tmuxtest.Build(t)
	s := tmuxtest.Start(t, 160, 40, []string{"TZ=UTC", "NO_COLOR=1", "RAPPORT_NOW=" + fixtureNow.Format(time.RFC3339)}, bin, "--db", d.Path())
	inFile := func(what string, ok func() bool) {
		t.Helper()
		s.WaitUntil(what, func(string) bool { return ok() })
	}
	s.WaitFor("3 Pipeline")
	s.Keys("3")
	// Today lists the rotting Renewal 2027 too: wait for the board itself
	// (its folded Won column), or j may reach a board still loading.
	s.WaitFor("Renewal 2027", "▸ Won")
	// Lead holds Pilot (overdue next step) first, then Renewal 2027.
	s.Keys("j")
	s.WaitFor("›  Renewal 2027")
	s.Text(">")
	qualified := f.StageNamed(t, "Qualified").ID
	lead := f.StageNamed(t, "Lead").ID
	inFile("the move in the file", func() bool { st, _ := testbook.DealStage(t, d, f.Renewal); return st == qualified })
	s.WaitFor(`Moved "Renewal 2027" to Qualified`)
	s.Keys("u")
	inFile("the undo in the file", func() bool { st, _ := testbook.DealStage(t, d, f.Renewal); return st == lead })
	s.WaitFor("Undone")
	s.Keys("q")
	s.WaitGone()
}
