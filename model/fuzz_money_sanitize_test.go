package model

import (
	"strings"
	"testing"
)

// FuzzParseMoney: ParseMoney never panics; a success is a valid currency and
// a non-negative amount, and what Format prints reads back as the same Money
// when the default is the amount's own currency (as in a view that shows it).
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{
		"0", "12000", "12,000", "12000.50", "12,000.50", "¥12,000", "￥12,000", "$3.5k",
		"3.5K", "1.2m", "2万", "1.5万", "USD 1,200", "1200 EUR", "€1.200,50", "1,00,000",
		"-5", "1.005", "9223372036854775807", "1,2,3", "NaN", "Inf", "--5", "$5 EUR",
		"１２，０００", "1.2亿", "¥1.5万 JPY", "92233720368547758.07", ".5", "12.", "RMB 5",
		"\x1b[31m5", "5\x00", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, def := range []string{"USD", "JPY", "CNY", "BHD", "CAD"} {
			m, err := ParseMoney(s, def)
			if err != nil {
				if _, ok := err.(*ValidationError); !ok {
					t.Fatalf("ParseMoney(%q, %q) error is %T", s, def, err)
				}
				if strings.ContainsAny(err.Error(), "\x00\x1b\x07\u009b\u009d\u202e") {
					t.Fatalf("ParseMoney(%q, %q) error has a raw control: %q", s, def, err)
				}
				continue
			}
			if m.Minor < 0 {
				t.Fatalf("ParseMoney(%q, %q) = %+v: negative", s, def, m)
			}
			if !ValidCurrency(m.Currency) {
				t.Fatalf("ParseMoney(%q, %q) = %+v: invalid currency", s, def, m)
			}
			out := m.Format()
			back, err := ParseMoney(out, m.Currency)
			if err != nil || back != m {
				t.Fatalf("ParseMoney(%q, %q) = %+v, Format %q reads back as %+v, %v", s, def, m, out, back, err)
			}
			if m.FormatShort() == "" {
				t.Fatalf("%+v.FormatShort() is empty", m)
			}
		}
	})
}

// FuzzSanitize: whatever comes in, nothing that drives a terminal comes out,
// valid UTF-8 comes out, and sanitising twice changes nothing.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"hello", "王芳", "🎉 👩‍💻", "\x1b]0;pwned\x07", "\x1b]52;c;aGVsbG8=\x07",
		"\x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\", "\x1b[31mred\x1b[0m", "\x1b[2J\x1b[H",
		"\x1bPq#0~\x1b\\", "\u009b31m", "\u009d0;title\u0007", "a\u202eb", "a\x07\x08\rb",
		"a\x00b", "abc\x1b[", "abc\x1b]0;", "abc\x1b", "\r\n\t", "\xff\xfe", "\x1b\x1b\\",
		"\x1b]\x1b", "\x1b(", "\u2028\u2029",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, multiline := range []bool{false, true} {
			out := sanitize(s, multiline)
			if why := checkTerminalSafe(out, multiline); why != "" {
				t.Fatalf("sanitize(%q, %v) = %q has a %s", s, multiline, out, why)
			}
			if again := sanitize(out, multiline); again != out {
				t.Fatalf("sanitize(%q, %v) not idempotent: %q then %q", s, multiline, out, again)
			}
			if !multiline && strings.ContainsRune(out, '\n') {
				t.Fatalf("Sanitize(%q) = %q keeps a newline", s, out)
			}
		}
		if got, err := CleanInput(s, 50, false); err == nil {
			if why := checkTerminalSafe(got, false); why != "" || strings.TrimSpace(got) != got {
				t.Fatalf("CleanInput(%q) = %q", s, got)
			}
		} else if !strings.ContainsRune(s, 0) && !strings.Contains(err.Error(), "longer than 50") {
			t.Fatalf("CleanInput(%q) refused: %v", s, err)
		}
	})
}
