package model

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// checkTerminalSafe reports why out could drive a terminal, or "" when it
// cannot: no rune below 0x20 (but '\n' when multiline), no DEL, no C1, no
// bidi control, valid UTF-8.
func checkTerminalSafe(out string, multiline bool) string {
	if !utf8.ValidString(out) {
		return "invalid UTF-8"
	}
	for _, r := range out {
		switch {
		case r == '\n' && multiline:
		case r < 0x20:
			return "C0 control"
		case r == 0x7f:
			return "DEL"
		case r >= 0x80 && r <= 0x9f:
			return "C1 control"
		case isBidiControl(r):
			return "bidi control"
		}
	}
	return ""
}

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "hello world", "hello world"},
		{"empty", "", ""},
		{"CJK", "王芳 · 上海贸易有限公司", "王芳 · 上海贸易有限公司"},
		{"emoji", "deal 🎉 👩‍💻 🇨🇳", "deal 🎉 👩‍💻 🇨🇳"},
		{"accents", "Zoë Müller – café", "Zoë Müller – café"},
		{"OSC 0 title BEL", "a\x1b]0;pwned\x07b", "ab"},
		{"OSC 2 title ST", "a\x1b]2;pwned\x1b\\b", "ab"},
		{"OSC 52 clipboard", "x\x1b]52;c;aGVsbG8=\x07y", "xy"},
		{"OSC 8 hyperlink", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"CSI colour", "\x1b[31mred\x1b[0m", "red"},
		{"CSI 256 colour", "\x1b[38;5;196mred\x1b[m", "red"},
		{"CSI clear and home", "\x1b[2J\x1b[Hhi", "hi"},
		{"CSI private mode", "\x1b[?1049hhi\x1b[?25l", "hi"},
		{"CSI intermediate", "\x1b[2 qhi", "hi"},
		{"DCS sixel", "a\x1bPq#0;2;0;0;0#1~~~\x1b\\b", "ab"},
		{"DCS BEL does not matter", "a\x1bP1$r\x07b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"PM", "a\x1b^private\x1b\\b", "ab"},
		{"SOS", "a\x1bXstring\x1b\\b", "ab"},
		{"two-char ESC", "a\x1bcb\x1b7c\x1b8d", "abcd"},
		{"charset ESC ( B", "a\x1b(Bb\x1b)0c", "abc"},
		{"ESC ESC", "a\x1b\x1b[31mb", "ab"},
		{"C1 CSI", "a\u009b31mb", "ab"},
		{"C1 OSC", "a\u009d0;title\u0007b", "ab"},
		{"C1 OSC with C1 ST", "a\u009d0;title\u009cb", "ab"},
		{"C1 DCS", "a\u0090q#0\u009cb", "ab"},
		{"C1 APC", "a\u009fpayload\x1b\\b", "ab"},
		{"C1 NEL and others", "a\u0085b\u0084c\u009cd", "abcd"},
		{"bidi override", "evil\u202etxt.exe", "eviltxt.exe"},
		{"bidi all", "a\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061cb", "ab"},
		{"BEL BS CR", "a\x07b\x08c\rd", "abcd"},
		{"NUL", "a\x00b", "ab"},
		{"DEL", "a\x7fb", "ab"},
		{"other C0", "a\x01\x02\x0b\x0c\x0e\x1f\x1cb", "ab"},
		{"newline", "line one\nline two", "line one line two"},
		{"CRLF", "one\r\ntwo", "one two"},
		{"tab", "a\tb", "a b"},
		{"blank lines", "a\n\nb", "a  b"},
		{"line separator", "a\u2028b\u2029c", "a b c"},
		{"invalid UTF-8", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"raw C1 byte", "a\x9b31mb", "a\ufffd31mb"},
		{"U+FFFD kept", "a\ufffdb", "a\ufffdb"},
		{"unterminated CSI at end", "abc\x1b[31", "abc"},
		{"unterminated ESC at end", "abc\x1b", "abc"},
		{"unterminated OSC swallows the rest", "abc\x1b]0;title never ends", "abc"},
		{"unterminated C1 OSC", "abc\u009d0;x", "abc"},
		{"unterminated DCS ESC at end", "abc\x1bPq\x1b", "abc"},
		{"CSI cut by CJK", "\x1b[31王芳", "王芳"},
		{"CSI cancelled by CAN", "a\x1b[31\x18b", "ab"},
		{"OSC cancelled by SUB", "a\x1b]0;t\x1ab", "ab"},
		{"OSC then new CSI", "a\x1b]0;t\x1b[31mb", "ab"},
		{"ESC then newline", "a\x1b\nb", "a b"},
		{"ESC then CJK", "a\x1b王", "a王"},
		{"mixed", "王芳\x1b[1m VIP\x1b[0m\u202e 🎉\r\n", "王芳 VIP 🎉 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.in)
			if got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if why := checkTerminalSafe(got, false); why != "" {
				t.Errorf("Sanitize(%q) = %q has a %s", tt.in, got, why)
			}
			if again := Sanitize(got); again != got {
				t.Errorf("Sanitize not idempotent: %q → %q → %q", tt.in, got, again)
			}
		})
	}
}

func TestSanitizeMultiline(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "hello", "hello"},
		{"newlines kept", "one\ntwo\n\nthree", "one\ntwo\n\nthree"},
		{"CRLF", "one\r\ntwo\r\n", "one\ntwo\n"},
		{"lone CR", "one\rtwo", "one\ntwo"},
		{"CR CR LF", "one\r\r\ntwo", "one\n\ntwo"},
		{"LF CR", "one\n\rtwo", "one\n\ntwo"},
		{"tab", "a\tb", "a    b"},
		{"line separator", "a\u2028b", "a\nb"},
		{"escapes removed", "\x1b[31mred\x1b[0m\nnext \x1b]0;t\x07line", "red\nnext line"},
		{"OSC 52 across lines", "a\x1b]52;c;aGVsbG8=\x07\nb", "a\nb"},
		{"controls removed", "a\x00\x07\x08\x7f\u0085\u009bmb\u202e", "ab"},
		{"CJK", "王芳说:\n明天签约 🎉", "王芳说:\n明天签约 🎉"},
		{"ESC before newline", "a\x1b\nb", "a\nb"},
		{"unterminated", "keep\n\x1b]8;;http://x", "keep\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SanitizeMultiline(tt.in)
			if got != tt.want {
				t.Errorf("SanitizeMultiline(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if why := checkTerminalSafe(got, true); why != "" {
				t.Errorf("SanitizeMultiline(%q) = %q has a %s", tt.in, got, why)
			}
			if again := SanitizeMultiline(got); again != got {
				t.Errorf("SanitizeMultiline not idempotent: %q → %q → %q", tt.in, got, again)
			}
		})
	}
}

// TestSanitizeLarge: 100 KB of hostile text is handled in linear time.
func TestSanitizeLarge(t *testing.T) {
	inputs := map[string]string{
		"escapes":        strings.Repeat("\x1b[31m王\x1b]0;x\x07\u009b1m\u202e", 5000),
		"open CSI":       "\x1b[" + strings.Repeat("1;", 50000),
		"open OSC":       "\x1b]" + strings.Repeat("a", 100000),
		"ESC run":        strings.Repeat("\x1b", 100000),
		"invalid UTF-8":  strings.Repeat("\xff\xfe", 50000),
		"DCS ESC flurry": "\x1bP" + strings.Repeat("\x1b\x1bP", 30000),
		"plain":          strings.Repeat("abc ", 25000),
		"newlines":       strings.Repeat("\r\n\t", 33000),
	}
	for name, in := range inputs {
		start := time.Now()
		for _, multiline := range []bool{false, true} {
			out := sanitize(in, multiline)
			if why := checkTerminalSafe(out, multiline); why != "" {
				t.Errorf("%s: output has a %s", name, why)
			}
		}
		// Generous: linear work on 100 KB takes about a millisecond.
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
	}
}

func TestCleanInput(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		max       int
		multiline bool
		want      string
		errPart   string
	}{
		{"trim", "  王芳  ", 200, false, "王芳", ""},
		{"sanitise", "\x1b[31mAcme\x1b[0m\u202e", 200, false, "Acme", ""},
		{"newline flattened", "a\nb", 200, false, "a b", ""},
		{"multiline keeps lines", "  line 1\r\nline 2\t!\n\n", 200, true, "line 1\nline 2    !", ""},
		{"NUL refused", "a\x00b", 200, false, "", "contains a NUL byte; remove it"},
		{"NUL refused multiline", "a\x00b", 200, true, "", "NUL"},
		{"too long", strings.Repeat("a", 201), 200, false, "", "is longer than 200 characters"},
		{"runes not bytes", strings.Repeat("王", 200), 200, false, strings.Repeat("王", 200), ""},
		{"CJK too long", strings.Repeat("王", 201), 200, false, "", "is longer than 200 characters"},
		{"length after cleaning", "\x1b[31m" + strings.Repeat("a", 10) + "\x1b[0m", 10, false, strings.Repeat("a", 10), ""},
		{"no limit", strings.Repeat("a", 5000), 0, false, strings.Repeat("a", 5000), ""},
		{"empty", "   ", 10, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CleanInput(tt.in, tt.max, tt.multiline)
			if tt.errPart != "" {
				var ve *ValidationError
				if err == nil || !strings.Contains(err.Error(), tt.errPart) || !errors.As(err, &ve) {
					t.Fatalf("CleanInput(%q) = %q, %v; want a *ValidationError mentioning %q", tt.in, got, err, tt.errPart)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("CleanInput(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}
