package common

import (
	"testing"

	"github.com/rapportcrm/rapport/model/i18n"
)

// Every description the app and db write reads back in English exactly as
// stored, and in Chinese with its names kept.
func TestChangeDescriptionsReadBack(t *testing.T) {
	zh := i18n.New(i18n.Zh)
	for _, c := range []struct{ desc, want string }{
		{`complete "Send quote"`, `完成 "Send quote"`},
		{`snooze "报价" a day`, `把 "报价" 推迟一天`},
		{`move "Renewal 2027" to Won`, `把 "Renewal 2027" 移到 Won`},
		{"add customer 王芳", "添加客户 王芳"},
		{`log call with Acme Ltd and complete "Call back"`, `记录与 Acme Ltd 的电话并完成 "Call back"`},
		{"archive follow-up Send quote", "归档跟进 Send quote"},
		{"restore customer 12", "恢复客户 12"},
		{"edit tags of 李娜", "编辑 李娜 的标签"},
		{`switch off playbook "First revisit"`, `停用跟进规则 "First revisit"`},
		{"add template 春节问候", "添加话术 春节问候"},
		{"import people.csv", "导入 people.csv"},
		{"something a later version writes", "something a later version writes"},
	} {
		if got := SayChange(zh, c.desc); got != c.want {
			t.Errorf("%q in Chinese: %q, want %q", c.desc, got, c.want)
		}
		if got := SayChange(i18n.New(i18n.En), c.desc); got != c.desc {
			t.Errorf("%q in English: %q", c.desc, got)
		}
	}
}
