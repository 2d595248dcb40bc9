package model

import (
	"math"
	"strings"
	"testing"
)

func TestAmountBoundsAndCheckedSums(t *testing.T) {
	if err := ValidateAmount("amount", MaxAmountMinor("USD"), "USD"); err != nil {
		t.Errorf("the bound itself is refused: %v", err)
	}
	if err := ValidateAmount("amount", MaxAmountMinor("USD")+1, "USD"); err == nil || !strings.Contains(err.Error(), "larger than any one sale") {
		t.Errorf("above the bound: %v", err)
	}
	if err := ValidateAmount("amount", MaxAmountMinor("JPY"), "JPY"); err != nil || MaxAmountMinor("JPY") != MaxAmountMajor {
		t.Errorf("whole-unit currency bound: %v", err)
	}
	if err := ValidateAmount("amount", -1, "USD"); err == nil {
		t.Error("negative amount accepted")
	}
	for _, c := range []struct {
		a, b, want int64
		over       bool
	}{
		{1, 2, 3, false},
		{math.MaxInt64, 1, math.MaxInt64, true},
		{5e18, 5e18, math.MaxInt64, true},
		{math.MinInt64, -1, math.MinInt64, true},
		{math.MaxInt64, -1, math.MaxInt64 - 1, false},
	} {
		if got, over := AddMinor(c.a, c.b); got != c.want || over != c.over {
			t.Errorf("AddMinor(%d, %d) = %d, %v", c.a, c.b, got, over)
		}
	}
}
