package i18n

import "testing"

func TestPick(t *testing.T) {
	zh, en := New(Zh), New(En)
	kinds := []string{"call", "email"}
	set := "call|email"
	for _, tc := range []struct {
		p     *Printer
		value string
		want  string
	}{
		{en, "email", "email"},
		{nil, "call", "call"},
		{en, "fax", "fax"},
	} {
		if got := Pick(tc.p.T(set), kinds, tc.value); got != tc.want {
			t.Errorf("Pick(%q) = %q, want %q", tc.value, got, tc.want)
		}
	}
	// A set the catalog does not hold says its English words in Chinese
	// too; a shorter translation leaves the missing values as they are.
	if got := Pick(zh.T(set), kinds, "email"); got != "email" {
		t.Errorf("unknown set in Chinese: %q", got)
	}
	if got := Pick("电话", kinds, "email"); got != "email" {
		t.Errorf("a short set: %q", got)
	}
	if got := Pick("电话|邮件", kinds, "email"); got != "邮件" {
		t.Errorf("a said set: %q", got)
	}
}
