package i18n

import (
	"errors"
	"fmt"
	"testing"
)

func testPrinter(lang Lang) *Printer {
	return &Printer{lang: lang, tag: tagOf(lang), cat: build([]Msg{
		{Key: "%d customers", One: "%d customer", Zh: "%d 位客户"},
		{Key: "customer %d: not found", Zh: "找不到客户 %d"},
		{Key: "cannot save: %w", Zh: "无法保存：%v"},
		{Key: "%[1]s owes %[2]d calls", Zh: "欠 %[2]d 个电话的是 %[1]s"},
		{Key: "%w at %s", Zh: "%[2]s 处%[1]w"},
	})}
}

func TestPrinterSaysBothLanguages(t *testing.T) {
	en, zh := testPrinter(En), testPrinter(Zh)
	for _, c := range []struct {
		p    *Printer
		key  string
		args []any
		want string
	}{
		{en, "%d customers", []any{1}, "1 customer"},
		{en, "%d customers", []any{2026}, "2026 customers"},
		{zh, "%d customers", []any{1}, "1 位客户"},
		{zh, "customer %d: not found", []any{1234}, "找不到客户 1234"},
		{zh, "%[1]s owes %[2]d calls", []any{"王伟", 3}, "欠 3 个电话的是 王伟"},
		{zh, "not in the catalog %d", []any{7}, "not in the catalog 7"},
		{nil, "%d customers", []any{3}, "3 customers"},
	} {
		if got := c.p.T(c.key, c.args...); got != c.want {
			t.Errorf("%s %q %v = %q, want %q", c.p.Lang(), c.key, c.args, got, c.want)
		}
	}
}

func TestErrorsAreSaidInTheReadersLanguage(t *testing.T) {
	inner := Errorf("customer %d: not found", 12)
	err := Errorf("cannot save: %w", inner)
	if !errors.Is(err, inner) {
		t.Error("Errorf does not wrap its %w")
	}
	if got := testPrinter(En).Err(fmt.Errorf("open: %w", err)); got != "open: cannot save: customer 12: not found" {
		t.Errorf("English keeps the wrapping: %q", got)
	}
	if got := err.Error(); got != "cannot save: customer 12: not found" {
		t.Errorf("English %q", got)
	}
	if got := testPrinter(Zh).Err(err); got != "无法保存：找不到客户 12" {
		t.Errorf("Chinese %q", got)
	}
	if got := testPrinter(Zh).Err(fmt.Errorf("open: %w", inner)); got != "找不到客户 12" {
		t.Errorf("wrapped %q", got)
	}
	if got := testPrinter(Zh).Err(Errorf("%w at %s", inner, "/tmp/x")); got != "/tmp/x 处找不到客户 12" {
		t.Errorf("reordered %%w: %q", got)
	}
	if got := testPrinter(Zh).Err(errors.New("disk full")); got != "disk full" {
		t.Errorf("plain %q", got)
	}
}

func TestDetectAndResolve(t *testing.T) {
	for _, c := range []struct {
		all, msgs, lang string
		want            Lang
	}{
		{"", "", "zh_CN.UTF-8", Zh},
		{"", "", "C.UTF-8", En},
		{"C", "", "zh_CN.UTF-8", En},
		{"", "zh_TW.UTF-8", "en_US.UTF-8", Zh},
		{"", "", "", En},
	} {
		if got := Detect(c.all, c.msgs, c.lang); got != c.want {
			t.Errorf("Detect(%q,%q,%q) = %s", c.all, c.msgs, c.lang, got)
		}
	}
	if Resolve("", Zh, En) != Zh || Resolve(En, Zh, Zh) != En || Resolve("", "", Zh) != Zh {
		t.Error("Resolve order is flag, setting, locale")
	}
	for _, s := range []string{"zh", "ZH", "zh-CN", "中文"} {
		if l, err := ParseSetting(s); err != nil || l != Zh {
			t.Errorf("ParseSetting(%q) = %s, %v", s, l, err)
		}
	}
	if _, err := ParseSetting("fr"); err == nil {
		t.Error("fr accepted")
	}
}

func TestPlaceholders(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"%d of %s", "%s 的 %d", false},
		{"%[1]d of %[2]s", "%[2]s 的 %[1]d", true},
		{"%5.1f%%", "%5.1f%%", true},
		{"%w", "%v", true},
	} {
		pa, pb := placeholders(c.a), placeholders(c.b)
		if (fmt.Sprint(pa) == fmt.Sprint(pb)) != c.same {
			t.Errorf("%q %v vs %q %v", c.a, pa, c.b, pb)
		}
	}
}
