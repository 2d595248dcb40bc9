package model

import (
	"errors"
	"strings"
	"testing"
)

func TestValidationError(t *testing.T) {
	tests := []struct {
		err  *ValidationError
		want string
	}{
		{Invalid("email", "%q is not an email address", "bob@"), `email: "bob@" is not an email address`},
		{Invalid("", "contains a NUL byte; remove it"), "contains a NUL byte; remove it"},
		{Invalid("cadence", "must be %d–%d days", 1, 3650), "cadence: must be 1–3650 days"},
		{&ValidationError{Field: "tier", Msg: "use A, B or C"}, "tier: use A, B or C"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	var err error = Invalid("phone", "bad")
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "phone" || ve.Msg != "bad" {
		t.Errorf("errors.As: got %+v", ve)
	}
	if errors.Is(ErrNotFound, ErrConflict) || ErrNotFound.Error() != "not found" {
		t.Error("sentinels are wrong")
	}
}

// checkValidation runs one validator case: wantMsg "" means valid; otherwise
// the error must be a *ValidationError for field whose Msg contains wantMsg.
func checkValidation(t *testing.T, name, in string, err error, field, wantMsg string) {
	t.Helper()
	if wantMsg == "" {
		if err != nil {
			t.Errorf("%s(%q) = %v, want nil", name, in, err)
		}
		return
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Errorf("%s(%q) = %v, want a *ValidationError", name, in, err)
		return
	}
	if ve.Field != field || !strings.Contains(ve.Msg, wantMsg) {
		t.Errorf("%s(%q) = {%q, %q}, want field %q and a message with %q", name, in, ve.Field, ve.Msg, field, wantMsg)
	}
}

func TestValidateName(t *testing.T) {
	tests := []struct {
		in, msg string
	}{
		{"王芳", ""},
		{"Acme Ltd.", ""},
		{"  x  ", ""},
		{strings.Repeat("a", 200), ""},
		{strings.Repeat("王", 200), ""},
		{"", "is required"},
		{"   \t ", "is required"},
		{strings.Repeat("a", 201), "is longer than 200 characters"},
		{strings.Repeat("王", 201), "is longer than 200 characters"},
	}
	for _, tt := range tests {
		checkValidation(t, "ValidateName", tt.in, ValidateName("name", tt.in), "name", tt.msg)
	}
}

func TestValidateEmail(t *testing.T) {
	const notEmail = "is not an email address (like name@example.com)"
	tests := []struct {
		in, msg string
	}{
		{"", ""},
		{"  ", ""},
		{"bob@example.com", ""},
		{"Bob.Smith+crm@mail.example.co.uk", ""},
		{" bob@example.com ", ""},
		{"wang.fang@例子.中国", ""},
		{"a@b.c", ""},
		{"bob@", `"bob@" ` + notEmail},
		{"@example.com", notEmail},
		{"bob", notEmail},
		{"bob@example", notEmail},
		{"bob@@example.com", notEmail},
		{"bob@ex@ample.com", notEmail},
		{"bob smith@example.com", notEmail},
		{"bob@example..com", notEmail},
		{"bob@.example.com", notEmail},
		{"bob@example.com.", notEmail},
		{"bob@-example.com", notEmail},
		{"Bob <bob@example.com>", notEmail},
		{"bob@exa\x1b[31mmple.com", notEmail},
		{"bob@exa\u202emple.com", notEmail},
		{"bob,ann@example.com", notEmail},
		{strings.Repeat("a", 65) + "@example.com", notEmail},
		{"a@" + strings.Repeat("b", 250) + ".com", "is longer than 254 characters"},
	}
	for _, tt := range tests {
		checkValidation(t, "ValidateEmail", tt.in, ValidateEmail("email", tt.in), "email", tt.msg)
	}
}

func TestValidatePhone(t *testing.T) {
	const notPhone = "is not a phone number"
	tests := []struct {
		in, msg string
	}{
		{"", ""},
		{"   ", ""},
		{"+86 138-0013-8000", ""},
		{"13800138000", ""},
		{"(555) 010-0123", ""},
		{"555.010.0123", ""},
		{"+44 20 7946 0958", ""},
		{"021/6123 4567", ""},
		{"555-0100 x12", ""},
		{"555-0100x12", ""},
		{"555-0100 ext. 123", ""},
		{"555-0100 Ext 123", ""},
		{"555-0100 extension 4", ""},
		{"１３８ ００１３ ８０００", ""},
		{"123456", ""},
		{strings.Repeat("1", 20), ""},
		{"12345", "it has 5 digits, and a phone number has 6 to 20"},
		{strings.Repeat("1", 21), "it has 21 digits"},
		{"+", "it has 0 digits"},
		{"call me", notPhone},
		{"555-CALL-NOW", notPhone},
		{"555-0100 x", notPhone},
		{"555-0100 x12a", notPhone},
		{"555-0100 ext 123456789", notPhone},
		{"86+138 0013 8000", notPhone},
		{"++86 138 0013 8000", notPhone},
		{"138\x000013 8000", notPhone},
		{"138#0013", notPhone},
		{"x123", "it has 0 digits"},
	}
	for _, tt := range tests {
		checkValidation(t, "ValidatePhone", tt.in, ValidatePhone("phone", tt.in), "phone", tt.msg)
	}
}

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"+86 138-0013-8000", "+8613800138000"},
		{"0086 138 0013 8000", "+8613800138000"},
		{"138 0013 8000", "13800138000"},
		{"13800138000", "13800138000"},
		{"(555) 010-0123", "5550100123"},
		{"+1 (555) 010-0123 ext. 12", "+15550100123x12"},
		{"555-0100 x7", "5550100x7"},
		{"＋８６ １３８００１３８０００", "+8613800138000"},
		{"  +44 20 7946 0958  ", "+442079460958"},
		{"", ""},
		{"call me", ""},
		{"+", ""},
		{"00", "00"},
		{"555-CALL-4", "5554"},
	}
	for _, tt := range tests {
		if got := NormalizePhone(tt.in); got != tt.want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
