package form

import (
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// CareDays are the birthday and anniversary a customer or contact form
// shows and saves (issue 24), in their stored form (1988-05-12, or --05-12
// without a year); "" is none.
type CareDays struct {
	Birthday    string
	Anniversary string
}

// careFields are the date fields of a form: the birthday, and for a
// customer its anniversary.
func careFields(d CareDays, anniversary bool) []Field {
	show := func(s string) string { return strings.TrimPrefix(s, "--") }
	out := []Field{{Key: "birthday", Label: i18n.N("Birthday"), Kind: Text, Initial: show(d.Birthday), MaxLen: 20,
		Placeholder: i18n.N("1988-05-12, or 05-12 without the year")}}
	if anniversary {
		out = append(out, Field{Key: "anniversary", Label: i18n.N("Anniversary"), Kind: Text, Initial: show(d.Anniversary), MaxLen: 20,
			Placeholder: i18n.N("2019-06-01 (empty: the first order's day)")})
	}
	return out
}

// ToCareDays reads the date fields of a submitted form (stored forms; ""
// clears). A date that cannot be read is a validation error beside its
// field.
func ToCareDays(v Values) (CareDays, error) {
	var d CareDays
	for _, f := range []struct {
		key string
		dst *string
	}{{"birthday", &d.Birthday}, {"anniversary", &d.Anniversary}} {
		s := strings.TrimSpace(v.Text(f.key))
		if s == "" {
			continue
		}
		day, err := model.ParseCareDay(s)
		if err != nil {
			return d, model.Invalid(f.key, "%v", err)
		}
		*f.dst = day
	}
	return d, nil
}
