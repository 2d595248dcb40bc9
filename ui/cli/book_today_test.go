package cli

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// triageBook builds a book where every Today section has a row:
// 王芳 with a follow-up 3 days overdue, Acme Ltd with a rotting deal and a
// follow-up due today at 17:00, and Zed Co untouched for 100 days.
func triageBook(t *testing.T) *book {
	b := newBook(t)
	b.now = b.now.AddDate(0, 0, -100) // 2026-08-12
	b.rulesOff()                      // the default playbook rules would add follow-ups of their own
	b.must("add", "customer", "王芳", "--company", "Wang Trading")
	b.must("add", "customer", "Acme Ltd")
	b.must("add", "customer", "Zed Co")
	b.must("deal", "add", "Acme Ltd", "Renewal 2027", "--value", "12000")
	b.must("follow", "王芳", "Send quote", "--due", "2026-11-17")
	b.now = b.now.AddDate(0, 0, 100) // 2026-11-20
	b.must("follow", "Acme", "Call back", "--due", "today", "--time", "17:00")
	return b
}

func bookKeySet(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func bookWantKeys(t *testing.T, where string, got map[string]any, want ...string) {
	t.Helper()
	sort.Strings(want)
	if k := bookKeySet(got); !reflect.DeepEqual(k, want) {
		t.Errorf("%s keys = %v, want %v", where, k, want)
	}
}

func TestBookTodayJSONShape(t *testing.T) {
	b := triageBook(t)
	out := b.must("today", "--json")
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	bookWantKeys(t, "top", doc, "today", "counts", "overdue", "due_today", "at_risk", "rotting", "touch_due")
	if doc["today"] != "2026-11-20" {
		t.Errorf("today = %v", doc["today"])
	}
	counts := doc["counts"].(map[string]any)
	bookWantKeys(t, "counts", counts, "overdue", "due_today", "at_risk", "rotting", "touch_due")
	section := func(name string, n int) []any {
		arr, ok := doc[name].([]any)
		if !ok {
			t.Fatalf("%s is %T, want an array", name, doc[name])
		}
		if len(arr) != n {
			t.Fatalf("%s has %d rows, want %d: %s", name, len(arr), n, out)
		}
		if int(counts[name].(float64)) != len(arr) {
			t.Errorf("counts.%s = %v but %d rows", name, counts[name], len(arr))
		}
		return arr
	}
	fu := []string{"followup_id", "customer_id", "customer", "title", "due", "due_time", "days_overdue"}
	over := section("overdue", 1)[0].(map[string]any)
	bookWantKeys(t, "overdue[0]", over, fu...)
	if over["customer"] != "王芳" || over["title"] != "Send quote" || over["due"] != "2026-11-17" || over["due_time"] != nil || over["days_overdue"] != 3.0 {
		t.Errorf("overdue row = %v", over)
	}
	today := section("due_today", 1)[0].(map[string]any)
	bookWantKeys(t, "due_today[0]", today, fu...)
	if today["due_time"] != "17:00" || today["days_overdue"] != 0.0 {
		t.Errorf("due_today row = %v", today)
	}
	risk := section("at_risk", 3)
	for i, r := range risk {
		m := r.(map[string]any)
		bookWantKeys(t, "at_risk[i]", m, "customer_id", "customer", "score", "level", "reasons")
		if m["level"] != "at_risk" {
			t.Errorf("at_risk[%d].level = %v", i, m["level"])
		}
		reasons := m["reasons"].([]any)
		if len(reasons) == 0 {
			t.Errorf("at_risk[%d] has no reasons", i)
		}
		for _, rr := range reasons {
			bookWantKeys(t, "reason", rr.(map[string]any), "code", "points", "text")
		}
	}
	rot := section("rotting", 1)[0].(map[string]any)
	bookWantKeys(t, "rotting[0]", rot, "deal_id", "customer_id", "customer", "title", "stage", "days_in_stage")
	if rot["title"] != "Renewal 2027" || rot["stage"] != "Lead" || rot["days_in_stage"] != 100.0 {
		t.Errorf("rotting row = %v", rot)
	}
	touch := section("touch_due", 1)[0].(map[string]any)
	bookWantKeys(t, "touch_due[0]", touch, "customer_id", "customer", "tier", "days_since_contact", "cadence_days")
	if touch["customer"] != "Zed Co" || touch["tier"] != "C" || touch["cadence_days"] != 60.0 || touch["days_since_contact"] != 100.0 {
		t.Errorf("touch_due row = %v", touch)
	}
}

func TestBookTodayJSONEmptyArrays(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Fresh")
	out := b.must("today", "--json")
	for _, k := range []string{"overdue", "due_today", "at_risk", "rotting", "touch_due"} {
		if !strings.Contains(out, `"`+k+`": []`) {
			t.Errorf("%s is not [] in %s", k, out)
		}
	}
}

func TestBookTodayText(t *testing.T) {
	b := triageBook(t)
	out := b.must("today")
	for _, want := range []string{"1 overdue · 1 due today · 3 at risk · 1 rotting deal · 1 to touch",
		"Overdue follow-ups (1)", "3d overdue", "Due today (1)", "at 17:00", "At risk customers (3)", "No contact since added 100 d ago",
		"Rotting deals (1)", "Renewal 2027", "Lead 100d", "Due for a touch (1)", "Zed Co"} {
		if !strings.Contains(out, want) {
			t.Errorf("today text lacks %q:\n%s", want, out)
		}
	}
	order := []string{"Overdue follow-ups", "Due today", "At risk customers", "Rotting deals", "Due for a touch"}
	last := -1
	for _, s := range order {
		i := strings.Index(out, s)
		if i < last {
			t.Errorf("section %q out of order", s)
		}
		last = i
	}
}

func TestBookTodayExitCode(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme Ltd")
	b.must("follow", "Acme", "Call", "--due", "tomorrow")
	if r := b.run("today", "--exit-code"); r.code != ExitOK {
		t.Fatalf("nothing overdue: exit %d (%s)", r.code, r.stderr)
	}
	b.days(2)
	if r := b.run("today", "--exit-code"); r.code != ExitOverdue {
		t.Fatalf("overdue: exit %d, want 3", r.code)
	}
	if r := b.run("today"); r.code != ExitOK {
		t.Fatalf("without --exit-code: exit %d", r.code)
	}
}
