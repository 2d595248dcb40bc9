package db

import (
	"context"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// TestHolidayGreetingAheadOfSpringFestival: the default "Holiday greeting"
// rule greets tier A customers 3 days before 春节 (2027-02-06) and 中秋,
// once per holiday even when the book refreshes on each of those days, and
// not tier B customers nor holidays the rule does not name.
func TestHolidayGreetingAheadOfSpringFestival(t *testing.T) {
	d, clk := openTest(t)
	ctx := context.Background()
	g := practice(t, d, model.PracticeHolidayGreeting)
	if g.Event != model.EventHoliday || g.EventDays != 3 || g.Tier != model.TierA || !g.GreetsFor("春节") || !g.GreetsFor("中秋") || g.GreetsFor("Christmas") {
		t.Fatalf("default holiday rule %+v", g)
	}
	a, err := d.CreateCustomer(ctx, &model.Customer{Name: "王芳", Tier: model.TierA, TierPinned: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.CreateCustomer(ctx, &model.Customer{Name: "李雷", Tier: model.TierB, TierPinned: true}, nil); err != nil {
		t.Fatal(err)
	}
	loc := clk.t.Location()
	for _, c := range []struct {
		on   time.Time
		want int
	}{
		{time.Date(2026, 12, 22, 9, 0, 0, 0, loc), 0}, // 3 days before Christmas: not a holiday the rule names
		{time.Date(2027, 2, 2, 9, 0, 0, 0, loc), 0},   // 4 days before 春节
		{time.Date(2027, 2, 3, 9, 0, 0, 0, loc), 1},   // 3 days before: the greeting
		{time.Date(2027, 2, 4, 9, 0, 0, 0, loc), 1},   // again the next day: no second one
		{time.Date(2027, 2, 6, 9, 0, 0, 0, loc), 1},   // the day itself: nothing more
	} {
		clk.t = c.on
		if _, err := d.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		fs := ruleMade(t, d, g.ID)
		if len(fs) != c.want {
			t.Fatalf("%s: %d greetings %+v, want %d", c.on.Format("2006-01-02"), len(fs), fs, c.want)
		}
		if c.want == 1 && (fs[0].CustomerID != a || fs[0].Due.String() != "2027-02-03") {
			t.Fatalf("greeting %+v: want 王芳 due 2027-02-03", fs[0])
		}
	}
	// Done, and 中秋 (2027-09-15) brings the next one, 3 days ahead.
	if _, err := d.CompleteFollowup(ctx, ruleMade(t, d, g.ID)[0].ID); err != nil {
		t.Fatal(err)
	}
	clk.t = time.Date(2027, 9, 12, 9, 0, 0, 0, loc)
	if _, err := d.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if fs := ruleMade(t, d, g.ID); len(fs) != 2 || fs[1].Due.String() != "2027-09-12" {
		t.Fatalf("中秋 greeting: %+v", fs)
	}
}

func TestHolidayRuleValidation(t *testing.T) {
	for _, p := range []model.Playbook{
		{Name: "x", Event: model.EventHoliday, Title: "t"},                // no days
		{Name: "x", Event: model.EventHoliday, EventDays: 90, Title: "t"}, // too far ahead
		{Name: "x", Event: model.EventOrder, Title: "t", Holidays: "春节"},  // only holiday rules name holidays
	} {
		if err := p.Validate(); err == nil {
			t.Errorf("%+v accepted", p)
		}
	}
	ok := model.Playbook{Name: "x", Event: model.EventHoliday, EventDays: 5, Holidays: "春节，中秋", Title: "t"}
	if err := ok.Validate(); err != nil || !ok.GreetsFor("中秋") {
		t.Errorf("%v, greets 中秋: %v", err, ok.GreetsFor("中秋"))
	}
}
