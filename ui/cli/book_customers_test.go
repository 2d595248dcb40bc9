package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
)

func TestBookAddCustomer(t *testing.T) {
	b := newBook(t)
	out := b.must("add", "customer", "王芳", "--company", "Wang Trading", "--email", "wf@example.cn", "--tag", "vip", "--tag", "beijing", "--tier", "a")
	if out != "customer 1 created: 王芳\nrule First revisit scheduled follow-up 1: First revisit, due 2026-11-23\n" {
		t.Fatalf("output %q", out)
	}
	out = b.must("add", "customer", "Acme Ltd", "--json")
	var obj map[string]any
	if err := json.Unmarshal([]byte(out), &obj); err != nil || obj["customer_id"] != 2.0 || obj["name"] != "Acme Ltd" {
		t.Fatalf("--json output %q (%v)", out, err)
	}
	show := b.must("show", "王芳")
	for _, want := range []string{"王芳 (#1) — Wang Trading", "tier A (pinned)", "email wf@example.cn", "#beijing #vip", "Risk: 0"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
}

func TestBookAddCustomerBadInput(t *testing.T) {
	b := newBook(t)
	// Refused before the database is created.
	b.expect(ExitFailed, "name", "add", "customer", "   ")
	if b.exists() {
		t.Fatal("a refused add customer created the database")
	}
	b.must("add", "customer", "First")
	before := b.counts()
	b.expect(ExitFailed, "longer than 200", "add", "customer", strings.Repeat("x", 201))
	b.expect(ExitFailed, "NUL", "add", "customer", "a\x00b")
	b.expect(ExitFailed, "email", "add", "customer", "Bob", "--email", "bob@")
	b.expect(ExitUsage, "--tier", "add", "customer", "Bob", "--tier", "Z")
	b.expect(ExitUsage, "unknown flag --colour", "add", "customer", "Bob", "--colour", "red")
	b.expect(ExitUsage, "missing argument", "add", "customer")
	b.expect(ExitUsage, "too many arguments", "add", "customer", "Bob", "Smith")
	b.expect(ExitUsage, "is not a command of rapport add", "add", "widget", "x")
	b.unchanged(before, "refused add customer")
}

func TestBookAmbiguousAndUnknownCustomer(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme Ltd", "--company", "Acme Holdings")
	b.must("add", "customer", "Acme Inc", "--company", "Acme US")
	before := b.counts()
	r := b.expect(ExitFailed, `"Acme" matches 2 customers`, "log", "Acme", "called about the renewal")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], "1") || !strings.Contains(lines[1], "Acme Ltd") || !strings.Contains(lines[1], "Acme Holdings") ||
		!strings.Contains(lines[2], "2") || !strings.Contains(lines[2], "Acme Inc") || !strings.Contains(lines[2], "Acme US") {
		t.Fatalf("candidates not listed one per line:\n%s", r.stderr)
	}
	b.expect(ExitFailed, `no customer called "Nobody"`, "log", "Nobody", "hello")
	b.expect(ExitFailed, "matches 2", "order", "acme", "100")
	b.expect(ExitFailed, "no customer", "follow", "Nobody", "x", "--due", "tomorrow")
	b.unchanged(before, "failed verbs")
	// An exact name, a case-insensitive name, a unique prefix and an id all resolve.
	b.must("log", "Acme Ltd", "exact")
	b.must("log", "acme inc", "case")
	b.must("log", "Acme I", "prefix")
	b.must("log", "2", "by id")
	if n := b.counts()["interactions"]; n != 4 {
		t.Fatalf("interactions = %d, want 4", n)
	}
}

func TestBookEditCustomerContactTag(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme Ltd")
	out := b.must("edit", "customer", "Acme", "--email", "buy@acme.test", "--tier", "B", "--cadence", "10", "--name", "Acme Limited")
	if out != "customer 1 updated: Acme Limited\n" {
		t.Fatalf("edit output %q", out)
	}
	b.must("edit", "customer", "1", "--lifecycle", "churned", "--reason", "moved to a competitor")
	d := b.open()
	c, err := d.Customer(b.t.Context(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Acme Limited" || c.Email != "buy@acme.test" || c.Tier != model.TierB || !c.TierPinned || c.CadenceDays != 10 ||
		c.Lifecycle != model.Churned || c.ChurnReason != "moved to a competitor" {
		t.Fatalf("customer after edit: %+v", c)
	}
	b.must("edit", "customer", "1", "--unpin", "--lifecycle", "customer")
	before := b.counts()
	b.expect(ExitUsage, "nothing to change", "edit", "customer", "1")
	b.expect(ExitUsage, "give one of them", "edit", "customer", "1", "--tier", "A", "--unpin")
	b.expect(ExitUsage, "--lifecycle", "edit", "customer", "1", "--lifecycle", "gone")
	b.expect(ExitFailed, "phone", "edit", "customer", "1", "--phone", "call me")
	b.unchanged(before, "refused edit")

	out = b.must("contact", "add", "Acme", "Li Lei", "--role", "buyer", "--email", "li@acme.test", "--primary")
	if out != "contact 1 created: Li Lei at Acme Limited\n" {
		t.Fatalf("contact output %q", out)
	}
	b.expect(ExitFailed, "email", "contact", "add", "Acme", "Han Mei", "--email", "nope")

	out = b.must("tag", "Acme", "+vip", "north", "-nothing")
	if out != "tags of Acme Limited: north, vip\n" {
		t.Fatalf("tag output %q", out)
	}
	out = b.must("tag", "Acme", "-north")
	if out != "tags of Acme Limited: vip\n" {
		t.Fatalf("tag output %q", out)
	}
	show := b.must("show", "Acme")
	for _, want := range []string{"Li Lei", "buyer", "primary", "#vip", "touch every 10d"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
}

func TestBookListJSON(t *testing.T) {
	b := newBook(t)
	b.rulesOff() // the default playbook rules would add follow-ups of their own
	b.must("add", "customer", "Acme Ltd", "--tag", "vip")
	b.must("add", "customer", "Zed Co")
	b.must("deal", "add", "Acme", "Big one", "--value", "12,000.50")
	b.must("log", "Zed", "called", "--at", "yesterday")
	b.must("follow", "Zed", "Send quote", "--due", "2026-12-01")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(b.must("list", "--json", "--sort", "name")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		bookWantKeys(t, "list row", r, "id", "name", "company", "tier", "lifecycle", "status", "last_contact", "next_followup", "open_pipeline", "risk")
		bookWantKeys(t, "risk", r["risk"].(map[string]any), "score", "level", "reasons")
	}
	acme, zed := rows[0], rows[1]
	if acme["name"] != "Acme Ltd" || acme["last_contact"] != nil || acme["next_followup"] != nil {
		t.Errorf("acme row %v", acme)
	}
	if p := acme["open_pipeline"].(map[string]any); p["USD"] != "12000.50" || len(p) != 1 {
		t.Errorf("open_pipeline %v", p)
	}
	if zed["last_contact"] != "2026-11-19" || zed["next_followup"] != "2026-12-01" || len(zed["open_pipeline"].(map[string]any)) != 0 {
		t.Errorf("zed row %v", zed)
	}
	// Filters.
	var only []map[string]any
	if err := json.Unmarshal([]byte(b.must("list", "--json", "--tag", "vip")), &only); err != nil || len(only) != 1 || only[0]["name"] != "Acme Ltd" {
		t.Fatalf("--tag vip: %v %v", only, err)
	}
	if err := json.Unmarshal([]byte(b.must("list", "--json", "--filter", "zed")), &only); err != nil || len(only) != 1 || only[0]["name"] != "Zed Co" {
		t.Fatalf("--filter zed: %v %v", only, err)
	}
	if err := json.Unmarshal([]byte(b.must("list", "--json", "--at-risk")), &only); err != nil || len(only) != 0 {
		t.Fatalf("--at-risk: %v %v", only, err)
	}
	if err := json.Unmarshal([]byte(b.must("list", "--json", "--limit", "1")), &only); err != nil || len(only) != 1 {
		t.Fatalf("--limit 1: %v %v", only, err)
	}
	text := b.must("list")
	if !strings.Contains(text, "NAME") || !strings.Contains(text, "Acme Ltd") || !strings.Contains(text, "$12k") {
		t.Errorf("list text:\n%s", text)
	}
	b.expect(ExitUsage, "(use tier:A, tier:B or tier:C)", "list", "--filter", "acme tier:Z")
	if err := json.Unmarshal([]byte(b.must("list", "--json", "--filter", "#vip tier:C")), &only); err != nil || len(only) != 1 {
		t.Fatalf("--filter '#vip tier:C': %v %v", only, err)
	}
	b.expect(ExitUsage, "--sort", "list", "--sort", "size")
	b.expect(ExitUsage, "--tier", "list", "--tier", "Q")
	b.expect(ExitUsage, "--limit", "list", "--limit", "many")
	b.expect(ExitUsage, "unknown flag --bogus", "list", "--bogus")
}

func TestBookShowJSON(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme Ltd", "--notes", "line one\nline two")
	b.must("log", "Acme", "rated us", "--kind", "feedback", "--score", "4", "--dir", "inbound")
	b.must("order", "Acme", "250")
	var d map[string]any
	if err := json.Unmarshal([]byte(b.must("show", "Acme", "--json")), &d); err != nil {
		t.Fatal(err)
	}
	if d["name"] != "Acme Ltd" || d["notes"] != "line one\nline two" || d["interactions"] != 1.0 {
		t.Fatalf("show --json %v", d)
	}
	tl := d["timeline"].([]any)
	if len(tl) != 1 || tl[0].(map[string]any)["score"] != 4.0 {
		t.Fatalf("timeline %v", tl)
	}
	if o := d["recent_orders"].([]any); len(o) != 1 || o[0].(map[string]any)["amount"] != "250.00" {
		t.Fatalf("orders %v", o)
	}
	risk := d["risk"].(map[string]any)
	// An order today: the lapse model's 5 points (the prior: 50 + 20·0.5·(ln 1 − ln 91))
	// and a 4/10 rating, a detractor: 15.
	if risk["score"] != 20.0 {
		t.Fatalf("risk %v (lapse 5 + detractor 15)", risk)
	}
	text := b.must("show", "Acme")
	for _, want := range []string{"Risk: 20", "+15  Rated 4/10", "+5   Customers like this one in this book: 5", "feedback inbound 4/10  rated us", "Recent orders (1)", "$250.00", "Notes\n  line one\n  line two"} {
		if !strings.Contains(text, want) {
			t.Errorf("show lacks %q:\n%s", want, text)
		}
	}
}

// Text from the database is sanitised before it reaches the terminal, even
// when it was stored by something other than the command line.
func TestBookOutputSanitised(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Plain")
	d := b.open()
	hostile := "Evil\x1b]0;pwned\x07\x1b[31m Corp\u009b2J\u202e"
	err := d.Write(t.Context(), "", func(tx *db.Tx) error {
		_, err := tx.CreateCustomer(&model.Customer{Name: hostile, Company: "\x1b]52;c;Zm9v\x07x"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"show", "2"}, {"show", "2", "--json"}, {"today"}, {"today", "--json"}} {
		out := b.must(args...)
		if strings.ContainsAny(out, "\x1b\x07\u009b\u202e") {
			t.Errorf("%q printed control characters: %q", args, out)
		}
	}
}
