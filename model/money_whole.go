package model

import (
	"strings"
)

// FormatWhole renders the amount rounded (half up) to whole units of its
// currency, with thousands separators: "¥84,000", "$1,250", "12,000 CHF".
// Targets and paces read better without cents.
func (m Money) FormatWhole() string {
	neg, abs := m.Minor < 0, absMinor(m.Minor)
	unit := pow10(CurrencyDigits(m.Currency))
	whole := abs / unit
	if abs%unit >= (unit+1)/2 && unit > 1 {
		whole++
	}
	var b strings.Builder
	if neg && whole > 0 {
		b.WriteByte('-')
	}
	sym := moneySign(m.Currency)
	b.WriteString(sym)
	b.WriteString(groupThousands(whole))
	if sym == "" && m.Currency != "" {
		b.WriteByte(' ')
		b.WriteString(m.Currency)
	}
	return b.String()
}

// GroupThousands writes a count with thousands separators: 12,345.
func GroupThousands(n int64) string {
	if n < 0 {
		return "-" + groupThousands(absMinor(n))
	}
	return groupThousands(uint64(n))
}
