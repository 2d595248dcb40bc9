package cli

import (
	"database/sql"
	"strings"
	"testing"
)

// TestMoneyBoundsAndOverflow (issue 27 item 4): an order beyond what any
// business books is refused with the bound in the message; amounts already
// stored beyond it (a hand edit, an older rapport) make check fail naming
// the rows, and no total wraps negative: the report says it cannot total
// them instead of showing a wrong number.
func TestMoneyBoundsAndOverflow(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Big Buyer")
	b.expect(ExitFailed, "larger than any one sale", "order", "Big Buyer", "50000000000000000")
	b.must("order", "Big Buyer", "999999999999") // under the bound: fine
	if out := b.must("check"); !strings.Contains(out, "amounts:      within bounds") {
		t.Errorf("check: %s", out)
	}

	// Two orders of 50,000,000,000,000,000.00 written past the store.
	raw, err := sql.Open("sqlite", "file:"+b.path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if _, err := raw.Exec(`INSERT INTO orders (customer_id, amount_minor, currency, ordered_at, note, created_at, updated_at)
			VALUES (1, 5000000000000000000, 'USD', ?, '', ?, ?)`, b.now.Unix()-86400, b.now.Unix(), b.now.Unix()); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	r := b.run("check")
	if r.code != ExitFailed || !strings.Contains(r.stdout, "2 out of bounds: order 2") || !strings.Contains(r.stderr, "correct or archive") {
		t.Errorf("check with out-of-bounds orders: %+v", r)
	}
	r = b.run("report", "--json")
	if strings.Contains(r.stdout, "-") && strings.Contains(r.stdout, "\"minor\": -") {
		t.Errorf("a total wrapped negative: %s", r.stdout)
	}
	if r.code == ExitOK {
		t.Errorf("report totalled amounts beyond int64 without saying so: %s", r.stdout)
	} else if !strings.Contains(r.stderr, "too large") {
		t.Errorf("report error does not say what is wrong: %+v", r)
	}
}
