package model

import (
	"math"
	"slices"
)

// Bounds and default of the book's rhythm g (SPEC §3).
const (
	// DefaultRhythm is g in days when too few customers qualify.
	DefaultRhythm = 30
	// MinRhythm and MaxRhythm clamp g.
	MinRhythm = 7
	MaxRhythm = 90
	// RhythmMinCustomers is how many customers (with ≥ 3 contacts in the
	// last 365 days) are needed before the book's own median is used.
	RhythmMinCustomers = 20
)

// BookRhythm computes g: gaps is, for each customer with ≥3 contacts in the
// last 365 days, that customer's median gap in days between consecutive
// contacts. Median of those; 30 when fewer than 20 customers qualify; rounded
// to whole days (half up); clamped to 7–90. Values that are negative, NaN or
// infinite are not gaps and do not count as qualifying customers.
func BookRhythm(perCustomerMedianGaps []float64) int {
	gaps := make([]float64, 0, len(perCustomerMedianGaps))
	for _, g := range perCustomerMedianGaps {
		if g >= 0 && !math.IsInf(g, 1) { // also drops NaN
			gaps = append(gaps, g)
		}
	}
	if len(gaps) < RhythmMinCustomers {
		return DefaultRhythm
	}
	r := math.Floor(rhythmMedian(gaps) + 0.5)
	return int(min(max(r, MinRhythm), MaxRhythm))
}

// MedianGap returns the median of the day gaps between consecutive dates
// (dates sorted ascending, duplicates allowed → gap 0); 0 when fewer than 2
// dates. Unsorted input is sorted (on a copy) first.
func MedianGap(sortedDays []Day) float64 {
	if len(sortedDays) < 2 {
		return 0
	}
	days := sortedDays
	if !slices.IsSorted(days) {
		days = slices.Sorted(slices.Values(sortedDays))
	}
	gaps := make([]float64, len(days)-1)
	for i := 1; i < len(days); i++ {
		gaps[i-1] = float64(int64(days[i]) - int64(days[i-1]))
	}
	return rhythmMedian(gaps)
}

// rhythmMedian returns the median of xs (sorting xs in place); the mean of
// the two middle values for an even count. xs must not be empty.
func rhythmMedian(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
