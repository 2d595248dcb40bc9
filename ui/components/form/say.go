package form

import (
	"strings"

	"github.com/rapportcrm/rapport/model/i18n"
)

// say puts the form's words in the reader's language once, when it is
// built: each field's label, placeholder, hint and help are catalog keys
// (English) said through the form's printer. The English label stays a
// name a ValidationError may use for the field.
func (m *Model) say() {
	p := m.opts.P
	if p == nil {
		return
	}
	for i := range m.inputs {
		in := &m.inputs[i]
		if in.Label != "" {
			in.Aliases = append(append([]string(nil), in.Aliases...), in.Label)
		}
		in.Label = sayText(p, in.Label)
		in.Placeholder = sayText(p, in.Placeholder)
		in.Hint = sayText(p, in.Hint)
		in.Help = sayText(p, in.Help)
	}
}

// sayText says s through p: a catalog key, or text already said (a name
// or a translated sentence), which comes back as it is. A % in s is text,
// not a verb ("Probability %" is the key "Probability %%").
func sayText(p *i18n.Printer, s string) string {
	if s == "" || p == nil {
		return s
	}
	return p.T(strings.ReplaceAll(s, "%", "%%"))
}

// optionText is how a choice shows: the option said in the reader's
// language (its value stays the English word).
func (m Model) optionText(opt string) string { return sayText(m.opts.P, opt) }
