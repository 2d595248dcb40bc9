package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model/i18n"
)

// TestCareCLI adds a birthday, an anniversary and a labelled date from the
// command line, reads them back, sees them in today and care (the clock
// is 2026-11-20), removes one, and refuses bad dates with exit 2.
func TestCareCLI(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme", "--tier", "A")
	b.must("add", "customer", "Cheap", "--tier", "C")
	b.must("contact", "add", "Acme", "Jane Doe", "--birthday", "1980-11-22")
	b.must("contact", "add", "Cheap", "Bob", "--birthday", "11-21")
	b.must("edit", "customer", "Acme", "--anniversary", "2019-11-24")
	if out := b.must("date", "add", "Acme", "contract renewal", "2026-11-26", "--once"); !strings.Contains(out, "contract renewal, 2026-11-26 for Acme") {
		t.Errorf("date add said %q", out)
	}
	list := b.must("date", "list", "Acme")
	for _, w := range []string{"Birthday", "1980-11-22 (every year)", "Jane Doe", "Anniversary", "contract renewal"} {
		if !strings.Contains(list, w) {
			t.Errorf("date list lacks %q:\n%s", w, list)
		}
	}
	today := b.must("today")
	i := strings.Index(today, "Care (3)")
	if i < 0 {
		t.Fatalf("today has no Care (3):\n%s", today)
	}
	care := today[i:]
	for _, w := range []string{"in 2 d (Sun 22 Nov)  Jane Doe's birthday (46)", "anniversary (7 years)", "contract renewal"} {
		if !strings.Contains(care, w) {
			t.Errorf("Care lacks %q:\n%s", w, care)
		}
	}
	if strings.Contains(care, "Cheap") {
		t.Errorf("a tier C birthday shows by default:\n%s", care)
	}
	b.must("config", "care.tiers", "A,B,C")
	var cj struct {
		Total int `json:"total"`
		Items []struct {
			Kind, Customer, Date string
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(b.must("care", "--json")), &cj); err != nil {
		t.Fatal(err)
	}
	if cj.Total != 4 || cj.Items[0].Customer != "Cheap" || cj.Items[0].Date != "2026-11-21" {
		t.Errorf("care --json = %+v", cj)
	}
	// today --json keeps the SPEC shape exactly.
	var tj map[string]any
	if err := json.Unmarshal([]byte(b.must("today", "--json")), &tj); err != nil || tj["care"] != nil || len(tj) != 7 {
		t.Errorf("today --json keys changed: %v %v", tj, err)
	}
	b.must("date", "remove", "Acme", "4")
	if strings.Contains(b.must("date", "list", "Acme"), "contract renewal") {
		t.Error("removed date still listed")
	}
	b.must("undo")
	if !strings.Contains(b.must("date", "list", "Acme"), "contract renewal") {
		t.Error("undo did not bring the date back")
	}
	b.must("edit", "customer", "Acme", "--anniversary", "")
	if strings.Contains(b.must("date", "list", "Acme"), "Anniversary") {
		t.Error("--anniversary \"\" did not clear it")
	}
	b.must("contact", "edit", "Acme", "jane", "--birthday", "1981-01-02")
	if !strings.Contains(b.must("date", "list", "Acme"), "1981-01-02") {
		t.Error("contact edit --birthday did not change it")
	}
	b.expect(ExitUsage, "is not a date", "date", "add", "Acme", "x", "next friday")
	b.expect(ExitUsage, "not a calendar date", "edit", "customer", "Acme", "--birthday", "2001-02-29")
	b.expect(ExitUsage, "needs its year", "date", "add", "Acme", "x", "03-01", "--once")
	b.expect(ExitUsage, "is not one contact", "contact", "edit", "Acme", "Nobody", "--birthday", "01-01")
	b.expect(ExitUsage, "must be tiers like A,B", "config", "care.tiers", "X")
}

// TestHolidayCLI lists the default holidays with their dates in 2027
// (lunar ones computed), adds a lunar and a solar one, removes one, and
// refuses a date that is not a month and day.
func TestHolidayCLI(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme")
	out := b.must("holiday", "list", "--year", "2027")
	for _, w := range []string{"春节       lunar 01-01  2027-02-06", "端午       lunar 05-05  2027-06-09", "中秋       lunar 08-15  2027-09-15", "Christmas  12-25        2027-12-25"} {
		if !strings.Contains(out, w) {
			t.Errorf("holiday list lacks %q:\n%s", w, out)
		}
	}
	if out := b.must("holiday", "add", "腊八", "lunar", "12-08"); !strings.Contains(out, "lunar 12-08 (next 2027-01-15)") {
		t.Errorf("holiday add said %q", out)
	}
	b.must("holiday", "add", "Company day", "03/14")
	b.expect(ExitFailed, "already a holiday", "holiday", "add", "christmas", "12-24")
	b.must("holiday", "remove", "Christmas")
	if strings.Contains(b.must("holiday", "list"), "Christmas") {
		t.Error("removed holiday listed")
	}
	b.expect(ExitUsage, "is not a holiday date", "holiday", "add", "X", "2027-01-01")
	b.expect(ExitFailed, "not found", "holiday", "remove", "Nope")
}

// TestTemplateCLI lists the default templates, shows one filled for a
// customer (missing values read as words), adds one from a file, edits one
// in $EDITOR (a small script) and refuses an unknown placeholder.
func TestTemplateCLI(t *testing.T) {
	b := newBook(t)
	b.rulesOff() // {due} is the customer's next follow-up: the first revisit rule would make one
	b.must("add", "customer", "Acme", "--company", "Acme Ltd")
	b.must("contact", "add", "Acme", "Jane", "--primary")
	list := b.must("template", "list")
	for _, w := range []string{"First revisit", "首次回访", "Satisfaction revisit", "tier A"} {
		if !strings.Contains(list, w) {
			t.Errorf("template list lacks %q", w)
		}
	}
	got := b.must("template", "show", "Win-back", "Acme")
	if want := "Hi Jane, it has been some days since we last spoke. We have a few new things that may suit Acme Ltd; could I show you in ten minutes?\n"; got != want {
		t.Errorf("filled:\n got %q\nwant %q", got, want)
	}
	b.must("deal", "add", "Acme", "Renewal 2027", "--value", "5000")
	b.must("follow", "Acme", "After-sale call", "--due", "2026-11-25")
	got = b.must("template", "show", "After-sale revisit", "Acme", "--followup", "1")
	if !strings.Contains(got, "about Renewal 2027") {
		t.Errorf("deal not filled: %q", got)
	}
	dir := t.TempDir()
	body := filepath.Join(dir, "body.txt")
	os.WriteFile(body, []byte("Dear {contact}, your {deal} is due {due}.\n"), 0o600)
	b.must("template", "add", "Reminder", "--purpose", "other", "--body-file", body)
	if got := b.must("template", "show", "Reminder", "Acme"); got != "Dear Jane, your Renewal 2027 is due 2026-11-25.\n" {
		t.Errorf("added template filled = %q", got)
	}
	script := filepath.Join(dir, "ed.sh")
	os.WriteFile(script, []byte("#!/bin/sh\nprintf 'Edited for {name}\\n' > \"$1\"\n"), 0o700)
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
	b.must("template", "edit", "reminder")
	if got := b.must("template", "show", "Reminder", "Acme"); got != "Edited for Acme\n" {
		t.Errorf("edited in $EDITOR = %q", got)
	}
	b.must("template", "edit", "Reminder", "--purpose", "win-back", "--tier", "b")
	var j map[string]any
	json.Unmarshal([]byte(b.must("template", "show", "Reminder", "--json")), &j)
	if j["purpose"] != "win_back" || j["tier"] != "B" {
		t.Errorf("edit flags: %v", j)
	}
	b.expect(ExitFailed, "{nmae} is not a placeholder", "template", "add", "Bad", "--body", "Hi {nmae}")
	b.expect(ExitFailed, "already a template", "template", "add", "first revisit", "--body", "x")
	b.expect(ExitFailed, "is ambiguous", "template", "show", "A")
	os.WriteFile(script, []byte("#!/bin/sh\nexit 3\n"), 0o700)
	b.expect(ExitFailed, "the editor exited with status 3", "template", "edit", "Reminder")
	b.must("template", "remove", "Reminder")
	b.expect(ExitFailed, "not found", "template", "show", "Reminder")
}

// TestCareCLIChinese: under --lang zh the Care section and the care verbs
// speak Chinese (dates as 11月22日 周日).
func TestCareCLIChinese(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "王芳", "--tier", "A")
	b.must("contact", "add", "王芳", "李强", "--birthday", "1980-11-22")
	e, out, _ := b.env("")
	e.Lang = i18n.NewChoice(i18n.Zh, "")
	if code := Run(e, []string{"today"}); code != ExitOK {
		t.Fatalf("today: %d", code)
	}
	for _, w := range []string{"关怀（1）", "A 类", "2天后（11月22日 周日）", "李强的生日（46岁）"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("Chinese Care lacks %q:\n%s", w, out.String())
		}
	}
	out.Reset()
	if code := Run(e, []string{"date", "list", "王芳"}); code != ExitOK || !strings.Contains(out.String(), "生日") || !strings.Contains(out.String(), "（每年）") {
		t.Errorf("date list in Chinese: %d %q", code, out.String())
	}
}
