package model

import (
	"fmt"
	"math"
)

// MaxAmountMajor is the largest order or deal rapport accepts, in major
// units (dollars, yuan, yen): a trillion, more than any one sale a business
// books. It keeps every total far from int64 overflow.
const MaxAmountMajor = 1_000_000_000_000

// MaxAmountMinor is MaxAmountMajor in minor units of a currency.
func MaxAmountMinor(currency string) int64 {
	return MaxAmountMajor * int64(pow10(CurrencyDigits(currency)))
}

// ValidateAmount checks one order's or deal's amount: not negative and at
// most MaxAmountMajor in its currency.
func ValidateAmount(field string, minor int64, currency string) error {
	if minor < 0 {
		return Invalid(field, "cannot be negative")
	}
	if minor > MaxAmountMinor(currency) {
		return Invalid(field, "%s is more than %s, larger than any one sale a business books: check the amount",
			FormatMinor(minor, currency), FormatMinor(MaxAmountMinor(currency), currency))
	}
	return nil
}

// AddMinor adds two amounts and reports whether the sum overflowed int64
// (then the sum is clamped to the int64 range, never wrapped to the other sign).
func AddMinor(a, b int64) (int64, bool) {
	s := a + b
	switch {
	case a > 0 && b > 0 && s < 0:
		return math.MaxInt64, true
	case a < 0 && b < 0 && s >= 0:
		return math.MinInt64, true
	}
	return s, false
}

// TotalOverflowError is a total of amounts that does not fit in 64 bits: some
// stored amount is far beyond MaxAmountMajor (a row edited by hand or
// written by an older rapport).
type TotalOverflowError struct {
	What string // what was being totalled, "tier B revenue"
}

func (e *TotalOverflowError) Error() string {
	return fmt.Sprintf("the total of %s is too large to compute: some amount in the book is far beyond %d; rapport check lists the rows to correct", e.What, MaxAmountMajor)
}
