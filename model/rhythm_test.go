package model

import (
	"math"
	"testing"
)

// repeatGaps returns n copies of g.
func repeatGaps(n int, g float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = g
	}
	return out
}

func TestBookRhythm(t *testing.T) {
	// 1..20: median of an even count is the mean of 10 and 11.
	oneToTwenty := make([]float64, 20)
	for i := range oneToTwenty {
		oneToTwenty[i] = float64(20 - i) // unsorted on purpose
	}
	tests := []struct {
		name string
		gaps []float64
		want int
	}{
		{"none", nil, 30},
		{"19 qualify", repeatGaps(19, 12), 30},
		{"20 qualify", repeatGaps(20, 12), 12},
		{"even count, half up", oneToTwenty, 11}, // (10+11)/2 = 10.5 → 11
		{"21 odd count", append(repeatGaps(10, 20), append(repeatGaps(10, 40), 33)...), 33},
		{"clamped to 7", repeatGaps(25, 2), 7},
		{"6.5 rounds to 7", repeatGaps(20, 6.5), 7},
		{"6.4 clamps to 7", repeatGaps(20, 6.4), 7},
		{"clamped to 90", repeatGaps(25, 200), 90},
		{"90.4 rounds to 90", repeatGaps(20, 90.4), 90},
		{"zero gaps", repeatGaps(20, 0), 7},
		{"31.5 rounds up", append(repeatGaps(10, 31), repeatGaps(10, 32)...), 32},
		{"NaN does not qualify", append(repeatGaps(19, 12), math.NaN()), 30},
		{"negative does not qualify", append(repeatGaps(19, 12), -3), 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]float64(nil), tt.gaps...)
			if got := BookRhythm(in); got != tt.want {
				t.Fatalf("BookRhythm = %d, want %d", got, tt.want)
			}
			for i := range in {
				if in[i] != tt.gaps[i] && !math.IsNaN(in[i]) {
					t.Fatalf("BookRhythm modified its input")
				}
			}
		})
	}
}

func TestMedianGap(t *testing.T) {
	d := DayFromYMD(2026, 1, 1)
	tests := []struct {
		name string
		days []Day
		want float64
	}{
		{"none", nil, 0},
		{"one", []Day{d}, 0},
		{"two", []Day{d, d + 9}, 9},
		{"half day median", []Day{d, d + 4, d + 9}, 4.5},
		{"three gaps", []Day{d, d + 10, d + 12, d + 40}, 10},                         // gaps 10, 2, 28
		{"middle of three", []Day{d, d + 10, d + 13, d + 20}, 7},                     // gaps 10, 3, 7 → 7
		{"four gaps: mean of middle two", []Day{d, d + 4, d + 9, d + 20, d + 40}, 8}, // gaps 4,5,11,20 → 8
		{"duplicates give 0", []Day{d, d, d, d + 30}, 0},                             // gaps 0, 0, 30
		{"unsorted is sorted first", []Day{d + 20, d, d + 10}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MedianGap(tt.days); got != tt.want {
				t.Fatalf("MedianGap = %v, want %v", got, tt.want)
			}
		})
	}
}
