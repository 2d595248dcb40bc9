package model

import (
	"strconv"
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

// FormatShortZh renders the amount compactly the Chinese way, in 万 (10⁴)
// and 亿 (10⁸): "¥8500", "¥1.2万", "¥356万", "¥2.4亿"; the sign and code
// as FormatShort puts them.
func (m Money) FormatShortZh() string {
	neg, abs := m.Minor < 0, absMinor(m.Minor)
	num := shortNumberZh(abs, pow10(CurrencyDigits(m.Currency)))
	var b strings.Builder
	if neg && num != "0" {
		b.WriteByte('-')
	}
	sym := moneySign(m.Currency)
	b.WriteString(sym)
	b.WriteString(num)
	if sym == "" && m.Currency != "" {
		b.WriteByte(' ')
		b.WriteString(m.Currency)
	}
	return b.String()
}

// shortNumberZh renders abs minor units as "8500", "1.2万", "356万",
// "2.4亿", "12万亿": one decimal below ten of a unit, whole numbers below
// 10,000 of it.
func shortNumberZh(abs, minorPerMajor uint64) string {
	units := []struct {
		suffix string
		size   uint64
	}{{"", 1}, {"万", 1e4}, {"亿", 1e8}, {"万亿", 1e12}}
	for i, u := range units {
		den := minorPerMajor * u.size // at most 10^4 × 10^12: no overflow
		q, r := abs/den, abs%den
		last := i == len(units)-1
		if u.size > 1 {
			tenths := q*10 + (r*10+den/2)/den
			if tenths < 100 {
				s := strconv.FormatUint(tenths/10, 10)
				if tenths%10 != 0 {
					s += "." + strconv.FormatUint(tenths%10, 10)
				}
				return s + u.suffix
			}
		}
		whole := q
		if r*2 >= den {
			whole++
		}
		if whole < 10000 || last {
			return strconv.FormatUint(whole, 10) + u.suffix
		}
	}
	return "" // not reached: the last unit always returns
}
