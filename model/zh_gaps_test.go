package model

import (
	"errors"
	"testing"

	"github.com/rapportcrm/rapport/model/i18n"
)

// TestMoneyAndFilterErrorsInChinese: ParseMoney's refusals and the filter
// problems are catalog messages, said in Chinese under a Chinese printer
// and in English exactly as before.
func TestMoneyAndFilterErrorsInChinese(t *testing.T) {
	zh, en := i18n.New(i18n.Zh), i18n.New(i18n.En)
	for _, c := range []struct{ in, en, zh string }{
		{"twelve", `"twelve" is not an amount; try 12,000, 12000.50, $3.5k or ¥12,000`, `"twelve" 不是金额；可以输入 12,000、12000.50、$3.5k、¥12,000 或 1.2万`},
		{"", "enter an amount, like 12,000, 12000.50, $3.5k or ¥12,000", "请输入金额，如 12,000、12000.50、$3.5k、¥12,000 或 1.2万"},
		{"-5", `"-5" is negative; amounts can't be below zero`, `"-5" 是负数；金额不能小于零`},
		{"1.005", `"1.005" has more decimal places than USD allows (2)`, `"1.005" 的小数位数超过 USD 允许的位数（2）`},
	} {
		_, err := ParseMoney(c.in, "USD")
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("%q: %v", c.in, err)
		}
		if ve.Msg != c.en || ve.MsgIn(en) != c.en || ve.MsgIn(nil) != c.en {
			t.Errorf("%q in English: %q / %q", c.in, ve.Msg, ve.MsgIn(en))
		}
		if got := ve.MsgIn(zh); got != c.zh {
			t.Errorf("%q in Chinese: %q, want %q", c.in, got, c.zh)
		}
	}
	for _, c := range []struct{ in, en, zh string }{
		{"tier:z", "tier:z (use tier:A, tier:B or tier:C)", "tier:z（请用 tier:A、tier:B 或 tier:C）"},
		{"risk:foo", "risk:foo (use risk:at or risk:watch)", "risk:foo（请用 risk:at 或 risk:watch）"},
		{"stage:", "stage: needs a stage name", "stage: 需要阶段名称"},
		{"archived:maybe", "archived:maybe (use archived:yes or archived:no)", "archived:maybe（请用 archived:yes 或 archived:no）"},
	} {
		probs := ParseFilter(c.in).Problems
		if len(probs) != 1 {
			t.Fatalf("%q: problems %v", c.in, probs)
		}
		if probs[0].Error() != c.en || en.Err(probs[0]) != c.en {
			t.Errorf("%q in English: %q", c.in, probs[0])
		}
		if got := zh.Err(probs[0]); got != c.zh {
			t.Errorf("%q in Chinese: %q, want %q", c.in, got, c.zh)
		}
	}
}
