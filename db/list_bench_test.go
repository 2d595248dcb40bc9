package db_test

import (
	"context"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// BenchmarkListPageApp is one page as the Customers screen asks for it
// (200 rows), by risk, by name and under a broad filter, tags included.
func BenchmarkListPageApp(b *testing.B) {
	d, _ := openReference(b, false)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		q    db.CustomerQuery
	}{
		{"risk", db.CustomerQuery{Sort: db.SortRisk, Limit: 200}},
		{"name", db.CustomerQuery{Sort: db.SortName, Limit: 200}},
		{"tierA", db.CustomerQuery{Filter: model.ParseFilter("tier:A"), Sort: db.SortRisk, Limit: 200}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				rows, err := d.ListCustomers(ctx, c.q)
				if err != nil {
					b.Fatal(err)
				}
				if len(rows) != 200 {
					b.Fatalf("%d rows", len(rows))
				}
			}
		})
	}
}
