package cli

import (
	"strings"
	"testing"
)

// TestTiersRankEveryCurrency (issue 27 item 12): in a USD book, CNY
// customers are ranked among themselves until a rate exists (and the report
// says so); with `config rate CNY 0.14` their revenue is converted and
// ranked with everyone's.
func TestTiersRankEveryCurrency(t *testing.T) {
	b := newBook(t)
	b.must("config", "currency", "USD")
	for _, c := range []struct{ name, amount string }{
		{"Alpha", "$50,000"}, {"Beta", "$30,000"}, {"Gamma", "$10,000"}, {"Delta", "$5,000"},
		{"王芳", "¥8,100,000"}, {"李雷", "¥1,000"}, {"韩梅", "¥500"},
	} {
		b.must("add", "customer", c.name)
		b.must("order", c.name, c.amount)
	}
	tier := func(name string) string {
		t.Helper()
		out := b.must("show", name)
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "tier") || strings.Contains(line, "Tier") {
				for _, x := range []string{" A", " B", " C"} {
					if strings.Contains(line, x) {
						return strings.TrimSpace(x)
					}
				}
			}
		}
		t.Fatalf("no tier in show %s: %s", name, out)
		return ""
	}
	b.must("segment")
	if got := tier("王芳"); got != "A" {
		t.Errorf("without a rate the biggest CNY customer is %s, want A (ranked among CNY customers)", got)
	}
	if got := tier("韩梅"); got != "C" {
		t.Errorf("the smallest CNY customer is %s, want C", got)
	}
	if out := b.must("report"); !strings.Contains(out, "Ranked apart") || !strings.Contains(out, "CNY") {
		t.Errorf("the report does not say CNY customers are ranked apart:\n%s", out)
	}
	b.must("config", "rate", "CNY", "0.14")
	if out := b.must("config", "rate", "CNY"); !strings.Contains(out, "1 CNY = 0.140000 USD") || !strings.Contains(out, "2026-11-20") {
		t.Errorf("config rate CNY: %s", out)
	}
	b.must("segment")
	// ¥8.1M ≈ $1.13M: more than all the USD revenue together.
	if got := tier("王芳"); got != "A" {
		t.Errorf("with the rate the biggest customer is %s, want A", got)
	}
	if got := tier("Alpha"); got == "A" {
		t.Errorf("Alpha ($50k) stays A next to a $1.13M customer")
	}
	out := b.must("report")
	if strings.Contains(out, "Ranked apart") || !strings.Contains(out, "1 CNY = 0.140000 USD") {
		t.Errorf("the report after the rate:\n%s", out)
	}
	b.expect(ExitUsage, "exchange rate", "config", "rate", "CNY", "-1")
}
