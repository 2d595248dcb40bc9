package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestBookLogWithNextIsOneUndo(t *testing.T) {
	b := newBook(t)
	b.rulesOff() // the default playbook rules would add follow-ups of their own
	b.must("add", "customer", "Acme Ltd")
	// Flags after the positional arguments.
	out := b.must("log", "Acme", "sent the price list", "--kind", "email", "--outcome", "no_reply", "--next", "fri 14:30")
	if out != "interaction 1 logged: email sent the price list with Acme Ltd\nfollow-up 1 created: Follow up: sent the price list, due 2026-11-27 14:30\n" {
		t.Fatalf("output %q", out)
	}
	c := b.counts()
	if c["interactions"] != 1 || c["followups"] != 1 {
		t.Fatalf("counts %v", c)
	}
	out = b.must("undo")
	if !strings.HasPrefix(out, "undone: log email with Acme Ltd") {
		t.Fatalf("undo output %q", out)
	}
	c = b.counts()
	if c["interactions"] != 0 || c["followups"] != 0 {
		t.Fatalf("one undo left %v", c)
	}
	if out := b.must("redo"); !strings.HasPrefix(out, "redone: log email") {
		t.Fatalf("redo output %q", out)
	}
	if c := b.counts(); c["interactions"] != 1 || c["followups"] != 1 {
		t.Fatalf("redo: %v", c)
	}
}

func TestBookLogBadInput(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme Ltd")
	before := b.counts()
	b.expect(ExitUsage, "--at:", "log", "Acme", "called", "--at", "the other day")
	b.expect(ExitUsage, "in the future", "log", "Acme", "called", "--at", "tomorrow")
	b.expect(ExitUsage, "--next:", "log", "Acme", "called", "--next", "someday")
	b.expect(ExitUsage, "--kind", "log", "Acme", "called", "--kind", "telepathy")
	b.expect(ExitUsage, "--outcome", "log", "Acme", "called", "--outcome", "great")
	b.expect(ExitUsage, "--score", "log", "Acme", "rated", "--kind", "feedback", "--score", "11")
	b.expect(ExitUsage, "--score", "log", "Acme", "rated", "--score", "five")
	b.expect(ExitFailed, "summary", "log", "Acme", "  ")
	b.expect(ExitFailed, "deal", "log", "Acme", "called", "--deal", "99")
	b.expect(ExitUsage, "missing argument", "log", "Acme")
	b.unchanged(before, "refused log")
	// --at in the past with a time.
	b.must("log", "Acme", "met at the fair", "--kind", "meeting", "--at", "2026-11-02 15:00")
	var d map[string]any
	if err := json.Unmarshal([]byte(b.must("show", "Acme", "--json")), &d); err != nil {
		t.Fatal(err)
	}
	if at := d["timeline"].([]any)[0].(map[string]any)["occurred_at"]; at != "2026-11-02T15:00:00+08:00" {
		t.Fatalf("occurred_at %v", at)
	}
}

func TestBookFollowDoneSnooze(t *testing.T) {
	b := newBook(t)
	b.rulesOff() // the default playbook rules would add follow-ups of their own
	b.must("add", "customer", "王芳")
	out := b.must("follow", "王芳", "Send quote", "--due", "2026-11-25")
	if out != "follow-up 1 created: Send quote, due 2026-11-25\n" {
		t.Fatalf("output %q", out)
	}
	out = b.must("follow", "王芳", "Call", "--due", "明天", "--time", "9:30", "--json")
	var obj map[string]any
	if err := json.Unmarshal([]byte(out), &obj); err != nil || obj["followup_id"] != 2.0 || obj["due"] != "2026-11-21" || obj["due_time"] != "09:30" {
		t.Fatalf("--json %q %v", out, err)
	}
	before := b.counts()
	b.expect(ExitUsage, "--due DATE is required", "follow", "王芳", "Call")
	b.expect(ExitUsage, "--due:", "follow", "王芳", "Call", "--due", "whenever")
	b.expect(ExitUsage, "--time", "follow", "王芳", "Call", "--due", "today", "--time", "25:00")
	b.expect(ExitFailed, "title", "follow", "王芳", "", "--due", "today")
	b.unchanged(before, "refused follow")

	out = b.must("snooze", "1", "+3d")
	if out != "follow-up 1 snoozed: Send quote, due 2026-11-23\n" {
		t.Fatalf("snooze output %q", out)
	}
	b.expect(ExitUsage, "DATE:", "snooze", "1", "never")
	b.expect(ExitFailed, "in the past", "snooze", "1", "2026-01-01")
	b.expect(ExitUsage, "not a follow-up id", "snooze", "abc", "tomorrow")
	out = b.must("done", "1")
	if out != "follow-up 1 done: Send quote\n" {
		t.Fatalf("done output %q", out)
	}
	b.expect(ExitFailed, "already done", "done", "1")
	b.expect(ExitFailed, "not found", "done", "99")
	if out := b.must("undo"); out != "undone: complete \"Send quote\"\n" {
		t.Fatalf("undo output %q", out)
	}
}

func TestBookResolve(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme Ltd")
	b.must("log", "Acme", "parcel arrived broken", "--kind", "complaint", "--dir", "inbound")
	b.must("log", "Acme", "called")
	if r := b.must("show", "Acme"); !strings.Contains(r, "Open complaint") {
		t.Fatalf("no complaint reason:\n%s", r)
	}
	b.expect(ExitFailed, "not a complaint", "resolve", "2")
	if out := b.must("resolve", "1"); out != "complaint 1 resolved: parcel arrived broken\n" {
		t.Fatalf("resolve output %q", out)
	}
	b.expect(ExitFailed, "already resolved", "resolve", "1")
}

func TestBookOrder(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "王芳")
	b.must("config", "currency", "CNY")
	out := b.must("order", "王芳", "12,000")
	if out != "order 1 recorded: ¥12,000.00 from 王芳\n" {
		t.Fatalf("output %q", out)
	}
	out = b.must("order", "王芳", "$3.5k", "--at", "yesterday", "--note", "samples", "--json")
	var obj map[string]any
	if err := json.Unmarshal([]byte(out), &obj); err != nil || obj["amount"] != "3500.00" || obj["currency"] != "USD" || obj["order_id"] != 2.0 {
		t.Fatalf("--json %q %v", out, err)
	}
	before := b.counts()
	b.expect(ExitUsage, "AMOUNT", "order", "王芳", "-5")
	b.expect(ExitUsage, "AMOUNT", "order", "王芳", "lots")
	b.expect(ExitUsage, "AMOUNT", "order", "王芳", "99999999999999999999")
	b.expect(ExitUsage, "--at", "order", "王芳", "5", "--at", "soon")
	b.expect(ExitFailed, "deal", "order", "王芳", "5", "--deal", "7")
	b.unchanged(before, "refused order")
}

// TestBookSnoozeADay: `snooze ID` without a date moves a follow-up one day
// past the later of its due date and today — never earlier (issue 21, 1).
func TestBookSnoozeADay(t *testing.T) {
	b := newBook(t) // today is 2026-11-20
	b.rulesOff()    // the default playbook rules would add follow-ups of their own
	b.must("add", "customer", "王芳")
	b.must("follow", "王芳", "Future call", "--due", "2026-11-23", "--time", "15:30")
	b.must("follow", "王芳", "Late call", "--due", "2026-11-18")
	b.must("follow", "王芳", "Today call", "--due", "today")
	for _, c := range []struct{ id, want string }{
		{"1", "follow-up 1 snoozed: Future call, due 2026-11-24 15:30\n"},
		{"2", "follow-up 2 snoozed: Late call, due 2026-11-21\n"},
		{"3", "follow-up 3 snoozed: Today call, due 2026-11-21\n"},
	} {
		if out := b.must("snooze", c.id); out != c.want {
			t.Errorf("snooze %s: %q, want %q", c.id, out, c.want)
		}
	}
	if out := b.must("undo"); out != "undone: snooze \"Today call\" a day\n" {
		t.Fatalf("undo output %q", out)
	}
}

// TestBookShowRevenueAndDone: show prints revenue (365 days, lifetime) and
// the follow-ups already done, in text and JSON.
func TestBookShowRevenueAndDone(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "王芳")
	b.must("config", "currency", "CNY")
	b.must("order", "王芳", "12,000")
	b.must("order", "王芳", "500", "--at", "2024-01-05")
	b.must("follow", "王芳", "Send quote", "--due", "today")
	b.must("done", "1")
	b.must("log", "王芳", "survey", "--kind", "feedback", "--dir", "inbound", "--score", "8", "--at", "2026-11-19")
	out := b.must("show", "王芳")
	for _, want := range []string{"Last scores: 8/10 on 2026-11-19", "Revenue: ¥12,000.00 in the last 365 days · ¥12,500.00 in all", "Done follow-ups (last 1)", "Send quote"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(b.must("show", "王芳", "--json")), &obj); err != nil {
		t.Fatal(err)
	}
	if r := obj["revenue_365d"].(map[string]any)["CNY"]; r != "12000.00" {
		t.Errorf("revenue_365d %v", obj["revenue_365d"])
	}
	if done := obj["done_followups"].([]any); len(done) != 1 {
		t.Errorf("done_followups %v", done)
	}
}
