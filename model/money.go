package model

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model/i18n"
)

// Money is an amount in minor units of a currency: Money{Minor: 1200050,
// Currency: "USD"} is $12,000.50. Amounts are never floats.
type Money struct {
	// Minor is the amount in the currency's minor units (cents, fen, …).
	Minor int64
	// Currency is an ISO 4217 code such as "USD", "CNY" or "JPY".
	Currency string
}

// moneyExamples ends every "this is not an amount" message.
const moneyExamples = "12,000, 12000.50, $3.5k or ¥12,000"

// maxMoneyInput bounds the length of what ParseMoney reads; a real amount is
// far shorter, and the bound keeps the big-number arithmetic cheap.
const maxMoneyInput = 100

// CurrencyDigits returns the number of minor-unit digits of an ISO 4217
// currency: 0 for JPY, KRW, VND, CLP, ISK and the other whole-unit currencies,
// 3 for BHD, KWD, OMR, JOD, TND, IQD and LYD, 4 for CLF and UYW, and 2 for
// everything else (including HUF and TWD, as ISO lists them, and unknown codes).
func CurrencyDigits(code string) int {
	switch strings.ToUpper(code) {
	case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
		"RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF":
		return 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return 3
	case "CLF", "UYW":
		return 4
	}
	return 2
}

// ValidCurrency reports whether code looks like an ISO 4217 code: exactly
// three ASCII uppercase letters. Any such code is accepted, listed or not.
func ValidCurrency(code string) bool {
	if len(code) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return true
}

// currencySymbol is a currency sign a user may type, with the codes it can
// stand for; the first is what it means when nothing else decides.
type currencySymbol struct {
	text  string
	codes []string
}

// currencySymbols returns the signs ParseMoney understands, longest first so
// that "US$" is tried before "$". A fresh slice each call: no shared state.
func currencySymbols() []currencySymbol {
	dollars := []string{"USD", "AUD", "CAD", "HKD", "NZD", "SGD", "TWD", "MXN"}
	return []currencySymbol{
		{"US$", []string{"USD"}},
		{"HK$", []string{"HKD"}},
		{"NT$", []string{"TWD"}},
		{"A$", []string{"AUD"}},
		{"C$", []string{"CAD"}},
		{"S$", []string{"SGD"}},
		{"$", dollars},
		{"¥", []string{"CNY", "JPY"}},
		{"￥", []string{"CNY", "JPY"}},
		{"€", []string{"EUR"}},
		{"£", []string{"GBP"}},
		{"₩", []string{"KRW"}},
		{"₹", []string{"INR"}},
		{"元", []string{"CNY"}},
		{"円", []string{"JPY"}},
	}
}

// moneyScale is a magnitude suffix: "k", "m", "万", …
type moneyScale struct {
	text   string
	factor int64
}

func moneyScales() []moneyScale {
	return []moneyScale{
		{"k", 1_000}, {"K", 1_000}, {"千", 1_000},
		{"m", 1_000_000}, {"M", 1_000_000},
		{"万", 10_000}, {"萬", 10_000},
		{"亿", 100_000_000}, {"億", 100_000_000},
	}
}

// ParseMoney parses an amount a user typed into minor units. def is the
// currency used when the input names none; it must be a valid code.
//
// It accepts plain and grouped numbers ("12000", "12,000", "12,000.50",
// "1.200.000", Indian "1,00,000"), a trailing magnitude ("$3.5k", "3.5K",
// "1.2m", "2万" = 20000, "1.5万", "1.2亿"), a currency sign before or after the
// number ($ € £ ¥ ￥ ₩ ₹ US$ HK$ …, and 元/円 after it) and an ISO code before or
// after it ("USD 1,200", "1200 eur"; "RMB" means CNY). Full-width digits and
// punctuation are read as their ASCII forms.
//
// Separators: '.' is the decimal point unless the input has both '.' and ','
// and the ',' comes last ("€1.200,50"); a lone kind of separator that appears
// more than once groups thousands ("1.200.000").
//
// Signs: "$" means USD, or def when def is another dollar (CAD, AUD, HKD, …);
// "¥" means CNY, or JPY when def (or a code in the input) is JPY. A code in the
// input overrides def; a sign and a code that disagree ("$5 EUR") are refused.
//
// It refuses, with a message that shows examples: empty or unreadable input,
// negative amounts, more decimal places than the currency has (after scaling
// by k/m/万 the result must be a whole number of minor units, so "1.005" USD
// is refused), amounts that overflow int64 minor units, and misplaced
// thousands separators ("1,2,3"). Errors are *ValidationError with an empty
// Field for the caller to fill in.
func ParseMoney(s, def string) (Money, error) {
	in := foldWidth(strings.TrimSpace(s))
	if in == "" {
		return Money{}, moneyErr(i18n.N("enter an amount, like %s"), examples())
	}
	if len(in) > maxMoneyInput {
		return Money{}, moneyErr(i18n.N("%s is too long for an amount; try %s"), quoteShort(s), examples())
	}
	if !utf8.ValidString(in) {
		return Money{}, notAnAmount(s)
	}
	p := moneyParser{src: s, rest: in}
	if err := p.parse(); err != nil {
		return Money{}, err
	}
	code, err := p.currency(def)
	if err != nil {
		return Money{}, err
	}
	minor, err := p.minorUnits(code)
	if err != nil {
		return Money{}, err
	}
	return Money{Minor: minor, Currency: code}, nil
}

// moneyParser holds the pieces of one ParseMoney input as they are read.
type moneyParser struct {
	src    string // the original input, for messages
	rest   string // what is left to read
	code   string // an ISO code named in the input
	symbol *currencySymbol
	signs  int
	number string // digits and separators
	scale  int64  // 1, or the factor of a magnitude suffix
}

func (p *moneyParser) skipSpace() {
	p.rest = strings.TrimLeft(p.rest, " \t\u00a0\u202f")
}

// parse splits the input into [sign] [currency…] [sign] number [scale] [currency…].
func (p *moneyParser) parse() error {
	p.scale = 1
	for i := 0; i < 3; i++ { // sign, code and symbol in any order
		p.skipSpace()
		if err := p.readSign(); err != nil {
			return err
		}
		ok, err := p.readCurrency()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
	}
	p.skipSpace()
	if err := p.readSign(); err != nil {
		return err
	}
	end := strings.IndexFunc(p.rest, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r == '.' || r == ',')
	})
	if end < 0 {
		end = len(p.rest)
	}
	p.number, p.rest = p.rest[:end], p.rest[end:]
	if !strings.ContainsAny(p.number, "0123456789") {
		return notAnAmount(p.src)
	}
	p.skipSpace()
	found, err := p.readCode() // "12 MXN" is a code, not 12 million
	if err != nil {
		return err
	}
	if !found {
		for _, sc := range moneyScales() {
			if !strings.HasPrefix(p.rest, sc.text) {
				continue
			}
			after := p.rest[len(sc.text):]
			if after != "" && isASCIILetter(after[0]) {
				break // "12 km": not a scale
			}
			p.scale, p.rest = sc.factor, after
			break
		}
	}
	for i := 0; i < 2; i++ {
		p.skipSpace()
		ok, err := p.readCurrency()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
	}
	p.skipSpace()
	if p.rest != "" {
		return notAnAmount(p.src)
	}
	return nil
}

// readSign consumes a leading '+' or '-'. Minus is refused (amounts are never
// negative) and so is more than one sign.
func (p *moneyParser) readSign() error {
	for {
		switch {
		case strings.HasPrefix(p.rest, "-"), strings.HasPrefix(p.rest, "\u2212"):
			return moneyErr(i18n.N("%s is negative; amounts can't be below zero"), quoteShort(p.src))
		case strings.HasPrefix(p.rest, "+"):
			p.signs++
			if p.signs > 1 {
				return notAnAmount(p.src)
			}
			p.rest = p.rest[1:]
			p.skipSpace()
		default:
			return nil
		}
	}
}

// readCurrency consumes one currency sign or code. It reports whether it
// found one, and refuses a second sign or a second code.
func (p *moneyParser) readCurrency() (bool, error) {
	for _, sym := range currencySymbols() {
		if strings.HasPrefix(p.rest, sym.text) {
			if p.symbol != nil {
				return false, moneyErr(i18n.N("%s names two currencies; give one"), quoteShort(p.src))
			}
			p.symbol = &sym
			p.rest = p.rest[len(sym.text):]
			return true, nil
		}
	}
	return p.readCode()
}

// readCode consumes a three-letter currency code (any case) that is not part
// of a longer word, and refuses a second one.
func (p *moneyParser) readCode() (bool, error) {
	r := p.rest
	if len(r) < 3 || !isASCIILetter(r[0]) || !isASCIILetter(r[1]) || !isASCIILetter(r[2]) {
		return false, nil
	}
	if len(r) > 3 && isASCIILetter(r[3]) {
		return false, nil
	}
	if p.code != "" {
		return false, moneyErr(i18n.N("%s names two currencies; give one"), quoteShort(p.src))
	}
	p.code = strings.ToUpper(r[:3])
	if p.code == "RMB" {
		p.code = "CNY"
	}
	p.rest = r[3:]
	return true, nil
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// currency decides the code from what the input named and def.
func (p *moneyParser) currency(def string) (string, error) {
	def = strings.ToUpper(strings.TrimSpace(def))
	if def == "RMB" {
		def = "CNY"
	}
	if p.symbol == nil {
		if p.code != "" {
			return p.code, nil
		}
		if !ValidCurrency(def) {
			return "", moneyErr(i18n.N("%s names no currency; add one, like USD 1,200 or ¥12,000"), quoteShort(p.src))
		}
		return def, nil
	}
	codes := p.symbol.codes
	if p.code != "" {
		for _, c := range codes {
			if c == p.code {
				return c, nil
			}
		}
		return "", moneyErr(i18n.N("%s names two currencies (%s and %s); give one"), quoteShort(p.src), p.symbol.text, p.code)
	}
	for _, c := range codes {
		if c == def {
			return c, nil
		}
	}
	return codes[0], nil
}

// minorUnits turns the number, the scale and the currency's digits into an
// exact count of minor units.
func (p *moneyParser) minorUnits(code string) (int64, error) {
	intPart, frac, err := splitAmount(p.number)
	if err != nil {
		return 0, moneyErr(i18n.N("%s has misplaced separators; try %s"), quoteShort(p.src), examples())
	}
	digits := CurrencyDigits(code)
	// value = (intPart.frac) × scale × 10^digits, which must be a whole number.
	mant, ok := new(big.Int).SetString(intPart+frac, 10)
	if !ok {
		return 0, notAnAmount(p.src)
	}
	ten := big.NewInt(10)
	mant.Mul(mant, big.NewInt(p.scale))
	mant.Mul(mant, new(big.Int).Exp(ten, big.NewInt(int64(digits)), nil))
	den := new(big.Int).Exp(ten, big.NewInt(int64(len(frac))), nil)
	q, r := new(big.Int).QuoRem(mant, den, new(big.Int))
	if r.Sign() != 0 {
		if digits == 0 {
			return 0, moneyErr(i18n.N("%s has decimals, but %s has no minor unit; give a whole number"), quoteShort(p.src), code)
		}
		return 0, moneyErr(i18n.N("%s has more decimal places than %s allows (%d)"), quoteShort(p.src), code, digits)
	}
	if !q.IsInt64() {
		return 0, moneyErr(i18n.N("%s is too large an amount"), quoteShort(p.src))
	}
	return q.Int64(), nil
}

// splitAmount reads a number with optional grouping and decimal separators
// and returns its integer digits and fraction digits.
func splitAmount(num string) (intPart, frac string, err error) {
	bad := errors.New("misplaced separators")
	dots, commas := strings.Count(num, "."), strings.Count(num, ",")
	var dec, group byte
	switch {
	case dots > 0 && commas > 0:
		if strings.LastIndexByte(num, ',') > strings.LastIndexByte(num, '.') {
			dec, group = ',', '.'
		} else {
			dec, group = '.', ','
		}
	case dots > 1:
		group = '.'
	case dots == 1:
		dec = '.'
	case commas > 0:
		group = ','
	}
	intPart = num
	if dec != 0 {
		i := strings.IndexByte(num, dec)
		intPart, frac = num[:i], num[i+1:]
		if strings.ContainsAny(frac, ".,") {
			return "", "", bad
		}
	}
	if group != 0 && strings.IndexByte(intPart, group) >= 0 {
		groups := strings.Split(intPart, string(group))
		if !westernGroups(groups) && !indianGroups(groups) {
			return "", "", bad
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" && frac == "" {
		return "", "", bad
	}
	if intPart == "" {
		intPart = "0"
	}
	return intPart, frac, nil
}

// westernGroups: 1–3 digits, then groups of exactly 3 ("12,345,678").
func westernGroups(g []string) bool {
	if len(g[0]) < 1 || len(g[0]) > 3 {
		return false
	}
	for _, x := range g[1:] {
		if len(x) != 3 {
			return false
		}
	}
	return true
}

// indianGroups: 1–2 digits, groups of 2, and a last group of 3 ("1,23,45,678").
func indianGroups(g []string) bool {
	n := len(g)
	if n < 3 || len(g[n-1]) != 3 || len(g[0]) < 1 || len(g[0]) > 2 {
		return false
	}
	for _, x := range g[1 : n-1] {
		if len(x) != 2 {
			return false
		}
	}
	return true
}

// foldWidth maps full-width ASCII (U+FF01–U+FF5E, as Chinese and Japanese input
// methods type it) to ASCII and the ideographic space to a space.
func foldWidth(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

// moneyErr is a refusal of an amount; format is a catalog key
// (msgs_gaps.go).
func moneyErr(format string, args ...any) *ValidationError {
	return Invalid("", format, args...)
}

// examples are moneyExamples as an argument of a refusal, said in the
// reader's language.
func examples() error { return i18n.Errorf(moneyExamples) }

func notAnAmount(s string) *ValidationError {
	return moneyErr(i18n.N("%s is not an amount; try %s"), quoteShort(s), examples())
}

// quoteShort quotes user input for a message: Go-quoted (so control
// characters cannot reach the terminal) and cut to 40 characters.
func quoteShort(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		return strconv.Quote(string(r[:max])) + "…"
	}
	return strconv.Quote(s)
}

// Format renders the amount with thousands separators and the currency's
// digits: "¥12,000.50" (CNY), "$12,000.50", "€12,000.50", "£5.00", "¥12,000"
// (JPY), and "12,000.50 CHF" for other codes. A negative amount (which should
// not occur) renders as "-$5.00". ParseMoney(m.Format(), m.Currency) gives m
// back.
func (m Money) Format() string {
	neg, abs := m.Minor < 0, absMinor(m.Minor)
	digits := CurrencyDigits(m.Currency)
	unit := pow10(digits)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	sym := moneySign(m.Currency)
	b.WriteString(sym)
	b.WriteString(groupThousands(abs / unit))
	if digits > 0 {
		frac := strconv.FormatUint(abs%unit, 10)
		b.WriteByte('.')
		b.WriteString(strings.Repeat("0", digits-len(frac)))
		b.WriteString(frac)
	}
	if sym == "" && m.Currency != "" {
		b.WriteByte(' ')
		b.WriteString(m.Currency)
	}
	return b.String()
}

// FormatMinor renders minor units of currency like Money.Format.
func FormatMinor(minor int64, currency string) string {
	return Money{Minor: minor, Currency: currency}.Format()
}

// FormatShort renders the amount compactly for narrow columns, without
// minor units: "$950", "$12k", "$1.2M", "¥3.5k", "12k CHF". Values under 10 of
// a unit keep one decimal (3.5k); larger ones are whole (12k, 125k). Rounding
// is half up; units are k, M, B and T.
func (m Money) FormatShort() string {
	return m.formatShort([]shortUnit{{"", 1}, {"k", 1e3}, {"M", 1e6}, {"B", 1e9}, {"T", 1e12}}, 1000)
}

// FormatShortZh renders the amount compactly the Chinese way, in 万 (10⁴)
// and 亿 (10⁸): "¥8500", "¥1.2万", "¥356万", "¥2.4亿"; the sign and code
// as FormatShort puts them.
func (m Money) FormatShortZh() string {
	return m.formatShort([]shortUnit{{"", 1}, {"万", 1e4}, {"亿", 1e8}, {"万亿", 1e12}}, 10000)
}

// shortUnit is a suffix of compact amounts and its size in major units.
type shortUnit struct {
	suffix string
	size   uint64
}

func (m Money) formatShort(units []shortUnit, step uint64) string {
	neg, abs := m.Minor < 0, absMinor(m.Minor)
	num := shortNumber(abs, pow10(CurrencyDigits(m.Currency)), units, step)
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

// shortNumber renders abs minor units (minorPerMajor to the major unit) as
// "950", "3.5k", "12k", "1.2M": one decimal below ten of a unit, whole
// numbers below step of it, else the next unit.
func shortNumber(abs, minorPerMajor uint64, units []shortUnit, step uint64) string {
	for i, u := range units {
		den := minorPerMajor * u.size // at most 10^4 × 10^12: no overflow
		q, r := abs/den, abs%den
		last := i == len(units)-1
		if u.size > 1 {
			// tenths = round(abs×10/den), split so abs×10 cannot overflow.
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
		if whole < step || last {
			return strconv.FormatUint(whole, 10) + u.suffix
		}
	}
	return "" // not reached: the last unit always returns
}

// moneySign is the sign Format puts before an amount, or "" when the code
// goes after it.
func moneySign(code string) string {
	switch code {
	case "USD":
		return "$"
	case "CNY", "JPY":
		return "¥"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	}
	return ""
}

func absMinor(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1 // no overflow for math.MinInt64
	}
	return uint64(v)
}

func pow10(n int) uint64 {
	p := uint64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// groupThousands writes n with a comma every three digits: 12000 → "12,000".
func groupThousands(n uint64) string {
	s := strconv.FormatUint(n, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	lead := len(s) % 3
	if lead > 0 {
		b.WriteString(s[:lead])
	}
	for i := lead; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
