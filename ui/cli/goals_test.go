package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestGoalVerbs sets, lists and removes goals on a hand-built book: on 20
// December, ¥84,000 of orders against ¥120,000 is 70%, 11 days left, and a
// straight-line pace of 84,000 × 31 / 20 = ¥130,200.
func TestGoalVerbs(t *testing.T) {
	b := newBook(t)
	b.now = time.Date(2026, 12, 20, 9, 0, 0, 0, bookZone)
	b.must("add", "customer", "王芳")
	b.must("config", "currency", "CNY")
	b.must("order", "王芳", "50,000", "--at", "2026-12-01")
	b.must("order", "王芳", "3.4万", "--at", "2026-12-18")
	b.must("order", "王芳", "9,000", "--at", "2026-11-28")
	if out := b.must("goal", "set", "revenue", "2026-12", "12万"); out != "goal 1 set: revenue 2026-12 ¥120,000\n" {
		t.Fatalf("set: %q", out)
	}
	b.must("goal", "set", "won", "2026-Q4", "8")
	out := b.must("goal", "list")
	for _, want := range []string{"Dec ¥84,000 of ¥120,000 · 70% · 11 days left · pace ¥130,200", "Q4 0 of 8 · 0% · 11 days left · pace 0"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	var js []map[string]any
	if err := json.Unmarshal([]byte(b.must("goal", "list", "--json")), &js); err != nil {
		t.Fatal(err)
	}
	if len(js) != 2 || js[1]["actual"] != "84000.00" || js[1]["pace"] != "130200.00" || js[1]["on_pace"] != true || js[1]["percent"] != 70.0 {
		t.Fatalf("json %v", js)
	}
	rep := b.must("report", "--period", "2026-12")
	for _, want := range []string{"GOALS  2 goals · 1 on pace", "2026-12 revenue", "¥84,000 of ¥120,000 · 70% · pace ¥130,200 ✓", "0 of 8 · 0% · pace 0 ! behind", "SATISFACTION  no feedback scores"} {
		if !strings.Contains(rep, want) {
			t.Errorf("report lacks %q:\n%s", want, rep)
		}
	}
	b.expect(ExitUsage, "not a goal measure", "goal", "set", "profit", "2026-12", "5")
	b.expect(ExitUsage, "not a month or quarter", "goal", "set", "won", "december", "5")
	b.expect(ExitUsage, "not a whole number", "goal", "set", "won", "2026-12", "lots")
	b.expect(ExitFailed, "above 0", "goal", "set", "won", "2026-12", "0")
	if out := b.must("goal", "rm", "won", "2026-Q4"); out != "goal 2 removed: deals won 2026-Q4\n" {
		t.Fatalf("rm: %q", out)
	}
	b.expect(ExitFailed, "no deals won goal", "goal", "rm", "won", "2026-Q4")
	b.must("undo")
	if out := b.must("goal", "list"); !strings.Contains(out, "Q4") {
		t.Fatalf("undo did not bring the goal back:\n%s", out)
	}
}
