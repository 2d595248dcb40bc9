package db_test

import (
	"context"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

// BenchmarkListPageApp is one page as the Customers screen asks for it
// (200 rows), by risk, by name and under a broad filter, without and
// with the tags the screen shows in a wide terminal.
func BenchmarkListPageApp(b *testing.B) {
	d, _ := openReference(b, false)
	for _, c := range []struct {
		name string
		q    db.CustomerQuery
	}{
		{"risk", db.CustomerQuery{Sort: db.SortRisk, Limit: 200}},
		{"name", db.CustomerQuery{Sort: db.SortName, Limit: 200}},
		{"tierA", db.CustomerQuery{Filter: model.ParseFilter("tier:A"), Sort: db.SortRisk, Limit: 200}},
	} {
		for _, tags := range []bool{false, true} {
			q := c.q
			q.Tags = tags
			name := c.name
			if tags {
				name += "+tags"
			}
			b.Run(name, func(b *testing.B) { benchPage(b, d, q) })
		}
	}
}

func benchPage(b *testing.B, d *db.DB, q db.CustomerQuery) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		rows, err := d.ListCustomers(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		if len(rows) != 200 {
			b.Fatalf("%d rows", len(rows))
		}
	}
}
