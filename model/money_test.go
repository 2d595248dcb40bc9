package model

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestCurrencyDigits(t *testing.T) {
	tests := []struct {
		code string
		want int
	}{
		{"USD", 2}, {"CNY", 2}, {"EUR", 2}, {"HUF", 2}, {"CHF", 2},
		{"JPY", 0}, {"KRW", 0}, {"VND", 0}, {"CLP", 0}, {"ISK", 0},
		{"BHD", 3}, {"KWD", 3}, {"OMR", 3}, {"JOD", 3}, {"TND", 3},
		{"CLF", 4}, {"XYZ", 2}, {"", 2}, {"jpy", 0},
	}
	for _, tt := range tests {
		if got := CurrencyDigits(tt.code); got != tt.want {
			t.Errorf("CurrencyDigits(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
}

func TestValidCurrency(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"USD", true}, {"XYZ", true}, {"usd", false}, {"US", false}, {"USDT", false},
		{"", false}, {"U5D", false}, {"ÜSD", false},
	}
	for _, tt := range tests {
		if got := ValidCurrency(tt.code); got != tt.want {
			t.Errorf("ValidCurrency(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in, def string
		want    Money
	}{
		{"0", "USD", Money{0, "USD"}},
		{"12000", "USD", Money{1200000, "USD"}},
		{"12,000", "USD", Money{1200000, "USD"}},
		{"12000.50", "USD", Money{1200050, "USD"}},
		{"12,000.50", "USD", Money{1200050, "USD"}},
		{"  12,000.5  ", "USD", Money{1200050, "USD"}},
		{"0.1", "USD", Money{10, "USD"}},
		{"0.01", "USD", Money{1, "USD"}},
		{".5", "USD", Money{50, "USD"}},
		{"12.", "USD", Money{1200, "USD"}},
		{"007", "USD", Money{700, "USD"}},
		{"+5", "USD", Money{500, "USD"}},
		{"1,234,567.89", "USD", Money{123456789, "USD"}},
		{"1.200.000", "EUR", Money{120000000, "EUR"}},
		{"1,00,000", "INR", Money{10000000, "INR"}},
		{"₹1,23,45,678", "USD", Money{1234567800, "INR"}},
		// signs
		{"¥12,000", "USD", Money{1200000, "CNY"}},
		{"￥12,000", "USD", Money{1200000, "CNY"}},
		{"¥12,000", "JPY", Money{12000, "JPY"}},
		{"¥12,000", "CNY", Money{1200000, "CNY"}},
		{"$3.5k", "CNY", Money{350000, "USD"}},
		{"$500", "CAD", Money{50000, "CAD"}},
		{"US$500", "CAD", Money{50000, "USD"}},
		{"HK$1,000", "CNY", Money{100000, "HKD"}},
		{"€1.200,50", "USD", Money{120050, "EUR"}},
		{"€12", "USD", Money{1200, "EUR"}},
		{"1.200,50 €", "USD", Money{120050, "EUR"}},
		{"£5", "USD", Money{500, "GBP"}},
		{"₩50,000", "USD", Money{50000, "KRW"}},
		// codes
		{"USD 1,200", "CNY", Money{120000, "USD"}},
		{"USD1200", "CNY", Money{120000, "USD"}},
		{"1200 EUR", "USD", Money{120000, "EUR"}},
		{"1200eur", "USD", Money{120000, "EUR"}},
		{"1200 chf", "USD", Money{120000, "CHF"}},
		{"12 MXN", "USD", Money{1200, "MXN"}},
		{"RMB 100", "USD", Money{10000, "CNY"}},
		{"$5 USD", "CNY", Money{500, "USD"}},
		{"¥500 JPY", "USD", Money{500, "JPY"}},
		{"JPY ¥500", "USD", Money{500, "JPY"}},
		{"100 KWD", "USD", Money{100000, "KWD"}},
		{"1.234 BHD", "USD", Money{1234, "BHD"}},
		// magnitudes
		{"3.5k", "USD", Money{350000, "USD"}},
		{"3.5K", "USD", Money{350000, "USD"}},
		{"3.5 k", "USD", Money{350000, "USD"}},
		{"1.2m", "USD", Money{120000000, "USD"}},
		{"1.2M", "USD", Money{120000000, "USD"}},
		{"2万", "CNY", Money{2000000, "CNY"}},
		{"1.5万", "CNY", Money{1500000, "CNY"}},
		{"2万元", "USD", Money{2000000, "CNY"}},
		{"1.2亿", "CNY", Money{12000000000, "CNY"}},
		{"3千", "CNY", Money{300000, "CNY"}},
		{"1.23456k", "USD", Money{123456, "USD"}},
		{"3.5k USD", "CNY", Money{350000, "USD"}},
		{"1.5k", "JPY", Money{1500, "JPY"}},
		{"¥1.5万", "JPY", Money{15000, "JPY"}},
		// full-width input
		{"１２，０００", "CNY", Money{1200000, "CNY"}},
		{"＄５", "CNY", Money{500, "USD"}},
		// the largest amount that fits
		{"92233720368547758.07", "USD", Money{math.MaxInt64, "USD"}},
		{"9223372036854775807", "JPY", Money{math.MaxInt64, "JPY"}},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in, tt.def)
		if err != nil {
			t.Errorf("ParseMoney(%q, %q): %v", tt.in, tt.def, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseMoney(%q, %q) = %+v, want %+v", tt.in, tt.def, got, tt.want)
		}
	}
}

func TestParseMoneyErrors(t *testing.T) {
	tests := []struct {
		in, def string
		msg     string // a part of the message
	}{
		{"", "USD", "12,000, 12000.50, $3.5k or ¥12,000"},
		{"   ", "USD", "enter an amount"},
		{"abc", "USD", "is not an amount"},
		{"twelve", "USD", "is not an amount; try 12,000, 12000.50, $3.5k or ¥12,000"},
		{"$", "USD", "is not an amount"},
		{".", "USD", "is not an amount"},
		{"NaN", "USD", "is not an amount"},
		{"Inf", "USD", "is not an amount"},
		{"+Inf", "USD", "is not an amount"},
		{"infinity", "USD", "is not an amount"},
		{"1e5", "USD", "is not an amount"},
		{"0x10", "USD", "is not an amount"},
		{"-5", "USD", "negative"},
		{"-$5.00", "USD", "negative"},
		{"$-5", "USD", "negative"},
		{"USD -5", "USD", "negative"},
		{"−5", "USD", "negative"},
		{"--5", "USD", "negative"},
		{"++5", "USD", "is not an amount"},
		{"+-5", "USD", "negative"},
		{"5-", "USD", "is not an amount"},
		{"(5.00)", "USD", "is not an amount"},
		{"1.005", "USD", "more decimal places than USD allows (2)"},
		{"12000.5", "JPY", "JPY has no minor unit"},
		{"¥1.5", "JPY", "no minor unit"},
		{"1.23456789k", "USD", "more decimal places"},
		{"1.0001", "BHD", "more decimal places than BHD allows (3)"},
		{"9223372036854775807", "USD", "too large"},
		{"92233720368547758.08", "USD", "too large"},
		{"99999999999999999999m", "USD", "too large"},
		{"1,2,3", "USD", "misplaced separators"},
		{"1,5", "USD", "misplaced separators"},
		{"12,00", "USD", "misplaced separators"},
		{"1.2.3", "USD", "misplaced separators"},
		{"1.000.000,5,5", "EUR", "misplaced separators"},
		{"1,000.5.5", "USD", "misplaced separators"},
		{",", "USD", "is not an amount"},
		{"$5 EUR", "USD", "two currencies"},
		{"€5 USD", "USD", "two currencies"},
		{"USD 5 EUR", "USD", "two currencies"},
		{"$€5", "USD", "two currencies"},
		{"5 km", "USD", "is not an amount"},
		{"12 000", "USD", "is not an amount"},
		{"5", "", "names no currency"},
		{"5", "dollars", "names no currency"},
		{strings.Repeat("1", 200), "USD", "too long"},
		{"5\x00", "USD", "is not an amount"},
		{"\xff5", "USD", "is not an amount"},
		{"5\x1b[31m", "USD", `"5\x1b[31m"`}, // quoted: no raw escape in the message
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in, tt.def)
		if err == nil {
			t.Errorf("ParseMoney(%q, %q) = %+v, want an error", tt.in, tt.def, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("ParseMoney(%q, %q) error %q, want it to mention %q", tt.in, tt.def, err, tt.msg)
		}
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("ParseMoney(%q) error is %T, want *ValidationError", tt.in, err)
		}
		if strings.ContainsRune(err.Error(), 0x1b) {
			t.Errorf("ParseMoney(%q) error contains a raw ESC: %q", tt.in, err)
		}
	}
}

func TestMoneyFormat(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{Money{1200050, "CNY"}, "¥12,000.50"},
		{Money{1200050, "USD"}, "$12,000.50"},
		{Money{1200050, "EUR"}, "€12,000.50"},
		{Money{500, "GBP"}, "£5.00"},
		{Money{12000, "JPY"}, "¥12,000"},
		{Money{1200050, "CHF"}, "12,000.50 CHF"},
		{Money{50000, "KRW"}, "50,000 KRW"},
		{Money{1234, "BHD"}, "1.234 BHD"},
		{Money{5, "BHD"}, "0.005 BHD"},
		{Money{0, "USD"}, "$0.00"},
		{Money{1, "USD"}, "$0.01"},
		{Money{99, "USD"}, "$0.99"},
		{Money{100000, "USD"}, "$1,000.00"},
		{Money{123456789, "USD"}, "$1,234,567.89"},
		{Money{-500, "USD"}, "-$5.00"},
		{Money{-500, "CHF"}, "-5.00 CHF"},
		{Money{math.MaxInt64, "USD"}, "$92,233,720,368,547,758.07"},
		{Money{math.MinInt64, "JPY"}, "-¥9,223,372,036,854,775,808"},
		{Money{1200, ""}, "12.00"},
	}
	for _, tt := range tests {
		if got := tt.m.Format(); got != tt.want {
			t.Errorf("%+v.Format() = %q, want %q", tt.m, got, tt.want)
		}
		if got := FormatMinor(tt.m.Minor, tt.m.Currency); got != tt.want {
			t.Errorf("FormatMinor(%d, %q) = %q, want %q", tt.m.Minor, tt.m.Currency, got, tt.want)
		}
	}
}

func TestMoneyFormatShort(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{Money{0, "USD"}, "$0"},
		{Money{95000, "USD"}, "$950"},
		{Money{95075, "USD"}, "$951"},
		{Money{95049, "USD"}, "$950"},
		{Money{99949, "USD"}, "$999"},
		{Money{99950, "USD"}, "$1k"},
		{Money{100000, "USD"}, "$1k"},
		{Money{350000, "CNY"}, "¥3.5k"},
		{Money{3500, "JPY"}, "¥3.5k"},
		{Money{1200000, "USD"}, "$12k"},
		{Money{1250000, "USD"}, "$13k"},
		{Money{994999, "USD"}, "$9.9k"},
		{Money{995000, "USD"}, "$10k"},
		{Money{12500000, "USD"}, "$125k"},
		{Money{99949999, "USD"}, "$999k"},
		{Money{99950000, "USD"}, "$1M"},
		{Money{120000000, "USD"}, "$1.2M"},
		{Money{1200000, "CHF"}, "12k CHF"},
		{Money{250000000000, "USD"}, "$2.5B"},
		{Money{math.MaxInt64, "USD"}, "$92234T"},
		{Money{math.MaxInt64, "CLF"}, "922T CLF"},
		{Money{-1200000, "USD"}, "-$12k"},
		{Money{-1, "USD"}, "$0"},
		{Money{math.MinInt64, "JPY"}, "-¥9223372T"},
	}
	for _, tt := range tests {
		if got := tt.m.FormatShort(); got != tt.want {
			t.Errorf("%+v.FormatShort() = %q, want %q", tt.m, got, tt.want)
		}
	}
}

// TestMoneyRoundTrip: what Format prints, ParseMoney reads back, given the
// currency the amount is shown in.
func TestMoneyRoundTrip(t *testing.T) {
	ms := []Money{
		{0, "USD"}, {1, "USD"}, {1200050, "CNY"}, {12000, "JPY"}, {1234, "BHD"},
		{50000, "KRW"}, {1200050, "CHF"}, {math.MaxInt64, "USD"}, {math.MaxInt64, "JPY"},
		{123456789, "EUR"}, {500, "GBP"}, {7, "CLF"}, {42, "XYZ"},
	}
	for _, m := range ms {
		for _, def := range []string{m.Currency, "USD", "CNY"} {
			if def != m.Currency && moneySign(m.Currency) != "" {
				continue // "¥" alone does not say JPY unless JPY is the default
			}
			got, err := ParseMoney(m.Format(), def)
			if err != nil || got != m {
				t.Errorf("ParseMoney(%q, %q) = %+v, %v; want %+v", m.Format(), def, got, err, m)
			}
		}
	}
}

func TestFormatShortZh(t *testing.T) {
	for _, c := range []struct {
		minor int64
		cur   string
		want  string
	}{
		{850000, "CNY", "¥8500"},
		{999999, "CNY", "¥1万"},
		{1230000, "CNY", "¥1.2万"},
		{123000000, "CNY", "¥123万"},
		{99990000 * 100, "CNY", "¥9999万"}, {100000000 * 100, "CNY", "¥1亿"},
		{24000000000, "CNY", "¥2.4亿"},
		{-1230000, "CNY", "-¥1.2万"},
		{0, "CNY", "¥0"},
		{1230000, "CHF", "1.2万 CHF"},
	} {
		if got := (Money{Minor: c.minor, Currency: c.cur}).FormatShortZh(); got != c.want {
			t.Errorf("%d %s = %q, want %q", c.minor, c.cur, got, c.want)
		}
	}
}
