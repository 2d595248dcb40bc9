package form

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

func TestInteractionForm(t *testing.T) {
	base := model.Interaction{CustomerID: 3}
	cases := []struct {
		name  string
		keys  []string
		check func(t *testing.T, in model.Interaction)
		field string // the field with the error, "" when valid
		err   string
	}{
		{name: "defaults: call, outbound, none, now", keys: []string{"text:Called Li", "ctrl+s"},
			check: func(t *testing.T, in model.Interaction) {
				if in.Kind != model.KindCall || in.Direction != model.Outbound || in.Outcome != model.OutcomeNone ||
					in.Score != -1 || in.OccurredAt != testNow.Unix() || in.Summary != "Called Li" || in.CustomerID != 3 {
					t.Fatalf("%+v", in)
				}
			}},
		{name: "yesterday is noon", keys: []string{"text:Visit", "shift+tab", "shift+tab", "ctrl+u", "text:yesterday", "ctrl+s"},
			check: func(t *testing.T, in model.Interaction) {
				if want := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC).Unix(); in.OccurredAt != want {
					t.Fatalf("occurred %v", time.Unix(in.OccurredAt, 0).UTC())
				}
			}},
		{name: "a time is kept", keys: []string{"text:Visit", "shift+tab", "shift+tab", "ctrl+u", "text:昨天 下午3点", "ctrl+s"},
			check: func(t *testing.T, in model.Interaction) {
				if want := time.Date(2026, 11, 22, 15, 0, 0, 0, time.UTC).Unix(); in.OccurredAt != want {
					t.Fatalf("occurred %v", time.Unix(in.OccurredAt, 0).UTC())
				}
			}},
		{name: "feedback with a score", keys: []string{"text:NPS", "tab", "f", "tab", "tab", "tab", "text:4", "ctrl+s"},
			check: func(t *testing.T, in model.Interaction) {
				if in.Kind != model.KindFeedback || in.Score != 4 {
					t.Fatalf("%+v", in)
				}
			}},
		{name: "summary required", keys: []string{"ctrl+s"}, field: "summary", err: "is required"},
		{name: "summary too long", keys: []string{"text:" + strings.Repeat("x", model.MaxSummaryLen+1), "ctrl+s"},
			field: "summary", err: "is longer than 1000 characters"},
		{name: "score only for feedback", keys: []string{"text:Call", "tab", "tab", "tab", "tab", "text:7", "ctrl+s"},
			field: "score", err: "is for feedback"},
		{name: "score range", keys: []string{"text:NPS", "tab", "f", "tab", "tab", "tab", "text:11", "ctrl+s"},
			field: "score", err: "must be between 0 and 10"},
		{name: "not in the future", keys: []string{"text:Call", "shift+tab", "shift+tab", "ctrl+u", "text:tomorrow", "ctrl+s"},
			field: "date", err: "is in the future"},
		{name: "date required", keys: []string{"text:Call", "shift+tab", "shift+tab", "ctrl+u", "ctrl+s"},
			field: "date", err: "is required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, msgs := press(t, InteractionForm(base, testOptions()), c.keys...)
			if c.field != "" {
				if hasMsg[SubmittedMsg](msgs) {
					t.Fatal("invalid input was submitted")
				}
				if got := f.FieldError(c.field); !strings.Contains(got, c.err) {
					t.Fatalf("error at %s = %q, want %q (form: %q)", c.field, got, c.err, f.FormError())
				}
				return
			}
			in, err := ToInteraction(base, submitted(t, msgs))
			if err != nil {
				t.Fatal(err)
			}
			c.check(t, in)
		})
	}
}

func TestEditInteractionKeepsItsMoment(t *testing.T) {
	at := time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)
	base := model.Interaction{Meta: model.Meta{ID: 9, Version: 3}, CustomerID: 3, Kind: model.KindFeedback,
		Direction: model.Inbound, Outcome: model.OutcomePositive, Score: 9, Summary: "Loves it", OccurredAt: at.Unix()}
	f := InteractionForm(base, testOptions())
	if f.Value("date") != "2026-11-20 14:30" || f.Value("score") != "9" || f.Value("kind") != "feedback" {
		t.Fatalf("date %q score %q kind %q", f.Value("date"), f.Value("score"), f.Value("kind"))
	}
	_, msgs := press(t, f, "ctrl+s")
	in, err := ToInteraction(base, submitted(t, msgs))
	if err != nil || in.OccurredAt != at.Unix() || in.ID != 9 || in.Version != 3 || in.Score != 9 {
		t.Fatalf("%+v %v", in, err)
	}
}

func TestCustomerFormRoundTrip(t *testing.T) {
	cu := model.Customer{Meta: model.Meta{ID: 5, Version: 7}, Name: "王芳", Company: "华东贸易", Email: "wang@example.cn",
		Tier: model.TierB, Lifecycle: model.Active, CadenceDays: 21, Notes: "Prefers WeChat\nafter 10am"}
	_, msgs := press(t, CustomerForm(cu, testOptions()), "ctrl+s")
	got, err := ToCustomer(cu, submitted(t, msgs))
	if err != nil || got != cu {
		t.Fatalf("unchanged form changed the customer:\n got %+v\nwant %+v (%v)", got, cu, err)
	}
	// Choosing another tier pins it, as --tier does.
	_, msgs = press(t, CustomerForm(cu, testOptions()), "tab", "tab", "tab", "tab", "tab", "tab", "tab", "left", "ctrl+s")
	got, _ = ToCustomer(cu, submitted(t, msgs))
	if got.Tier != model.TierA || !got.TierPinned {
		t.Fatalf("tier %s pinned %v", got.Tier, got.TierPinned)
	}
	// Churned with a reason; the reason goes when the customer comes back.
	_, msgs = press(t, CustomerForm(cu, testOptions()), "shift+tab", "shift+tab", "shift+tab", "right", "tab", "text:went to a competitor", "ctrl+s")
	got, err = ToCustomer(cu, submitted(t, msgs))
	if err != nil || got.Lifecycle != model.Churned || got.ChurnReason != "went to a competitor" {
		t.Fatalf("%+v %v", got, err)
	}
	back := got
	_, msgs = press(t, CustomerForm(back, testOptions()), "shift+tab", "shift+tab", "shift+tab", "left", "ctrl+s")
	got, _ = ToCustomer(back, submitted(t, msgs))
	if got.Lifecycle != model.Active || got.ChurnReason != "" {
		t.Fatalf("%+v", got)
	}
	// Escape sequences typed or pasted never reach the customer.
	_, msgs = press(t, CustomerForm(model.Customer{}, testOptions()), "text:Ac\x1b[31mme\u202e", "ctrl+s")
	got, _ = ToCustomer(model.Customer{}, submitted(t, msgs))
	if strings.ContainsAny(got.Name, "\x1b\u202e") || got.Name != "Ac[31mme" {
		t.Fatalf("name %q", got.Name)
	}
}

func TestContactOrderFollowupForms(t *testing.T) {
	_, msgs := press(t, ContactForm(model.Contact{CustomerID: 2}, testOptions()), "text:Li Lei", "tab", "text:CTO", "tab", "tab", "tab", "tab", "space", "enter")
	c, err := ToContact(model.Contact{CustomerID: 2}, submitted(t, msgs))
	if err != nil || c.Name != "Li Lei" || c.Role != "CTO" || !c.IsPrimary {
		t.Fatalf("%+v %v", c, err)
	}
	_, msgs = press(t, OrderForm(model.Order{CustomerID: 2}, testOptions()), "text:$3.5k", "tab", "ctrl+u", "text:11/20", "tab", "text:first order", "enter")
	o, err := ToOrder(model.Order{CustomerID: 2}, submitted(t, msgs))
	if err != nil || o.AmountMinor != 350000 || o.Currency != "USD" || o.Note != "first order" ||
		o.OrderedAt != time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC).Unix() {
		t.Fatalf("%+v %v", o, err)
	}
	f, msgs := press(t, OrderForm(model.Order{CustomerID: 2}, testOptions()), "ctrl+s")
	if hasMsg[SubmittedMsg](msgs) || !strings.Contains(f.FieldError("amount"), "is required") {
		t.Fatalf("error %q", f.FieldError("amount"))
	}
	f, msgs = press(t, FollowupForm(model.Followup{CustomerID: 2}, testOptions()), "text:Call", "tab", "text:fri", "tab", "text:25:00", "enter")
	if hasMsg[SubmittedMsg](msgs) || f.FieldError("time") != `"25:00" is not a time like 14:30, 3pm or 下午3点` {
		t.Fatalf("error %q", f.FieldError("time"))
	}
	f, msgs = press(t, FollowupForm(model.Followup{CustomerID: 2}, testOptions()), "text:Call", "ctrl+s")
	if hasMsg[SubmittedMsg](msgs) || !strings.Contains(f.FieldError("due"), "is required") {
		t.Fatalf("error %q", f.FieldError("due"))
	}
	// Editing a deal shows its value in its own currency and keeps it.
	d := model.Deal{Meta: model.Meta{ID: 4}, CustomerID: 2, Title: "Renewal", ValueMinor: 1200050, Currency: "USD",
		Probability: 40, ExpectedClose: model.DayFromYMD(2026, 12, 15), Status: model.DealOpen}
	df := DealForm(d, testOptions())
	if df.Value("value") != "$12,000.50" || df.Value("probability") != "40" || df.Value("close") != "2026-12-15" {
		t.Fatalf("value %q prob %q close %q", df.Value("value"), df.Value("probability"), df.Value("close"))
	}
	_, msgs = press(t, df, "ctrl+s")
	got, err := ToDeal(d, submitted(t, msgs))
	if err != nil || got != d {
		t.Fatalf("got %+v want %+v (%v)", got, d, err)
	}
}

func TestTagsForm(t *testing.T) {
	cur := []string{"vip", "big fish"}
	f := TagsForm(cur, testOptions())
	if f.Value("tags") != "vip, big fish" {
		t.Fatalf("tags %q", f.Value("tags"))
	}
	cases := []struct {
		keys        []string
		add, remove []string
	}{
		{[]string{"ctrl+s"}, nil, nil},
		{[]string{"text:, #Reseller", "ctrl+s"}, []string{"Reseller"}, nil},
		{[]string{"ctrl+u", "text:VIP new  new", "enter"}, []string{"new"}, []string{"big fish"}},
		{[]string{"ctrl+u", "text:重点，vip", "enter"}, []string{"重点"}, []string{"big fish"}},
		{[]string{"ctrl+u", "enter"}, nil, []string{"vip", "big fish"}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.keys, " "), func(t *testing.T) {
			_, msgs := press(t, TagsForm(cur, testOptions()), c.keys...)
			add, remove, err := ToTags(cur, submitted(t, msgs))
			if err != nil || !slices.Equal(add, c.add) || !slices.Equal(remove, c.remove) {
				t.Fatalf("add %q remove %q err %v", add, remove, err)
			}
		})
	}
	f, msgs := press(t, TagsForm(nil, testOptions()), "text:"+strings.Repeat("t", 61), "enter")
	if hasMsg[SubmittedMsg](msgs) || f.FieldError("tags") != "is longer than 60 characters" {
		t.Fatalf("error %q", f.FieldError("tags"))
	}
}

func TestNextFollowupPrompt(t *testing.T) {
	due := DefaultNextDue(model.DayOf(testNow), 14)
	f := NextFollowupPrompt(due, testOptions())
	if f.Preview("due") != "Mon 2026-12-07 (in 14 days)" {
		t.Fatalf("preview %q", f.Preview("due"))
	}
	_, msgs := press(t, f, "enter")
	fu, err := NextFollowup(3, 0, "Called about the renewal", submitted(t, msgs))
	if err != nil || fu.Due != due || fu.Title != "Follow up: Called about the renewal" || fu.CustomerID != 3 {
		t.Fatalf("%+v %v", fu, err)
	}
	_, msgs = press(t, f, "ctrl+u", "text:明天", "esc")
	if !hasMsg[CancelledMsg](msgs) {
		t.Fatalf("esc skips at once, got %v", msgs)
	}
	_, msgs = press(t, f, "ctrl+u", "text:明天 9am", "enter")
	fu, _ = NextFollowup(3, 0, strings.Repeat("长", 300), submitted(t, msgs))
	if fu.Due.String() != "2026-11-24" || fu.DueTime != "09:00" || fu.Validate() != nil {
		t.Fatalf("%+v", fu)
	}
}
