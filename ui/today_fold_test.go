package ui

import (
	"context"
	"fmt"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// A busy morning: more overdue follow-ups than the screen holds. Every
// section still shows (the long one folded to its first rows), and space
// opens the section under the cursor and folds it again.
func TestTodayFoldsLongSections(t *testing.T) {
	d, clk := openBook(t)
	ctx := context.Background()
	for i := 0; i < 30; i++ {
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: fmt.Sprintf("Customer %02d", i)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Write(ctx, "f", func(tx *db.Tx) error {
			_, err := tx.CreateFollowup(&model.Followup{CustomerID: id, Title: fmt.Sprintf("Chase %02d", i), Due: model.DayOf(clk.t).AddDays(-1 - i)})
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	a := newTestApp(t, d, 80, 24)
	v := plain(a)
	mustContain(t, v, "Overdue follow-ups (30)")
	mustContain(t, v, "… 25 more · space shows them")
	mustContain(t, v, "Due for a touch")
	press(t, a, " ")
	v = plain(a)
	mustNotContain(t, v, "space shows them")
	mustContain(t, v, "Chase 20")
	press(t, a, " ")
	mustContain(t, plain(a), "… 25 more · space shows them")
}
