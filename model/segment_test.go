package model

import (
	"maps"
	"math"
	"strings"
	"testing"
)

func TestAssignTiers(t *testing.T) {
	tests := []struct {
		name    string
		revenue map[int64]int64
		want    map[int64]Tier
	}{
		{"empty", map[int64]int64{}, map[int64]Tier{}},
		{"nil", nil, map[int64]Tier{}},
		{"one customer", map[int64]int64{7: 100}, map[int64]Tier{7: TierA}},
		{"all zero", map[int64]int64{1: 0, 2: 0}, map[int64]Tier{1: TierC, 2: TierC}},
		{
			// total 1000 (zero and negative revenue left out). Walk: 1 (before
			// 0) A, 2 (before 500 < 700) A, 4 before 9 on the tie (before 800
			// < 900) B, 9 (before 900, not < 900) C.
			"hand example",
			map[int64]int64{9: 100, 2: 300, 4: 100, 1: 500, 5: 0, 6: -50},
			map[int64]Tier{1: TierA, 2: TierA, 4: TierB, 9: TierC, 5: TierC, 6: TierC},
		},
		{
			// ten equal customers, 100 each: before = 0,100,…,900; A while
			// before < 700, B while < 900.
			"ties by id",
			map[int64]int64{10: 100, 9: 100, 8: 100, 7: 100, 6: 100, 5: 100, 4: 100, 3: 100, 2: 100, 1: 100},
			map[int64]Tier{1: TierA, 2: TierA, 3: TierA, 4: TierA, 5: TierA, 6: TierA, 7: TierA, 8: TierB, 9: TierB, 10: TierC},
		},
		{
			// one whale: everyone after it has 95% before them.
			"whale",
			map[int64]int64{1: 9500, 2: 300, 3: 200},
			map[int64]Tier{1: TierA, 2: TierC, 3: TierC},
		},
		{
			// the 70% line exactly: before 700 is not < 700.
			"exact line",
			map[int64]int64{1: 700, 2: 200, 3: 100},
			map[int64]Tier{1: TierA, 2: TierB, 3: TierC},
		},
		{
			"huge totals do not overflow",
			map[int64]int64{1: math.MaxInt64, 2: math.MaxInt64, 3: math.MaxInt64 / 2, 4: 1},
			map[int64]Tier{1: TierA, 2: TierA, 3: TierB, 4: TierC},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AssignTiers(tt.revenue); !maps.Equal(got, tt.want) {
				t.Fatalf("AssignTiers = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseTier(t *testing.T) {
	tests := []struct {
		in      string
		want    Tier
		wantErr bool
	}{
		{"A", TierA, false}, {"a", TierA, false}, {"b", TierB, false}, {"C", TierC, false}, {" c ", TierC, false},
		{"", "", true}, {"D", "", true}, {"AA", "", true}, {"ａ", "", true},
	}
	for _, tt := range tests {
		got, err := ParseTier(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseTier(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestDefaultCadence(t *testing.T) {
	for tier, want := range map[Tier]int{TierA: 14, TierB: 30, TierC: 60, "": 60} {
		if got := DefaultCadence(tier); got != want {
			t.Errorf("DefaultCadence(%q) = %d, want %d", tier, got, want)
		}
	}
}

// FuzzParseTier: ParseTier accepts exactly a, b or c (any case, spaces
// around) and what it returns parses again to itself.
func FuzzParseTier(f *testing.F) {
	for _, s := range []string{"A", "b", " c\t", "", "D", "ab", "\u212a", "ａ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tier, err := ParseTier(s)
		if err != nil {
			if tier != "" {
				t.Fatalf("ParseTier(%q) = %q with error %v", s, tier, err)
			}
			return
		}
		if tier != TierA && tier != TierB && tier != TierC {
			t.Fatalf("ParseTier(%q) = %q", s, tier)
		}
		if !strings.EqualFold(strings.TrimSpace(s), string(tier)) || len(strings.TrimSpace(s)) != 1 {
			t.Fatalf("ParseTier(%q) accepted %q", s, tier)
		}
		if again, err := ParseTier(string(tier)); err != nil || again != tier {
			t.Fatalf("ParseTier(%q) does not round-trip: %q, %v", tier, again, err)
		}
	})
}
