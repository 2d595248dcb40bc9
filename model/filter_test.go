package model

import (
	"reflect"
	"testing"

	"github.com/rapportcrm/rapport/model/i18n"
)

func TestParseFilter(t *testing.T) {
	cases := []struct {
		in   string
		want Filter
	}{
		{"", Filter{}},
		{"acme", Filter{Terms: []string{"acme"}}},
		{"王芳 #vip tier:a risk:at", Filter{Terms: []string{"王芳"}, Tags: []string{"vip"}, Tier: TierA, Risk: LevelAtRisk}},
		{`"big order" stage:Prop archived:yes`, Filter{Terms: []string{"big order"}, Stage: "Prop", Archived: true}},
		{"risk:watch", Filter{Risk: LevelWatch}},
		{"tier:z", Filter{Problems: []error{i18n.Errorf("%s (use tier:A, tier:B or tier:C)", "tier:z")}}},
		{"q ? 1", Filter{Terms: []string{"q", "?", "1"}}},
		{"archived:maybe", Filter{Problems: []error{i18n.Errorf("%s (use archived:yes or archived:no)", "archived:maybe")}}},
		{"risk:foo acme", Filter{Terms: []string{"acme"}, Problems: []error{i18n.Errorf("%s (use risk:at or risk:watch)", "risk:foo")}}},
	}
	for _, c := range cases {
		got := ParseFilter(c.in)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseFilter(%q) = %+v, want %+v", c.in, got, c.want)
		}
		if got.MatchesNothing() != (len(c.want.Problems) > 0) {
			t.Errorf("ParseFilter(%q).MatchesNothing() = %v", c.in, got.MatchesNothing())
		}
	}
}

func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"acme #vip tier:A", `"a b`, "risk:", "stage:", "\x1b[31m#x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ParseFilter(s)
		for _, term := range got.Terms {
			if term == "" || Sanitize(term) != term {
				t.Fatalf("bad term %q from %q", term, s)
			}
		}
	})
}
