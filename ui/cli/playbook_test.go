package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db"
)

// rulesOff creates the book if needed and switches every playbook rule off,
// for tests about something else that count follow-ups.
func (b *book) rulesOff() {
	b.t.Helper()
	d, err := db.Open(context.Background(), b.path, db.Options{Now: func() time.Time { return b.now }})
	if err != nil {
		b.t.Fatal(err)
	}
	defer d.Close()
	ps, err := d.Playbooks(context.Background())
	if err != nil {
		b.t.Fatal(err)
	}
	for _, p := range ps {
		if p.Enabled {
			if _, err := d.SetPlaybookEnabled(context.Background(), p.ID, false); err != nil {
				b.t.Fatal(err)
			}
		}
	}
}

// TestPlaybookVerbs lists the defaults, adds, edits, switches and removes a
// rule, and checks the follow-up a rule made names it in show and its JSON.
func TestPlaybookVerbs(t *testing.T) {
	b := newBook(t) // 2026-11-20 09:00
	b.must("add", "customer", "Acme Ltd")
	out := b.must("playbook", "list")
	for _, want := range []string{"First revisit", "customer added", "+3 d", "After-sale revisit", "deal won", "+7 d",
		"Complaint callback", "+2 h", "Try another channel", "outreach unanswered 3 d", "Win-back call", "became at risk",
		"Quarterly satisfaction revisit", "every 90 d", "tier A"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	var rules []map[string]any
	if err := json.Unmarshal([]byte(b.must("playbook", "list", "--json")), &rules); err != nil {
		t.Fatal(err)
	}
	if len(rules) != 7 || rules[0]["practice"] != "first_revisit" || rules[0]["last_90_days"].(map[string]any)["made"] != 1.0 {
		t.Fatalf("json %v", rules)
	}
	if got := b.must("playbook", "add", "Proposal chase", "--when", "deal_stage", "--stage", "proposal", "--title", "Chase the proposal", "--after", "5d", "--time", "10:00"); got != "rule 8 added: Proposal chase — when deal enters Proposal, \"Chase the proposal\" +5 d 10:00\n" {
		t.Fatalf("add: %q", got)
	}
	b.must("deal", "add", "Acme Ltd", "Pilot", "--value", "5000")
	b.must("deal", "move", "1", "Proposal")
	show := b.must("show", "Acme Ltd")
	if !strings.Contains(show, "2026-11-25 10:00  Chase the proposal") || !strings.Contains(show, "rule: Proposal chase") {
		t.Fatalf("show:\n%s", show)
	}
	var doc struct {
		Open []struct {
			Title string `json:"title"`
			Deal  *int64 `json:"deal_id"`
			Rule  *struct {
				ID   int64  `json:"id"`
				Name string `json:"name"`
			} `json:"rule"`
		} `json:"open_followups"`
	}
	if err := json.Unmarshal([]byte(b.must("show", "Acme Ltd", "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range doc.Open {
		if f.Title == "Chase the proposal" {
			found = f.Rule != nil && f.Rule.ID == 8 && f.Rule.Name == "Proposal chase" && f.Deal != nil && *f.Deal == 1
		}
	}
	if !found {
		t.Fatalf("show --json: %+v", doc.Open)
	}
	// One undo takes the move and the follow-up its rule made.
	b.must("undo")
	if show := b.must("show", "Acme Ltd"); strings.Contains(show, "Chase the proposal") {
		t.Fatalf("undo left the rule's follow-up:\n%s", show)
	}
	b.must("playbook", "edit", "proposal", "--title", "Call about the proposal", "--after", "2h")
	b.must("playbook", "off", "#8")
	b.expect(ExitFailed, "already off", "playbook", "off", "Proposal chase")
	b.must("deal", "move", "1", "Proposal")
	if show := b.must("show", "Acme Ltd"); strings.Contains(show, "Call about the proposal") {
		t.Fatalf("a rule that is off fired:\n%s", show)
	}
	b.must("playbook", "on", "Proposal chase")
	if got := b.must("playbook", "remove", "Proposal chase"); got != "rule 8 removed: Proposal chase\n" {
		t.Fatalf("remove %q", got)
	}
	if out := b.must("playbook", "list"); strings.Contains(out, "Proposal chase") {
		t.Fatalf("removed rule listed:\n%s", out)
	}
}

// TestPlaybookBadInput: each mistake gets a message naming what to do, and
// nothing is written.
func TestPlaybookBadInput(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme Ltd")
	before := b.counts()
	b.expect(ExitUsage, "needs --when EVENT and --title", "playbook", "add", "X")
	b.expect(ExitUsage, `"birthday" is not an event`, "playbook", "add", "X", "--when", "birthday", "--title", "t")
	b.expect(ExitFailed, "needs a tier or a tag", "playbook", "add", "X", "--when", "every", "--days", "30", "--title", "t")
	b.expect(ExitFailed, "needs a number of days", "playbook", "add", "X", "--when", "unanswered", "--title", "t")
	b.expect(ExitUsage, "not a delay", "playbook", "add", "X", "--when", "order", "--title", "t", "--after", "soon")
	b.expect(ExitUsage, "more than 72", "playbook", "add", "X", "--when", "order", "--title", "t", "--after", "100h")
	b.expect(ExitUsage, "--time", "playbook", "add", "X", "--when", "order", "--title", "t", "--time", "25:99")
	b.expect(ExitFailed, "exists already", "playbook", "add", "first revisit", "--when", "order", "--title", "t")
	b.expect(ExitUsage, "--stage", "playbook", "add", "X", "--when", "deal_stage", "--stage", "Nowhere", "--title", "t")
	b.expect(ExitFailed, "not found", "playbook", "off", "no such rule")
	if after := b.counts(); after["followups"] != before["followups"] || after["change_batches"] != before["change_batches"] {
		t.Fatalf("bad input wrote: %v → %v", before, after)
	}
}

// TestPlaybookDryRun shows what a rule would have scheduled over the last
// 30 days from the book's history, and saves nothing.
func TestPlaybookDryRun(t *testing.T) {
	b := newBook(t) // 2026-11-20
	b.must("add", "customer", "Acme Ltd")
	b.must("add", "customer", "Beta Co")
	b.must("add", "customer", "Old Co")
	b.must("log", "Acme Ltd", "rated us", "--kind", "feedback", "--dir", "inbound", "--score", "4", "--at", "2026-11-10")
	b.must("log", "Beta Co", "rated us", "--kind", "feedback", "--dir", "inbound", "--score", "9", "--at", "2026-11-12")
	b.must("log", "Old Co", "rated us", "--kind", "feedback", "--dir", "inbound", "--score", "2", "--at", "2026-09-01")
	b.must("log", "Beta Co", "no answer", "--outcome", "no_reply", "--at", "2026-11-01")
	before := b.counts()
	out := b.must("playbook", "add", "Detractor call", "--when", "low_feedback", "--title", "Call about the score", "--after", "1d", "--dry-run")
	if !strings.Contains(out, "would have scheduled 1 follow-up over the last 30 days") || !strings.Contains(out, "2026-11-10  #1  Acme Ltd") || !strings.Contains(out, "due 2026-11-11") {
		t.Fatalf("dry run:\n%s", out)
	}
	out = b.must("playbook", "add", "Chase", "--when", "unanswered", "--days", "3", "--title", "Try email", "--dry-run")
	if !strings.Contains(out, "scheduled 1 follow-up") || !strings.Contains(out, "2026-11-04  #2  Beta Co") {
		t.Fatalf("unanswered dry run:\n%s", out)
	}
	if after := b.counts(); after["followups"] != before["followups"] || after["change_batches"] != before["change_batches"] {
		t.Fatalf("dry run wrote: %v → %v", before, after)
	}
	if out := b.must("playbook", "list"); strings.Contains(out, "Detractor") {
		t.Fatalf("dry run saved the rule:\n%s", out)
	}
}
