package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestBookDeals(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme Ltd")
	out := b.must("deal", "add", "Acme", "Renewal 2027", "--value", "12000", "--stage", "prop", "--close", "2026-12-31")
	if out != "deal 1 created: Renewal 2027 for Acme Ltd, $12,000.00 in Proposal\n" {
		t.Fatalf("output %q", out)
	}
	b.must("deal", "add", "Acme", "Pilot", "--value", "500")
	before := b.counts()
	b.expect(ExitUsage, "--value is required", "deal", "add", "Acme", "No value")
	b.expect(ExitUsage, "--value", "deal", "add", "Acme", "Bad", "--value", "-3")
	b.expect(ExitFailed, "not a stage", "deal", "add", "Acme", "Bad", "--value", "3", "--stage", "Nowhere")
	b.expect(ExitUsage, "--close", "deal", "add", "Acme", "Bad", "--value", "3", "--close", "eventually")
	b.expect(ExitUsage, "--reason", "deal", "move", "2", "Lost")
	b.expect(ExitFailed, "already in", "deal", "move", "1", "Proposal")
	b.expect(ExitUsage, "not a command of rapport deal", "deal", "close", "1")
	b.unchanged(before, "refused deal verbs")

	var rows []map[string]any
	if err := json.Unmarshal([]byte(b.must("deal", "list", "--json")), &rows); err != nil || len(rows) != 2 {
		t.Fatalf("deal list --json: %v %v", rows, err)
	}
	if rows[0]["title"] != "Pilot" || rows[0]["stage"] != "Lead" || rows[1]["value"] != "12000.00" || rows[1]["expected_close"] != "2026-12-31" {
		t.Fatalf("deal rows %v", rows)
	}
	b.days(20)
	text := b.must("deal", "list", "--rotting")
	if !strings.Contains(text, "! 20d") || !strings.Contains(text, "Pilot") || !strings.Contains(text, "Renewal 2027") {
		t.Fatalf("rotting list:\n%s", text)
	}
	out = b.must("deal", "snooze", "2", "next week", "--reason", "budget in January")
	if out != "deal 2 snoozed until 2026-12-14: Pilot\n" {
		t.Fatalf("snooze output %q", out)
	}
	b.expect(ExitUsage, "--reason is required", "deal", "snooze", "1", "+7d")
	if text := b.must("deal", "list", "--rotting"); strings.Contains(text, "Pilot") {
		t.Fatalf("snoozed deal still rotting:\n%s", text)
	}

	out = b.must("deal", "move", "1", "won")
	if out != "deal 1 moved: Proposal → Won (Renewal 2027)\norder 1 recorded: $12,000.00\n" {
		t.Fatalf("won output %q", out)
	}
	out = b.must("deal", "move", "2", "Lost", "--reason", "went with a competitor")
	if !strings.HasPrefix(out, "deal 2 moved: Lead → Lost") || strings.Contains(out, "order") {
		t.Fatalf("lost output %q", out)
	}
	if c := b.counts(); c["orders"] != 1 {
		t.Fatalf("orders %d", c["orders"])
	}
	if text := b.must("deal", "list"); !strings.Contains(text, "no deals") {
		t.Fatalf("open deals left:\n%s", text)
	}
	if text := b.must("deal", "list", "--all"); !strings.Contains(text, "won") || !strings.Contains(text, "lost") {
		t.Fatalf("--all:\n%s", text)
	}
	b.must("deal", "add", "Acme", "Again", "--value", "10")
	b.must("deal", "move", "3", "Won", "--no-order")
	if c := b.counts(); c["orders"] != 1 {
		t.Fatalf("--no-order recorded an order: %d", c["orders"])
	}
}

func TestBookStages(t *testing.T) {
	b := newBook(t)
	out := b.must("stages", "set", "Proposal", "--probability", "40", "--rot-days", "12")
	if out != "stage Proposal: 40%, rots after 12d\n" {
		t.Fatalf("set output %q", out)
	}
	b.must("stages", "add", "Demo", "--after", "Qualified", "--probability", "30", "--rot-days", "5")
	b.must("stages", "rename", "Demo", "Demo given")
	b.must("stages", "move", "Demo given", "--after", "Lead")
	list := b.must("stages")
	names := []string{"Lead", "Demo given", "Qualified", "Proposal", "Negotiation", "Won", "Lost"}
	last := -1
	for _, n := range names {
		i := strings.Index(list, "\n"+n+" ")
		if i <= last {
			t.Fatalf("stage %q out of order:\n%s", n, list)
		}
		last = i
	}
	if !strings.Contains(list, "40%") {
		t.Fatalf("probability not changed:\n%s", list)
	}
	b.must("add", "customer", "Acme")
	b.must("deal", "add", "Acme", "D", "--value", "1", "--stage", "Demo")
	b.expect(ExitFailed, "still holds", "stages", "remove", "Demo given")
	b.must("deal", "move", "1", "Lead")
	b.must("stages", "remove", "Demo given")
	var st []map[string]any
	if err := json.Unmarshal([]byte(b.must("stages", "--json")), &st); err != nil || len(st) != 6 {
		t.Fatalf("stages --json: %v %v", st, err)
	}
	b.expect(ExitUsage, "nothing to change", "stages", "set", "Lead")
	b.expect(ExitUsage, "--after STAGE is required", "stages", "add", "X")
	b.expect(ExitFailed, "closes deals", "stages", "remove", "Won")
	b.expect(ExitUsage, "not a stages command", "stages", "frobnicate")
}
