package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
)

// Issue 21, expected: a form opened where no customer is fixed asks for
// one, and typing part of the name lists the customers with their company,
// so two 王伟 are told apart. With nothing due on Today, i opens the log
// form with a customer field; 王伟 lists both, ↓ and enter pick the second,
// and the interaction is saved on that customer.
func TestPickTheSecondWangWei(t *testing.T) {
	d, _ := openBook(t)
	ctx := context.Background()
	add := func(name, company string, tier model.Tier) int64 {
		t.Helper()
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: name, Company: company, Tier: tier, TierPinned: true}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	huawei := add("王伟", "华为", model.TierA)
	tencent := add("王伟", "腾讯", model.TierB)
	add("Amy Lee", "Globex", model.TierC)
	a := newTestApp(t, d, 100, 30)
	press(t, a, "1")
	if a.Active() != common.ScreenToday {
		t.Fatalf("on %q", a.Active())
	}
	press(t, a, "i")
	if a.EditorForm() == nil {
		t.Fatalf("i with nothing due opened no form:\n%s", plain(a))
	}
	if f := a.EditorForm().Focused(); f != "customer" {
		t.Fatalf("the form opens on %q, want the customer field", f)
	}
	press(t, a, "王伟")
	out := plain(a)
	mustContain(t, out, "› 王伟 · 华为 · A")
	mustContain(t, out, "  王伟 · 腾讯 · B")
	mustNotContain(t, out, "Amy Lee")
	press(t, a, "down")
	mustContain(t, plain(a), "› 王伟 · 腾讯 · B")
	press(t, a, "enter")
	out = plain(a)
	if f := a.EditorForm().Focused(); f != "summary" {
		t.Fatalf("after the pick the focus is on %q:\n%s", f, out)
	}
	mustContain(t, out, "→ 王伟 · 腾讯 · B")
	mustNotContain(t, out, "华为")
	press(t, a, "Called about the renewal", "ctrl+s")
	mustContain(t, a.Status(), "Logged call with 王伟")
	if on := int64(count(t, d, `SELECT customer_id FROM interactions WHERE summary = 'Called about the renewal'`)); on != tencent {
		t.Fatalf("the interaction is on customer %d, want %d (腾讯), not %d (华为)", on, tencent, huawei)
	}
	// The next follow-up question is for the same customer.
	mustContain(t, plain(a), "Schedule the next follow-up?")
	mustContain(t, plain(a), "王伟 · 腾讯")
	press(t, a, "esc")
}

// Without picking, a name two customers share is refused beside the field
// with the list open to pick from; a unique exact name is taken as typed;
// esc closes the list without leaving the form; up and ctrl+p/ctrl+n move.
func TestPickerKeysAndTypedNames(t *testing.T) {
	d, _ := openBook(t)
	ctx := context.Background()
	for _, c := range []model.Customer{{Name: "王伟", Company: "华为"}, {Name: "王伟", Company: "腾讯"}, {Name: "Lily Hall", Company: "Hall & Co"}} {
		c := c
		if _, err := d.CreateCustomer(ctx, &c, nil); err != nil {
			t.Fatal(err)
		}
	}
	a := newTestApp(t, d, 100, 30)
	press(t, a, "1", "f", "王伟", "esc")
	if a.EditorForm() == nil {
		t.Fatal("esc on the list left the form")
	}
	mustNotContain(t, plain(a), "· 腾讯")
	press(t, a, "tab", "Send quote", "tab", "fri", "ctrl+s")
	out := plain(a)
	mustContain(t, out, "2 customers match")
	mustContain(t, out, "pick one from the list")
	mustContain(t, out, "› 王伟 · 华为") // the list is back under the field
	press(t, a, "ctrl+n")
	mustContain(t, plain(a), "› 王伟 · 腾讯")
	press(t, a, "ctrl+p")
	mustContain(t, plain(a), "› 王伟 · 华为")
	press(t, a, "up")
	mustContain(t, plain(a), "› 王伟 · 腾讯")
	press(t, a, "esc", "esc", "y") // close the list, then leave the form
	if a.EditorForm() != nil {
		t.Fatal("the form is still open")
	}
	// A unique exact name (in another case) is taken without picking.
	press(t, a, "o", "lily hall")
	mustContain(t, plain(a), "→ Lily Hall · Hall & Co")
	press(t, a, "tab", "1200", "ctrl+s")
	mustContain(t, a.Status(), "from Lily Hall recorded")
	if n := count(t, d, `SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.name = 'Lily Hall'`); n != 1 {
		t.Fatalf("%d orders for Lily Hall", n)
	}
	if strings.Contains(plain(a), "Record an order") {
		t.Fatalf("the order form is still open:\n%s", plain(a))
	}
}

// The board's n asks for the customer the same way: 王伟, ↓, enter picks
// the second, and the deal is theirs.
func TestBoardNewDealPicksTheCustomer(t *testing.T) {
	d, _ := openBook(t)
	ctx := context.Background()
	var ids []int64
	for _, c := range []model.Customer{{Name: "王伟", Company: "华为"}, {Name: "王伟", Company: "腾讯"}} {
		c := c
		id, err := d.CreateCustomer(ctx, &c, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	a := newTestApp(t, d, 120, 30)
	press(t, a, "3", "n")
	if a.EditorForm() == nil || a.EditorForm().Focused() != "customer" {
		t.Fatalf("n on the board:\n%s", plain(a))
	}
	press(t, a, "王伟")
	mustContain(t, plain(a), "王伟 · 腾讯")
	press(t, a, "down", "tab", "Pilot", "ctrl+s")
	if a.EditorForm() != nil {
		t.Fatalf("the form is still open:\n%s", plain(a))
	}
	if got := int64(count(t, d, `SELECT customer_id FROM deals WHERE title = 'Pilot'`)); got != ids[1] {
		t.Fatalf("the deal is on customer %d, want %d (腾讯)", got, ids[1])
	}
}
