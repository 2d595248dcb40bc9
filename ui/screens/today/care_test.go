package today

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// TestTodayCareSection: a tier A contact's birthday in two days, a tier B
// anniversary today and a tier C birthday (not shown) — the Care section
// lists the first two after Due for a touch; i on a Care row logs for its
// customer, m asks for a message with the row's purpose first, and x (a
// follow-up key) says why it does not apply.
func TestTodayCareSection(t *testing.T) {
	d, f := testbook.Book(t) // 2026-11-23
	ctx := context.Background()
	if err := d.Write(ctx, "care", func(tx *db.Tx) error {
		jane, err := tx.CreateContact(&model.Contact{CustomerID: f.Olivia, Name: "Jane"})
		if err != nil {
			return err
		}
		if err := tx.SetCareDay(f.Olivia, jane, model.CareBirthday, "1980-11-25"); err != nil {
			return err
		}
		if err := tx.SetCareDay(f.Acme, 0, model.CareAnniversary, "2020-11-23"); err != nil {
			return err
		}
		return tx.SetCareDay(f.Muller, 0, model.CareBirthday, "--11-24")
	}); err != nil {
		t.Fatal(err)
	}
	a, _ := screentest.Open(t, d, 100, 40, New)
	v := a.Plain()
	screentest.MustContain(t, v, "Care (2)")
	screentest.MustContain(t, v, "* today        Acme Ltd")
	screentest.MustContain(t, v, "anniversary (6 years) · Mon 23 Nov")
	screentest.MustContain(t, v, "* in 2 d       Olivia Brown")
	screentest.MustContain(t, v, "Jane's birthday (46) · Wed 25 Nov")
	screentest.MustNotContain(t, v[strings.Index(v, "Care (2)"):], "Müller")
	a.Press("G") // the last row: Olivia's birthday
	a.Press("i")
	if len(a.Requests) != 1 || a.Requests[0].Action != common.ActLog || a.Requests[0].Sel.CustomerID != f.Olivia {
		t.Fatalf("i on a Care row asked for %+v", a.Requests)
	}
	a.Press("m")
	if len(a.Requests) != 2 || a.Requests[1].Action != common.ActMessage || a.Requests[1].Sel.Purpose != model.PurposeBirthday {
		t.Fatalf("m on a Care row asked for %+v", a.Requests[1:])
	}
	a.Press("x")
	screentest.MustContain(t, a.Status(), "x marks a follow-up done")
	// m applies on a follow-up too; not on a rotting deal.
	a.Press("g", "m")
	if r := a.Requests[len(a.Requests)-1]; r.Action != common.ActMessage || r.Sel.Kind != common.KindFollowup {
		t.Fatalf("m on the overdue follow-up asked for %+v", r)
	}
	n := len(a.Requests)
	a.Press("j", "j", "j", "j", "m") // the rotting deal
	if len(a.Requests) != n {
		t.Fatalf("m on a deal asked for %+v", a.Requests[n:])
	}
	screentest.MustContain(t, a.Status(), "m writes a message from a template")
}

// TestTodayCareNoneFits: with nothing coming the section says none, and
// every frame keeps its size at the small sizes.
func TestTodayCareNoneFits(t *testing.T) {
	d, _ := testbook.Book(t)
	for _, sz := range [][2]int{{40, 12}, {80, 24}} {
		a, _ := screentest.Open(t, d, sz[0], sz[1], New)
		a.Press("G")
		screentest.MustContain(t, a.Plain(), "Care · none")
	}
}
