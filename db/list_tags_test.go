package db

import (
	"context"
	"fmt"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// The list row carries the customer's tags, sorted, for every row of a
// page (the wide Customers view shows them; issue 21).
func TestListRowsCarryTags(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	vip, err := d.CreateCustomer(ctx, &model.Customer{Name: "Ada"}, []string{"vip", "Beta", "apac"})
	if err != nil {
		t.Fatal(err)
	}
	none := mustCustomer(t, d, "Bob")
	// More customers than one tag query covers.
	for i := 0; i < tagChunk+3; i++ {
		if _, err := d.CreateCustomer(ctx, &model.Customer{Name: fmt.Sprintf("Filler %04d", i)}, []string{fmt.Sprintf("t%d", i%3)}); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := d.ListCustomers(ctx, CustomerQuery{Sort: SortName, Limit: tagChunk + 10, Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != tagChunk+5 {
		t.Fatalf("%d rows", len(rows))
	}
	seen := 0
	for _, r := range rows {
		switch r.ID {
		case vip:
			if fmt.Sprint(r.Tags) != "[apac Beta vip]" {
				t.Errorf("Ada's tags %v", r.Tags)
			}
		case none:
			if len(r.Tags) != 0 {
				t.Errorf("Bob's tags %v", r.Tags)
			}
		default:
			if len(r.Tags) != 1 {
				t.Errorf("%s's tags %v", r.Name, r.Tags)
			}
			seen++
		}
	}
	if seen != tagChunk+3 {
		t.Fatalf("%d fillers", seen)
	}
	plain, err := d.ListCustomers(ctx, CustomerQuery{Sort: SortName, Limit: 1})
	if err != nil || len(plain) != 1 || plain[0].Tags != nil {
		t.Fatalf("without Tags: %+v %v", plain, err)
	}
	// A filter on a tag still lists every tag of the customer.
	rows, err = d.ListCustomers(ctx, CustomerQuery{Filter: model.ParseFilter("#vip"), Limit: 10, Tags: true})
	if err != nil || len(rows) != 1 || len(rows[0].Tags) != 3 {
		t.Fatalf("#vip: %+v %v", rows, err)
	}
}
