package db

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

func TestReopenAfterClose(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
	for i := 0; i < 3; i++ {
		d, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		if _, err := d.CreateCustomer(ctx, &model.Customer{Name: "x"}, nil); err != nil {
			t.Fatal(err)
		}
		d.Close()
	}
	d, err := Open(ctx, path, Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var n int
	d.r.QueryRow(`SELECT count(*) FROM customers`).Scan(&n)
	if n != 3 {
		t.Fatalf("%d customers", n)
	}
}
