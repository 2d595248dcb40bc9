package db_test

import (
	"context"
	"testing"
)

// BenchmarkPickCustomers is one answer of a form's customer picker on the
// reference book: 8 customers for what was typed, best first. It runs in
// a tea.Cmd after the typing pause, so it needs to be quick, not instant.
func BenchmarkPickCustomers(b *testing.B) {
	d, _ := openReference(b, false)
	ctx := context.Background()
	for _, text := range []string{"王", "王芳", "Coo", "Cooper", "a", "#4242"} {
		b.Run(text, func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				ps, err := d.PickCustomers(ctx, text, 8)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ps)
			}
			if n == 0 {
				b.Fatalf("%q matched nothing", text)
			}
		})
	}
}
