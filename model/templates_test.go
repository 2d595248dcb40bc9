package model

import (
	"strings"
	"testing"
)

func TestFill(t *testing.T) {
	body := "Hi {contact} at {company}: {days_since_contact} days since we spoke; {deal} is in {stage}, due {due}; since {last_order}. {name}"
	full := Fill(body, TemplateValues{Name: "Acme", Contact: "Jane", Company: "Acme Ltd", DaysSinceContact: 12, LastOrder: "2027-01-04", Deal: "Renewal", Stage: "Proposal", Due: "2027-03-02"})
	want := "Hi Jane at Acme Ltd: 12 days since we spoke; Renewal is in Proposal, due 2027-03-02; since 2027-01-04. Acme"
	if full != want {
		t.Errorf("full fill:\n got %q\nwant %q", full, want)
	}
	empty := Fill(body, TemplateValues{Name: "Acme", DaysSinceContact: -1})
	if strings.Contains(empty, "{") {
		t.Errorf("a missing value left a placeholder: %q", empty)
	}
	for _, w := range []string{"Hi Acme at Acme:", "some days", "our work together", "the next step", "due soon", "your last order"} {
		if !strings.Contains(empty, w) {
			t.Errorf("missing values read %q, want %q in it", empty, w)
		}
	}
	zh := Fill("{contact}您好，关于{deal}", TemplateValues{Name: "王芳", DaysSinceContact: -1})
	if zh != "王芳您好，关于我们的合作" {
		t.Errorf("Chinese fallback = %q", zh)
	}
	// Stored text is sanitised on the way in.
	if got := Fill("{name}", TemplateValues{Name: "x\x1b[31my"}); strings.ContainsRune(got, 0x1b) {
		t.Errorf("escape passed: %q", got)
	}
}

func TestTemplateValidate(t *testing.T) {
	for _, tp := range DefaultTemplates() {
		if err := tp.Validate(); err != nil {
			t.Errorf("default %q: %v", tp.Name, err)
		}
	}
	bad := Template{Name: "x", Purpose: PurposeOther, Body: "Hi {nmae}"}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "{nmae}") {
		t.Errorf("unknown placeholder: %v", err)
	}
	if err := (&Template{Name: "x", Purpose: "spam", Body: "b"}).Validate(); err == nil {
		t.Error("unknown purpose validated")
	}
}

func TestRankTemplates(t *testing.T) {
	ts := DefaultTemplates()
	got := RankTemplates(ts, TemplateFor{Purpose: PurposeOf("After-sale revisit: Renewal"), Tier: TierB})
	if got[0].Name != "After-sale revisit" || got[1].Name != "售后回访" {
		t.Errorf("after-sale first: %s, %s", got[0].Name, got[1].Name)
	}
	zh := RankTemplates(ts, TemplateFor{Purpose: PurposeOf("春节问候"), Chinese: true})
	if zh[0].Name != "节日问候" {
		t.Errorf("Chinese holiday first: %s", zh[0].Name)
	}
	// A tier-A template goes last for a tier C customer without a purpose.
	c := RankTemplates(ts, TemplateFor{Tier: TierC})
	if c[len(c)-1].Tier != TierA {
		t.Errorf("tier A template not last for tier C: %s", c[len(c)-1].Name)
	}
	if PurposeOf("Send quote") != "" {
		t.Error("a title without purpose words got one")
	}
}
