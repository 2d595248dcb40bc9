package form

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// Value is one field's submitted content.
type Value struct {
	// Raw is the text as it stood in the field.
	Raw string
	// Text is the cleaned text (Text, Multiline), the option (Choice),
	// "yes"/"no" (Bool) or the trimmed input of the other kinds.
	Text string
	// When is the parsed date of a Date field.
	When model.When
	// Money is the parsed amount of a Money field.
	Money model.Money
	// Int is the number of an Integer field.
	Int int
	// Bool is the state of a Bool field.
	Bool bool
	// ID is the customer picked in a Customer field (0 when the text was
	// typed and not picked).
	ID int64
	// Set is false for an optional field left empty.
	Set bool
}

// Values is what a submitted form holds, by field key. Only a form makes
// them, after every field parsed; read them with the typed accessors.
type Values struct {
	now  time.Time
	p    *i18n.Printer // the form's language, for what a value makes (a title)
	keys []string
	m    map[string]Value
}

// Now is the moment the form was submitted: "today" in a date field and an
// interaction logged "now" mean this moment.
func (v Values) Now() time.Time { return v.now }

// Keys lists the fields in form order.
func (v Values) Keys() []string { return append([]string(nil), v.keys...) }

// Get returns the value of key (the zero Value when there is no such field).
func (v Values) Get(key string) Value { return v.m[key] }

// Text returns the cleaned text of key ("" when empty).
func (v Values) Text(key string) string { return v.m[key].Text }

// When returns the parsed date of key, and false when the field was empty.
func (v Values) When(key string) (model.When, bool) {
	x := v.m[key]
	return x.When, x.Set
}

// Money returns the parsed amount of key, and false when the field was empty.
func (v Values) Money(key string) (model.Money, bool) {
	x := v.m[key]
	return x.Money, x.Set
}

// Int returns the number of key, and false when the field was empty.
func (v Values) Int(key string) (int, bool) {
	x := v.m[key]
	return x.Int, x.Set
}

// Bool returns the state of a yes/no field.
func (v Values) Bool(key string) bool { return v.m[key].Bool }

// withField fills in the field of a *model.ValidationError a helper left
// empty (CleanInput, ParseMoney), as the command line does.
func withField(err error, key string) error {
	var ve *model.ValidationError
	if errors.As(err, &ve) && ve.Field == "" {
		ve.Field = key
	}
	return err
}

// parseInt reads a whole number for an Integer field and checks its range.
func parseInt(f Field, s string) (int, error) {
	t := strings.TrimSpace(s)
	n, err := strconv.Atoi(t)
	if err != nil {
		return 0, model.Invalid(f.Key, "%s is not a whole number", strconv.Quote(t))
	}
	if f.Max > f.Min && (n < f.Min || n > f.Max) {
		return n, model.Invalid(f.Key, "must be between %d and %d", f.Min, f.Max)
	}
	return n, nil
}

// errorText is how an error reads beside its field, in p's language: the
// message alone for a *model.ValidationError (the label says which
// field), else the error.
func errorText(p *i18n.Printer, err error) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return ve.MsgIn(p)
	}
	return sayError(p, err)
}

// sayError is an error in p's language: a *model.ValidationError with its
// field, a catalog error (i18n.Errorf) through p, else its text.
func sayError(p *i18n.Printer, err error) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return ve.SayIn(p)
	}
	return p.Err(err)
}
