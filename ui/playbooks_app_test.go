package ui

import (
	"testing"

	"github.com/rapportcrm/rapport/ui/screens/playbooks"
	"github.com/rapportcrm/rapport/ui/screens/reports"
)

// TestPlaybooksFromReports: b on Reports opens the Playbooks screen over
// it, space switches the selected rule on (the fixture has them off), u
// undoes that, esc goes back.
func TestPlaybooksFromReports(t *testing.T) {
	d, _ := reportsBook(t)
	a, _ := reportsApp(t, d, 100, 30)
	press(t, a, "?")
	mustContain(t, plain(a), "b playbooks")
	press(t, a, "esc", "b")
	if _, ok := a.Focused().(*playbooks.Model); !ok {
		t.Fatalf("b shows %T", a.Focused())
	}
	mustContain(t, plain(a), "First revisit")
	mustContain(t, plain(a), "space/o switch on/off")
	press(t, a, "space")
	mustContain(t, plain(a), "First revisit is on")
	if p, err := d.FindPlaybook(a.c.Ctx, "First revisit"); err != nil || !p.Enabled {
		t.Fatalf("after space: %+v %v", p, err)
	}
	press(t, a, "u")
	if p, err := d.FindPlaybook(a.c.Ctx, "First revisit"); err != nil || p.Enabled {
		t.Fatalf("after undo: %+v %v (%s)", p, err, plain(a))
	}
	press(t, a, "esc")
	if _, ok := a.Focused().(*reports.Model); !ok {
		t.Fatalf("esc shows %T", a.Focused())
	}
}

// TestEditARuleFromPlaybooks: e opens the rule's form; a new title and
// delay are saved as one command, the list shows them, u undoes.
func TestEditARuleFromPlaybooks(t *testing.T) {
	d, _ := reportsBook(t)
	a, _ := reportsApp(t, d, 100, 30)
	press(t, a, "b", "e")
	if a.EditorForm() == nil {
		t.Fatalf("e opened no form:\n%s", plain(a))
	}
	mustContain(t, plain(a), "Edit rule")
	press(t, a, "tab", "tab", "tab", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "Call them", "tab", "ctrl+a", "ctrl+k", "2d", "ctrl+s")
	if a.EditorForm() != nil {
		t.Fatalf("the form stayed open:\n%s", plain(a))
	}
	p, err := d.FindPlaybook(a.c.Ctx, "First revisit")
	if err != nil || p.Title != "Call them" || p.AfterDays != 2 {
		t.Fatalf("saved %+v %v\n%s", p, err, plain(a))
	}
	mustContain(t, plain(a), "Rule saved: First revisit")
	mustContain(t, plain(a), "customer added → Call them +2 d")
	press(t, a, "u")
	if p, _ := d.FindPlaybook(a.c.Ctx, "First revisit"); p.Title != "First revisit" || p.AfterDays != 3 {
		t.Fatalf("after undo %+v", p)
	}
}
