package form

import (
	"errors"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

func TestTypingGoesIntoFirstFieldAtOnce(t *testing.T) {
	f := CustomerForm(model.Customer{}, testOptions())
	if !f.InputFocused() {
		t.Fatal("an open form must own the keyboard")
	}
	f, msgs := press(t, f, "text:q?王芳 1")
	if got := f.Value("name"); got != "q?王芳 1" {
		t.Fatalf("name = %q, want the typed text (q and ? are letters here)", got)
	}
	if len(msgs) != 0 {
		t.Fatalf("typing reported %v", msgs)
	}
	if f.Focused() != "name" {
		t.Fatalf("focus moved to %q", f.Focused())
	}
}

func TestMovingBetweenFields(t *testing.T) {
	cases := []struct {
		keys []string
		want string
	}{
		{[]string{"tab"}, "company"},
		{[]string{"tab", "tab"}, "email"},
		{[]string{"tab", "shift+tab"}, "name"},
		{[]string{"shift+tab"}, "notes"}, // wraps to the last field
		{[]string{"down", "down", "up"}, "company"},
		{[]string{"enter"}, "company"},           // enter moves on before the last field
		{[]string{"shift+tab", "down"}, "notes"}, // ↓ moves lines in a notes box, not fields
		{[]string{"shift+tab", "tab"}, "name"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.keys, ","), func(t *testing.T) {
			f, _ := press(t, CustomerForm(model.Customer{}, testOptions()), c.keys...)
			if f.Focused() != c.want {
				t.Fatalf("focused %q, want %q", f.Focused(), c.want)
			}
		})
	}
}

func TestCustomerFormInvalidInputIsNotSubmitted(t *testing.T) {
	long := strings.Repeat("a", model.MaxNameLen+1)
	cases := []struct {
		name   string
		keys   []string
		field  string
		errHas string
	}{
		{"empty name", []string{"ctrl+s"}, "name", "is required"},
		{"long name", []string{"text:" + long, "ctrl+s"}, "name", "is longer than 200 characters"},
		{"bad email", []string{"text:Acme", "tab", "tab", "text:bob@", "ctrl+s"}, "email", `"bob@" is not an email address`},
		{"bad phone", []string{"text:Acme", "tab", "tab", "tab", "text:call me", "ctrl+s"}, "phone", "is not a phone number"},
		{"cadence not a number", []string{"text:Acme", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "text:x", "ctrl+s"},
			"cadence", "is not a whole number"},
		{"cadence out of range", []string{"text:Acme", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "text:9999", "ctrl+s"},
			"cadence", "must be between 1 and 3650"},
		{"churned without reason", []string{"text:Acme", "shift+tab", "shift+tab", "shift+tab", "right", "ctrl+s"},
			"churn_reason", "say why the customer churned"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, msgs := press(t, CustomerForm(model.Customer{}, testOptions()), c.keys...)
			if hasMsg[SubmittedMsg](msgs) || f.Saving() {
				t.Fatal("invalid input was submitted")
			}
			if got := f.FieldError(c.field); !strings.Contains(got, c.errHas) {
				t.Fatalf("error at %s = %q, want it to contain %q (form error %q)", c.field, got, c.errHas, f.FormError())
			}
			if f.Focused() != c.field {
				t.Fatalf("focus on %q, want the invalid field %q", f.Focused(), c.field)
			}
			f.SetSize(80, 24)
			if !strings.Contains(f.View(), "✗ "+f.FieldError(c.field)[:10]) {
				t.Fatalf("the error is not drawn:\n%s", f.View())
			}
		})
	}
}

// The form's message for an input is the command line's message for it:
// both come from model.
func TestSameErrorAsCommandLine(t *testing.T) {
	f, _ := press(t, CustomerForm(model.Customer{}, testOptions()), "text:Acme", "tab", "tab", "text:bob@", "ctrl+s")
	cu := model.Customer{Name: "Acme", Email: "bob@", Tier: model.TierC, Lifecycle: model.Active}
	var ve *model.ValidationError
	if !errors.As(cu.Validate(), &ve) || ve.Field != "email" || f.FieldError("email") != ve.Msg {
		t.Fatalf("form says %q, model says %v", f.FieldError("email"), ve)
	}
	d, _ := press(t, DealForm(model.Deal{CustomerID: 1}, testOptions()), "text:Renewal", "tab", "text:12,3,4", "ctrl+s")
	_, err := model.ParseMoney("12,3,4", "CNY")
	if d.FieldError("value") != err.Error() {
		t.Fatalf("form says %q, ParseMoney says %q", d.FieldError("value"), err)
	}
}

func TestEnterOnLastFieldSubmits(t *testing.T) {
	f, msgs := press(t, FollowupForm(model.Followup{CustomerID: 7}, testOptions()),
		"text:Send quote", "enter", "text:明天", "enter", "text:14:30")
	if hasMsg[SubmittedMsg](msgs) {
		t.Fatal("submitted before the last field")
	}
	if f.Focused() != "time" {
		t.Fatalf("focus on %q", f.Focused())
	}
	f, msgs = press(t, f, "enter")
	v := submitted(t, msgs)
	fu, err := ToFollowup(model.Followup{CustomerID: 7}, v)
	if err != nil {
		t.Fatal(err)
	}
	if fu.Title != "Send quote" || fu.Due.String() != "2026-11-24" || fu.DueTime != "14:30" || fu.CustomerID != 7 {
		t.Fatalf("follow-up = %+v", fu)
	}
	if !f.Saving() {
		t.Fatal("the form should wait for the caller after submitting")
	}
	// A second save while the first is on its way reports nothing.
	if _, msgs = press(t, f, "ctrl+s", "enter"); len(msgs) != 0 {
		t.Fatalf("submitted twice: %v", msgs)
	}
}

func TestEscCancels(t *testing.T) {
	t.Run("clean form cancels at once", func(t *testing.T) {
		_, msgs := press(t, CustomerForm(model.Customer{}, testOptions()), "tab", "esc")
		if !hasMsg[CancelledMsg](msgs) {
			t.Fatalf("got %v", msgs)
		}
	})
	t.Run("dirty form asks; n returns; y cancels", func(t *testing.T) {
		f, msgs := press(t, CustomerForm(model.Customer{}, testOptions()), "text:Acme", "esc")
		if len(msgs) != 0 || !f.Asking() {
			t.Fatalf("esc on a dirty form must ask first (msgs %v)", msgs)
		}
		f.SetSize(80, 24)
		if !strings.Contains(f.View(), "Discard changes? y/n") {
			t.Fatal("the question is not shown")
		}
		f, msgs = press(t, f, "x", "n")
		if len(msgs) != 0 || f.Asking() || f.Value("name") != "Acme" {
			t.Fatalf("n should return to the form untouched: asking=%v name=%q", f.Asking(), f.Value("name"))
		}
		f, _ = press(t, f, "text:!", "esc")
		_, msgs = press(t, f, "y")
		if !hasMsg[CancelledMsg](msgs) {
			t.Fatalf("y should cancel, got %v", msgs)
		}
	})
	t.Run("typing back to the start is clean", func(t *testing.T) {
		_, msgs := press(t, CustomerForm(model.Customer{Name: "Acme"}, testOptions()), "text:x", "backspace", "esc")
		if !hasMsg[CancelledMsg](msgs) {
			t.Fatalf("got %v", msgs)
		}
	})
}

func TestDatePreview(t *testing.T) {
	cases := []struct{ in, want string }{
		{"明天", "Tue 2026-11-24 (tomorrow)"},
		{"下周一", "Mon 2026-11-30 (in 7 days)"},
		{"+3d", "Thu 2026-11-26 (in 3 days)"},
		{"fri", "Fri 2026-11-27 (in 4 days)"},
		{"12/01 14:30", "Tue 2026-12-01 (in 8 days) 14:30"},
		{"today", "Mon 2026-11-23 (today)"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			f, _ := press(t, FollowupForm(model.Followup{CustomerID: 1}, testOptions()), "tab", "text:"+c.in)
			if got := f.Preview("due"); got != c.want {
				t.Fatalf("preview %q, want %q", got, c.want)
			}
			if f.FieldError("due") != "" {
				t.Fatalf("unexpected error %q", f.FieldError("due"))
			}
			f.SetSize(80, 24)
			if !strings.Contains(f.View(), "→ "+c.want) {
				t.Fatalf("preview not drawn:\n%s", f.View())
			}
		})
	}
	t.Run("not a date", func(t *testing.T) {
		f, msgs := press(t, FollowupForm(model.Followup{CustomerID: 1}, testOptions()), "text:Call", "tab", "text:someday", "ctrl+s")
		if hasMsg[SubmittedMsg](msgs) {
			t.Fatal("submitted a bad date")
		}
		if got := f.FieldError("due"); !strings.Contains(got, `"someday" is not a date`) || !strings.Contains(got, "明天") {
			t.Fatalf("error %q should say what works", got)
		}
		f.SetSize(120, 40)
		if strings.Count(f.View(), "is not a date") != 1 {
			t.Fatalf("the date error should show once, beside the field:\n%s", f.View())
		}
	})
	t.Run("past mode", func(t *testing.T) {
		f, _ := press(t, InteractionForm(model.Interaction{CustomerID: 1}, testOptions()),
			"shift+tab", "shift+tab")
		if f.Focused() != "date" {
			t.Fatalf("focus on %q", f.Focused())
		}
		f, _ = press(t, f, "ctrl+u", "text:fri")
		if got := f.Preview("date"); got != "Fri 2026-11-20 (3 days ago)" {
			t.Fatalf("in a past field fri is the last Friday, got %q", got)
		}
	})
}

func TestMoneyField(t *testing.T) {
	cases := []struct{ in, preview, err string }{
		{"¥12,000", "¥12,000.00", ""},
		{"$3.5k", "$3,500.00", ""},
		{"12000", "¥12,000.00", ""}, // the book currency
		{"-5", "", "negative"},
		{"abc", "", "not an amount"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			f, msgs := press(t, DealForm(model.Deal{CustomerID: 1}, testOptions()), "text:Renewal", "tab", "text:"+c.in, "ctrl+s")
			if got := f.Preview("value"); got != c.preview {
				t.Fatalf("preview %q, want %q", got, c.preview)
			}
			if c.err == "" {
				d, err := ToDeal(model.Deal{CustomerID: 1}, submitted(t, msgs))
				if err != nil || model.FormatMinor(d.ValueMinor, d.Currency) != c.preview || d.Probability != -1 || d.Status != model.DealOpen {
					t.Fatalf("deal %+v, err %v", d, err)
				}
				return
			}
			if hasMsg[SubmittedMsg](msgs) {
				t.Fatal("submitted a bad amount")
			}
			if got := f.FieldError("value"); !strings.Contains(got, c.err) {
				t.Fatalf("error %q, want %q", got, c.err)
			}
		})
	}
}

func TestValidateHookPlacesErrors(t *testing.T) {
	spec := func(err error) Spec {
		return Spec{ID: "x", Title: "X", Fields: []Field{
			{Key: "a", Label: "A", Kind: Text},
			{Key: "nick", Label: "Nickname", Kind: Text, Aliases: []string{"nick name"}},
		}, Validate: func(Values) error { return err }}
	}
	f, msgs := press(t, New(spec(model.Invalid("nick name", "is taken")), testOptions()), "ctrl+s")
	if hasMsg[SubmittedMsg](msgs) || f.FieldError("nick") != "is taken" || f.Focused() != "nick" {
		t.Fatalf("field error %q, focus %q", f.FieldError("nick"), f.Focused())
	}
	f, _ = press(t, New(spec(errors.New("the book is read-only")), testOptions()), "ctrl+s")
	if f.FormError() != "the book is read-only" {
		t.Fatalf("form error %q", f.FormError())
	}
	f.SetSize(60, 10)
	if !strings.Contains(f.View(), "✗ the book is read-only") {
		t.Fatalf("not drawn:\n%s", f.View())
	}
	// Typing clears the errors.
	f, _ = press(t, f, "text:z")
	if f.FormError() != "" {
		t.Fatal("typing should clear the error")
	}
}

func TestSetErrorAndConflict(t *testing.T) {
	cu := model.Customer{Meta: model.Meta{ID: 4, Version: 2}, Name: "Acme", Tier: model.TierB, Lifecycle: model.Active}
	f, msgs := press(t, CustomerForm(cu, testOptions()), "text: Ltd", "ctrl+s")
	submitted(t, msgs)
	f.SetError(model.Invalid("email", "is already used by customer 9"))
	if f.Saving() || f.FieldError("email") != "is already used by customer 9" || f.Focused() != "email" {
		t.Fatalf("saving=%v err=%q", f.Saving(), f.FieldError("email"))
	}
	f.SetError(model.ErrConflict)
	if !f.InConflict() {
		t.Fatal("ErrConflict should open the conflict question")
	}
	f.SetConflict("Acme was changed in another window")
	f.SetSize(100, 20)
	if v := f.View(); !strings.Contains(v, "Acme was changed in another window — r reload · esc keep editing") {
		t.Fatalf("conflict not shown:\n%s", v)
	}
	// Typing does not reach the fields while the question is open.
	f, msgs = press(t, f, "x", "r")
	if !hasMsg[ReloadRequestedMsg](msgs) || f.Value("name") != "Acme Ltd" {
		t.Fatalf("msgs %v, name %q", msgs, f.Value("name"))
	}
	f, _ = press(t, f, "esc")
	if f.InConflict() || f.Value("name") != "Acme Ltd" {
		t.Fatal("esc should return to the form as it was")
	}
}

func TestChoiceAndBool(t *testing.T) {
	f, _ := press(t, InteractionForm(model.Interaction{CustomerID: 1}, testOptions()), "tab")
	f, _ = press(t, f, "right", "right", "left", "space")
	if f.Value("kind") != "meeting" {
		t.Fatalf("kind %q", f.Value("kind"))
	}
	f, _ = press(t, f, "f")
	if f.Value("kind") != "feedback" {
		t.Fatalf("a letter jumps to the option: kind %q", f.Value("kind"))
	}
	f, _ = press(t, f, "left", "left", "left", "left", "left", "left", "left", "left")
	if f.Value("kind") != "feedback" {
		t.Fatalf("←×8 should go round: kind %q", f.Value("kind"))
	}
	c, _ := press(t, ContactForm(model.Contact{CustomerID: 1}, testOptions()), "shift+tab", "space")
	if c.Value("primary") != "yes" {
		t.Fatalf("primary %q", c.Value("primary"))
	}
}

func TestMultilineField(t *testing.T) {
	f, msgs := press(t, InteractionForm(model.Interaction{CustomerID: 1}, testOptions()),
		"text:Called about renewal", "shift+tab", "text:line one", "alt+enter", "text:line two")
	if got := f.Value("body"); got != "line one\nline two" {
		t.Fatalf("body %q", got)
	}
	_, msgs = press(t, f, "enter")
	in, err := ToInteraction(model.Interaction{CustomerID: 1}, submitted(t, msgs))
	if err != nil || in.Body != "line one\nline two" {
		t.Fatalf("interaction %+v, %v", in, err)
	}
}

// Issue 21 item 11: a save marks every invalid field at once, not one per
// attempt.
func TestEveryInvalidFieldIsMarkedAtOnce(t *testing.T) {
	f, msgs := press(t, FollowupForm(model.Followup{CustomerID: 7}, testOptions()), "ctrl+s")
	if hasMsg[SubmittedMsg](msgs) {
		t.Fatal("an empty follow-up was submitted")
	}
	if f.FieldError("title") == "" || f.FieldError("due") == "" {
		t.Fatalf("title error %q, due error %q: both must be marked", f.FieldError("title"), f.FieldError("due"))
	}
	if f.Focused() != "title" {
		t.Fatalf("focus on %q, want the first invalid field", f.Focused())
	}
	f.SetSize(100, 24)
	v := f.View()
	if n := strings.Count(v, "✗ "); n != 3 { // two fields and the status line
		t.Fatalf("want two marked fields and the status line, got %d marks:\n%s", n, v)
	}
	// Fixing one leaves the other marked.
	f, _ = press(t, f, "text:Call back", "ctrl+s")
	if f.FieldError("title") != "" || f.FieldError("due") == "" || f.Focused() != "due" {
		t.Fatalf("title %q due %q focus %q", f.FieldError("title"), f.FieldError("due"), f.Focused())
	}
}

// Issue 21 ("expected, and missing"): the Time field reads 3pm and 下午3点
// as the Due field does.
func TestTimeFieldReadsWhatDueReads(t *testing.T) {
	for in, want := range map[string]string{"3pm": "15:00", "下午3点": "15:00", "9:05": "09:05", "2:30 pm": "14:30"} {
		f, msgs := press(t, FollowupForm(model.Followup{CustomerID: 7}, testOptions()),
			"text:Call", "tab", "text:明天", "tab", "text:"+in, "enter")
		if e := f.FieldError("time"); e != "" {
			t.Fatalf("%q: %s", in, e)
		}
		fu, err := ToFollowup(model.Followup{CustomerID: 7}, submitted(t, msgs))
		if err != nil || fu.DueTime != want {
			t.Fatalf("%q: due time %q (%v), want %q", in, fu.DueTime, err, want)
		}
	}
	f, msgs := press(t, FollowupForm(model.Followup{CustomerID: 7}, testOptions()),
		"text:Call", "tab", "text:明天", "tab", "text:teatime", "enter")
	if hasMsg[SubmittedMsg](msgs) || !strings.Contains(f.FieldError("time"), `"teatime" is not a time like 14:30, 3pm or 下午3点`) {
		t.Fatalf("teatime: error %q", f.FieldError("time"))
	}
}
