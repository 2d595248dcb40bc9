package db

import (
	"context"
	"fmt"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// The customer picker of the forms (issue 21): part of a name, Chinese as
// typed, finds the customers, best first, with the company that tells two
// of the same name apart; archived customers are not offered.
func TestPickCustomers(t *testing.T) {
	ctx := context.Background()
	d, _ := openTest(t)
	add := func(name, company, email string) int64 {
		t.Helper()
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: name, Company: company, Email: email}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	huawei := add("王伟", "华为", "")
	tencent := add("王伟", "腾讯", "")
	longer := add("王伟明", "小米", "")
	inCompany := add("李娜", "王伟贸易", "")
	add("Wang Fang", "Acme", "wf@acme.example")
	amy := add("Amy Wong", "Globex", "amy@globex.example")
	gone := add("王伟东", "旧公司", "")
	if err := d.SetArchived(ctx, "customer", gone, true); err != nil {
		t.Fatal(err)
	}
	ids := func(text string) []int64 {
		t.Helper()
		ps, err := d.PickCustomers(ctx, text, 10)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		var out []int64
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	for _, tc := range []struct {
		text string
		want []int64
	}{
		{"王伟", []int64{huawei, tencent, longer, inCompany}}, // exact names, then a longer name, then a company
		{"王伟明", []int64{longer}},                            // three characters: the trigram index
		{"wang", []int64{inCompany + 1}},                    // case folded (Wang Fang); "Amy Wong" does not hold it
		{"ong", []int64{amy}},                               // inside a name
		{"GLOBEX", []int64{amy}},                            // a company, case folded
		{"wf@", []int64{inCompany + 1}},                     // an email
		{"#" + fmt.Sprint(tencent), []int64{tencent}},       // an id
		{"#" + fmt.Sprint(gone), nil},                       // archived: not offered
		{"nobody", nil},
		{"  ", nil},
	} {
		if got := ids(tc.text); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
	ps, _ := d.PickCustomers(ctx, "王伟", 2)
	if len(ps) != 2 || ps[0].Company != "华为" || ps[1].Company != "腾讯" {
		t.Errorf("limit 2: %+v", ps)
	}
	// A short text whose name prefixes fill the list (the name index) gives
	// the top of the full ranking.
	add("Wang Wei", "", "")
	add("wang li", "", "")
	add("WANG", "Wangs", "")
	for _, text := range []string{"王", "王伟", "w", "wa", "Wa"} {
		all := ids(text)
		for limit := 1; limit <= len(all); limit++ {
			ps, err := d.PickCustomers(ctx, text, limit)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range ps {
				if p.ID != all[i] {
					t.Fatalf("%q limit %d: %+v, the full ranking is %v", text, limit, ps, all)
				}
			}
			if len(ps) != limit {
				t.Fatalf("%q limit %d: %d rows", text, limit, len(ps))
			}
		}
	}
	// A bare number offers the customer of that id first.
	if got := ids(fmt.Sprint(amy)); len(got) == 0 || got[0] != amy {
		t.Errorf("%d: %v", amy, got)
	}
	// Quotes and FTS syntax are text.
	for _, odd := range []string{`"a" OR name:*`, `a"b`, `100%`, `_`, `{name}`} {
		if _, err := d.PickCustomers(ctx, odd, 5); err != nil {
			t.Errorf("%q: %v", odd, err)
		}
	}
	if got := ids("100%"); got != nil {
		t.Errorf("%% is a character, not a wildcard: %v", got)
	}
}
