package db

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// A customer named like a number can be reached; "#N" is always an id; a
// missing id never falls through to a name prefix (issue 27 item 11).
func TestFindCustomerNumbersAndNames(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	first := mustCustomer(t, d, "Acme") // id 1
	named := mustCustomer(t, d, "1")    // a customer called "1"
	solo := mustCustomer(t, d, "42")    // id 3, called "42"
	mustCustomer(t, d, "99999 Corp")    // a name starting with a number
	if c, err := d.FindCustomer(ctx, "#1"); err != nil || c.ID != first {
		t.Errorf("#1: %+v %v", c, err)
	}
	var amb *AmbiguousError
	if _, err := d.FindCustomer(ctx, "1"); !errors.As(err, &amb) || len(amb.Candidates) != 2 || !strings.Contains(err.Error(), "#ID") {
		t.Errorf(`"1" (id 1 and a customer named "1"): %v`, err)
	}
	if c, err := d.FindCustomer(ctx, "42"); err != nil || c.ID != solo {
		t.Errorf(`"42" (only a name): %+v %v`, c, err)
	}
	if c, err := d.FindCustomer(ctx, "#2"); err != nil || c.ID != named {
		t.Errorf("#2: %+v %v", c, err)
	}
	if _, err := d.FindCustomer(ctx, "99999"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf(`"99999" fell through to a name prefix: %v`, err)
	}
	if c, err := d.FindCustomer(ctx, "99999 C"); err != nil || c.Name != "99999 Corp" {
		t.Errorf("a prefix that is not a number still works: %+v %v", c, err)
	}
	if _, err := d.FindCustomer(ctx, "#x"); err == nil {
		t.Error("#x accepted")
	}
}
