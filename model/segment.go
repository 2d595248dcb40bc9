package model

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/rapportcrm/rapport/model/i18n"
)

// Tier is a customer's segment by revenue: A, B or C (SPEC §3, Segmentation).
type Tier string

// The three tiers. A customers make the first 70% of the last year's
// revenue, B the next 20%, C the rest (and everyone without revenue).
const (
	TierA Tier = "A"
	TierB Tier = "B"
	TierC Tier = "C"
)

// ParseTier accepts a/b/c case-insensitively (surrounding spaces ignored).
func ParseTier(s string) (Tier, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "A":
		return TierA, nil
	case "B":
		return TierB, nil
	case "C":
		return TierC, nil
	}
	return "", i18n.Errorf("tier must be A, B or C, not %q", s)
}

// DefaultCadence returns the default cadence in days for a tier: A 14, B 30,
// C 60. Anything that is not A or B gets C's cadence.
func DefaultCadence(t Tier) int {
	switch t {
	case TierA:
		return 14
	case TierB:
		return 30
	}
	return 60
}

// AssignTiers computes tiers from revenue over the last 365 days per customer
// id (book currency, minor units; customers with no revenue may be absent or
// 0). It walks customers by revenue descending (ties: lower id first); a
// customer is A if the cumulative revenue BEFORE it is < 70% of the total, B
// if < 90%, else C; zero (or negative, e.g. net refunds) revenue → C. It
// returns the tier for every id in revenue; the caller keeps pinned tiers and
// gives customers not in the map C.
//
// The sums and comparisons are exact (128-bit): no total overflows them.
func AssignTiers(revenue map[int64]int64) map[int64]Tier {
	out := make(map[int64]Tier, len(revenue))
	type idRevenue struct{ id, r int64 }
	ranked := make([]idRevenue, 0, len(revenue))
	var total segmentU128
	for id, r := range revenue {
		if r <= 0 {
			out[id] = TierC
			continue
		}
		ranked = append(ranked, idRevenue{id, r})
		total = total.add(uint64(r))
	}
	// Largest revenue first, then lowest id (the pairs are sorted as they
	// are, without a map lookup per comparison).
	slices.SortFunc(ranked, func(a, b idRevenue) int {
		switch {
		case a.r > b.r:
			return -1
		case a.r < b.r:
			return 1
		case a.id < b.id:
			return -1
		case a.id > b.id:
			return 1
		}
		return 0
	})
	var before segmentU128
	for _, x := range ranked {
		// before < 70% of total ⇔ 10·before < 7·total
		switch {
		case before.mul(10).less(total.mul(7)):
			out[x.id] = TierA
		case before.mul(10).less(total.mul(9)):
			out[x.id] = TierB
		default:
			out[x.id] = TierC
		}
		before = before.add(uint64(x.r))
	}
	return out
}

// segmentU128 is an unsigned 128-bit number: a sum of up to 2^31 int64
// revenues, times 10, still fits.
type segmentU128 struct{ hi, lo uint64 }

func (a segmentU128) add(b uint64) segmentU128 {
	lo, carry := bits.Add64(a.lo, b, 0)
	return segmentU128{a.hi + carry, lo}
}

func (a segmentU128) mul(k uint64) segmentU128 {
	hi, lo := bits.Mul64(a.lo, k)
	return segmentU128{a.hi*k + hi, lo}
}

func (a segmentU128) less(b segmentU128) bool {
	return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo)
}
