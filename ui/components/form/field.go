package form

import (
	"strings"

	"github.com/rapportcrm/rapport/model"
)

// Kind is what a field holds and how it is edited.
type Kind int

// Field kinds.
const (
	// Text is one line of text, cleaned with model.CleanInput on submit.
	Text Kind = iota
	// Multiline is a notes box (a textarea); newlines are kept.
	Multiline
	// Date is read with model.ParseWhen; the parsed date shows beside it.
	Date
	// Money is read with model.ParseMoney; the formatted amount shows beside it.
	Money
	// Choice is one of Options, changed with ←/→ or space.
	Choice
	// Integer is a whole number, optionally within Min–Max.
	Integer
	// Bool is yes or no, toggled with space or ←/→.
	Bool
	// Customer is a customer typed in part: a list of the matching
	// customers shows under it to pick from (see WithCustomerPicker).
	Customer
)

// Field describes one field of a form.
type Field struct {
	// Key names the field in Values and matches ValidationError.Field.
	Key string
	// Label is shown left of the input.
	Label string
	Kind  Kind
	// Initial is the text the field opens with: the text itself, a date
	// ParseWhen reads ("today", "2026-12-01 14:30"), an amount ParseMoney
	// reads, one of Options, digits, or "yes"/"no" for Bool. Dirty tracking
	// compares against it.
	Initial string
	// Placeholder is shown, muted, while a text field is empty.
	Placeholder string
	// Hint is a short muted note beside the input ("0–10, feedback only").
	Hint string
	// Help is a muted line under the field, always shown.
	Help string
	// Required refuses an empty field on submit ("is required").
	Required bool
	// MaxLen is the most characters (runes) Text and Multiline accept, as
	// model.CleanInput counts them after cleaning; 0 means no limit.
	MaxLen int
	// Mode says whether a Date without a year lies ahead or behind.
	Mode model.DateMode
	// Currency is the default currency of a Money field; "" uses the
	// form's Options.Currency.
	Currency string
	// Options are the choices of a Choice field, in cycling order.
	Options []string
	// Min and Max bound an Integer field when Max > Min.
	Min, Max int
	// Aliases are other names the model uses for this field in a
	// ValidationError ("churn reason" for key "churn_reason").
	Aliases []string
}

// matches reports whether a ValidationError's field name means this field.
func (f Field) matches(name string) bool {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return false
	}
	if name == strings.ToLower(f.Key) || name == strings.ToLower(f.Label) {
		return true
	}
	for _, a := range f.Aliases {
		if name == strings.ToLower(a) {
			return true
		}
	}
	return false
}

// singleLine reports whether ↑/↓ move between fields while this one has focus.
func (f Field) singleLine() bool { return f.Kind != Multiline }

// isYes reads a Bool field's text.
func isYes(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "on", "x":
		return true
	}
	return false
}

// yesNo is the text of a Bool value.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
