package model

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when a row that was asked for does not exist (or is
// archived where only live rows count).
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a row changed since it was loaded: its version
// no longer matches the one the caller edited (optimistic concurrency).
var ErrConflict = errors.New("changed since it was loaded")

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
	return &ValidationError{Field: field, Msg: msg}
}
