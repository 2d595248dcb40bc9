package form

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// TestPlaybookFormSpeaksThroughItsOptions: the rule form's title, labels
// and hints are said by Options.P like every form's (Chinese under a
// Chinese printer, English without one), and a bad delay is refused in
// Chinese beside its field.
func TestPlaybookFormSpeaksThroughItsOptions(t *testing.T) {
	r := model.Playbook{Name: "First revisit", Event: model.EventCustomerAdded, Title: "Revisit", AfterDays: 3, Enabled: true}
	o := testOptions()
	o.P = i18n.New(i18n.Zh)
	m := PlaybookForm(r, nil, o)
	m.SetSize(80, 24)
	v := ansi.Strip(m.View())
	for _, want := range []string{"编辑规则", "名称", "触发", "天数", "到期", "开启"} {
		if !strings.Contains(v, want) {
			t.Errorf("Chinese form lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Trigger") || strings.Contains(v, "Edit rule") {
		t.Errorf("Chinese form speaks English:\n%s", v)
	}
	en := PlaybookForm(r, nil, testOptions())
	en.SetSize(80, 24)
	ev := ansi.Strip(en.View())
	for _, want := range []string{"Edit rule", "Name", "Trigger", "Days", "Due after", "On"} {
		if !strings.Contains(ev, want) {
			t.Errorf("English form lacks %q:\n%s", want, ev)
		}
	}
}
