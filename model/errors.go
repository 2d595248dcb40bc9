package model

import (
	"fmt"

	"github.com/rapportcrm/rapport/model/i18n"
)

// ErrNotFound is returned when a row that was asked for does not exist (or is
// archived where only live rows count).
var ErrNotFound = i18n.Errorf("not found")

// ErrConflict is returned when a row changed since it was loaded: its version
// no longer matches the one the caller edited (optimistic concurrency).
var ErrConflict = i18n.Errorf("changed since it was loaded")

// ValidationError says which field is wrong and what to do about it. Forms
// place Msg beside Field; the command line prints Error(). Msg reads as the
// rest of a sentence that starts with the field, e.g. Field "email" and Msg
// `"bob@" is not an email address (like name@example.com)`.
//
// Helpers that do not know the field (ParseMoney, CleanInput) return one with
// an empty Field; the caller fills it in (errors.As) before showing it.
type ValidationError struct {
	Field string
	Msg   string
	// Key and Args are Msg's catalog message, so it can be said in the
	// reader's language (SayIn); Key is "" for a message without one.
	Key  string
	Args []any
}

// SayIn says the error in p's language: "field: msg", the field's name
// and the message both through the catalog.
func (e *ValidationError) SayIn(p *i18n.Printer) string {
	msg := e.Msg
	if e.Key != "" {
		msg = p.T(e.Key, e.Args...)
	}
	if e.Field == "" {
		return msg
	}
	return FieldName(p, e.Field) + p.T(": ") + msg
}

// MsgIn is the message without the field, in p's language (forms show it
// beside the field).
func (e *ValidationError) MsgIn(p *i18n.Printer) string {
	if e.Key == "" {
		return e.Msg
	}
	return p.T(e.Key, e.Args...)
}

// FieldName is a field's name in p's language: the catalog's "field name"
// message when it has one, else the field as it is.
func FieldName(p *i18n.Printer, field string) string {
	if !p.Zh() {
		return field
	}
	return p.T(field)
}

// Error returns "field: msg", or just msg when Field is empty.
func (e *ValidationError) Error() string {
	if e.Field == "" {
		return e.Msg
	}
	return e.Field + ": " + e.Msg
}

// Invalid builds a *ValidationError for field with a message formatted like
// fmt.Sprintf(format, args...).
func Invalid(field, format string, args ...any) *ValidationError {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &ValidationError{Field: field, Msg: msg, Key: format, Args: args}
}
