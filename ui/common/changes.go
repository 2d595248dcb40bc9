package common

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model/i18n"
)

// The undo journal holds each command's description as it was written (in
// English: db's Tx.Describe and the editor's writes name them). SayChange
// reads one back in the reader's language: each description shape of
// changeShapes is a catalog key whose %s, %q and %d stand for the names
// and numbers in it, so the English is the stored text unchanged and the
// Chinese keeps the names. A description of no known shape is shown as
// stored.

// changeShapes are the shapes of the descriptions the app and db write,
// most specific first.
func changeShapes() []string {
	return []string{
		i18n.N("log %s with %s and complete %q"),
		i18n.N("log %s with %s"),
		i18n.N("complete %q"),
		i18n.N("snooze %q a day"),
		i18n.N("snooze %q to %s"),
		i18n.N("snooze deal %q"),
		i18n.N("move %q to %s"),
		i18n.N("resolve complaint %q"),
		i18n.N("new deal %q"),
		i18n.N("edit deal %s and move it to %s"),
		i18n.N("edit tags of %s"),
		i18n.N("edit order from %s"),
		i18n.N("order from %s"),
		i18n.N("add contact %s at %s"),
		i18n.N("schedule next follow-up with %s"),
		i18n.N("follow up %s: %s"),
		i18n.N("edit follow-up %s"),
		i18n.N("edit customer %s"),
		i18n.N("edit contact %s"),
		i18n.N("edit deal %s"),
		i18n.N("edit %s with %s"),
		i18n.N("add customer %s"),
		i18n.N("add deal %s"),
		i18n.N("archive customer %s"),
		i18n.N("archive contact %s"),
		i18n.N("archive deal %s"),
		i18n.N("archive interaction %s"),
		i18n.N("archive follow-up %s"),
		i18n.N("archive followup %s"),
		i18n.N("archive order %s"),
		i18n.N("archive item %s"),
		i18n.N("restore customer %s"),
		i18n.N("restore contact %s"),
		i18n.N("restore deal %s"),
		i18n.N("restore interaction %s"),
		i18n.N("restore follow-up %s"),
		i18n.N("restore followup %s"),
		i18n.N("restore order %s"),
		i18n.N("restore item %s"),
		i18n.N("tag customer"),
		i18n.N("set goal %s"),
		i18n.N("remove goal %s"),
		i18n.N("segment customers"),
		i18n.N("config %s"),
		i18n.N("change stage %s"),
		i18n.N("add stage %s"),
		i18n.N("rename stage %s"),
		i18n.N("move stage %s"),
		i18n.N("remove stage %s"),
		i18n.N("switch on playbook %q"),
		i18n.N("switch off playbook %q"),
		i18n.N("remove playbook %q"),
		i18n.N("remove playbook"),
		i18n.N("add playbook %s"),
		i18n.N("edit playbook %s"),
		i18n.N("switch the playbooks off"),
		i18n.N("add template %s"),
		i18n.N("edit template %s"),
		i18n.N("remove template %s"),
		i18n.N("add holiday %s"),
		i18n.N("remove holiday %s"),
		i18n.N("add date %s"),
		i18n.N("remove date"),
		i18n.N("import %s"),
	}
}

// verbs matches the placeholders of a shape.
var shapeVerbs = regexp.MustCompile(`%[sqd]`)

// SayChange says a stored description in p's language.
func SayChange(p *i18n.Printer, desc string) string {
	if !p.Zh() {
		return desc
	}
	for _, shape := range changeShapes() {
		if args, ok := matchShape(shape, desc); ok {
			if strings.HasPrefix(shape, "log %s") || strings.HasPrefix(shape, "edit %s with") {
				args[0] = p.T(args[0].(string)) // the interaction's kind: call, email, …
			}
			return p.T(shape, args...)
		}
	}
	return desc
}

// matchShape reads desc as shape: the literal text must match and each
// placeholder takes what stands in its place (%q a quoted string, %d a
// number, %s any text).
func matchShape(shape, desc string) ([]any, bool) {
	var re strings.Builder
	re.WriteString("^")
	verbs := shapeVerbs.FindAllString(shape, -1)
	for i, lit := range shapeVerbs.Split(shape, -1) {
		re.WriteString(regexp.QuoteMeta(lit))
		if i < len(verbs) {
			switch verbs[i] {
			case "%q":
				re.WriteString(`("(?:[^"\\]|\\.)*")`)
			case "%d":
				re.WriteString(`(-?\d+)`)
			default:
				re.WriteString(`(.+?)`)
			}
		}
	}
	re.WriteString("$")
	m := regexp.MustCompile(re.String()).FindStringSubmatch(desc)
	if m == nil {
		return nil, false
	}
	args := make([]any, len(verbs))
	for i, v := range verbs {
		switch v {
		case "%q":
			s, err := strconv.Unquote(m[i+1])
			if err != nil {
				return nil, false
			}
			args[i] = s
		case "%d":
			n, err := strconv.Atoi(m[i+1])
			if err != nil {
				return nil, false
			}
			args[i] = n
		default:
			args[i] = m[i+1]
		}
	}
	return args, true
}
