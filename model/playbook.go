package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/rapportcrm/rapport/model/i18n"
)

// PlaybookEvent is what a playbook rule waits for.
type PlaybookEvent string

// The events a rule can wait for. The first eight happen in a user's
// command and the rule fires in that command's transaction; the last three
// are noticed by the book's refresh (TimeBased).
const (
	EventCustomerAdded PlaybookEvent = "customer_added" // a customer was added
	EventFirstContact  PlaybookEvent = "first_contact"  // the customer's first contact was logged
	EventDealStage     PlaybookEvent = "deal_stage"     // a deal entered the rule's stage
	EventDealWon       PlaybookEvent = "deal_won"       // a deal was won
	EventDealLost      PlaybookEvent = "deal_lost"      // a deal was lost
	EventOrder         PlaybookEvent = "order"          // an order was recorded
	EventComplaint     PlaybookEvent = "complaint"      // a complaint was logged
	EventLowFeedback   PlaybookEvent = "low_feedback"   // feedback scored 0–6 was logged
	EventUnanswered    PlaybookEvent = "unanswered"     // an outreach has gone unanswered for N days
	EventAtRisk        PlaybookEvent = "at_risk"        // the customer became at risk
	EventEvery         PlaybookEvent = "every"          // every N days (a recurring revisit)
	EventHoliday       PlaybookEvent = "holiday"        // N days before a holiday of the book's list
)

// PlaybookEvents lists every event in the order lists and help show them.
func PlaybookEvents() []PlaybookEvent {
	return []PlaybookEvent{EventCustomerAdded, EventFirstContact, EventDealStage, EventDealWon, EventDealLost, EventOrder,
		EventComplaint, EventLowFeedback, EventUnanswered, EventAtRisk, EventEvery, EventHoliday}
}

// LowFeedbackScore is the highest feedback score that counts as low (a
// detractor on the 0–10 scale).
const LowFeedbackScore = 6

// ParsePlaybookEvent reads an event name (as PlaybookEvents spell them, with
// '-' accepted for '_').
func ParsePlaybookEvent(s string) (PlaybookEvent, error) {
	v := PlaybookEvent(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_"))
	for _, e := range PlaybookEvents() {
		if v == e {
			return e, nil
		}
	}
	names := make([]string, 0, 12)
	for _, e := range PlaybookEvents() {
		names = append(names, string(e))
	}
	return "", Invalid("event", "%q is not an event: use one of %s", s, strings.Join(names, ", "))
}

// TimeBased reports whether the event is noticed by the daily refresh
// rather than by a command.
func (e PlaybookEvent) TimeBased() bool {
	return e == EventUnanswered || e == EventAtRisk || e == EventEvery || e == EventHoliday
}

// NeedsDays reports whether the event takes a number of days (unanswered
// for N days, every N days, N days before a holiday).
func (e PlaybookEvent) NeedsDays() bool {
	return e == EventUnanswered || e == EventEvery || e == EventHoliday
}

// AboutDeal reports whether the event concerns a deal, so the follow-up is
// linked to it and a rule keeps one open follow-up per deal.
func (e PlaybookEvent) AboutDeal() bool {
	return e == EventDealStage || e == EventDealWon || e == EventDealLost
}

// Playbook is a rule in the book: when Event happens to a customer (only
// for Tier, Tag or, for deal_stage, the stage StageID when set), schedule a
// follow-up titled Title, due AfterDays days (at AtTime when set) or
// AfterHours hours later.
type Playbook struct {
	Meta
	Name       string
	Practice   string // the default practice it was made from ("first_revisit"), "" for the user's own
	Event      PlaybookEvent
	EventDays  int   // N of unanswered and every
	StageID    int64 // the stage of deal_stage
	Tier       Tier  // "" = every tier
	Tag        string
	Title      string
	AfterDays  int
	AfterHours int
	AtTime     string // "HH:MM" or ""
	Enabled    bool
	// Holidays are the names of the holidays a holiday rule greets for,
	// separated by commas ("春节,中秋"); "" is every holiday of the book.
	Holidays string
}

// GreetsFor reports whether a holiday rule greets for the holiday name.
func (p *Playbook) GreetsFor(name string) bool {
	if strings.TrimSpace(p.Holidays) == "" {
		return true
	}
	for _, n := range strings.FieldsFunc(p.Holidays, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if strings.EqualFold(strings.TrimSpace(n), name) {
			return true
		}
	}
	return false
}

// The most a rule may wait or repeat, in days (ten years).
const maxPlaybookDays = 3650

// Validate checks a rule, each fault with the field to correct.
func (p *Playbook) Validate() error {
	if err := ValidateName("name", p.Name); err != nil {
		return err
	}
	if _, err := ParsePlaybookEvent(string(p.Event)); err != nil {
		return err
	}
	if err := ValidateName("title", p.Title); err != nil {
		return err
	}
	if p.Event.NeedsDays() {
		if p.EventDays < 1 || p.EventDays > maxPlaybookDays {
			return Invalid("days", "%s needs a number of days from 1 to %d (--days 3)", p.Event, maxPlaybookDays)
		}
	} else if p.EventDays != 0 {
		return Invalid("days", "only unanswered, every and holiday take a number of days, not %s", p.Event)
	}
	if p.Event == EventHoliday && p.EventDays > 60 {
		return Invalid("days", "a holiday rule greets at most 60 days ahead, not %d", p.EventDays)
	}
	if p.Event != EventHoliday && strings.TrimSpace(p.Holidays) != "" {
		return Invalid("holidays", "only a holiday rule names holidays")
	}
	if len([]rune(p.Holidays)) > 200 {
		return Invalid("holidays", "is longer than 200 characters")
	}
	if p.Event == EventDealStage && p.StageID == 0 {
		return Invalid("stage", "deal_stage needs the stage the deal enters (--stage Proposal)")
	}
	if p.Event != EventDealStage && p.StageID != 0 {
		return Invalid("stage", "only deal_stage takes a stage")
	}
	if p.Event == EventEvery && p.Tier == "" && strings.TrimSpace(p.Tag) == "" {
		return Invalid("tier", "every N days needs a tier or a tag, so it does not schedule the whole book (--tier A)")
	}
	if p.Tier != "" {
		if _, err := ParseTier(string(p.Tier)); err != nil {
			return Invalid("tier", "%v", err)
		}
	}
	if len([]rune(p.Tag)) > 60 {
		return Invalid("tag", "is longer than 60 characters")
	}
	if p.AfterDays < 0 || p.AfterDays > maxPlaybookDays {
		return Invalid("delay", "days must be from 0 to %d", maxPlaybookDays)
	}
	if p.AfterHours < 0 || p.AfterHours > 72 {
		return Invalid("delay", "hours must be from 0 to 72")
	}
	if p.AfterHours > 0 && p.AfterDays > 0 {
		return Invalid("delay", "give days or hours, not both")
	}
	if p.AtTime != "" {
		if p.AfterHours > 0 {
			return Invalid("time", "a rule due after some hours has its own time; drop --time")
		}
		if _, err := time.Parse("15:04", p.AtTime); err != nil {
			return Invalid("time", "%q is not a time like 14:30", p.AtTime)
		}
	}
	return nil
}

// Due returns when a follow-up the rule makes at now is due: the local day
// AfterDays later (at AtTime when set), or AfterHours later to the minute,
// which may fall on the next day.
func (p *Playbook) Due(now time.Time) (Day, string) {
	if p.AfterHours > 0 {
		at := now.Add(time.Duration(p.AfterHours) * time.Hour)
		return DayOf(at), at.Format("15:04")
	}
	return DayOf(now).AddDays(p.AfterDays), p.AtTime
}

// Matches reports whether the rule applies to a customer with this tier
// and these tags (tags compare case-insensitively).
func (p *Playbook) Matches(tier Tier, tags []string) bool {
	if p.Tier != "" && p.Tier != tier {
		return false
	}
	if p.Tag == "" {
		return true
	}
	for _, t := range tags {
		if strings.EqualFold(t, p.Tag) {
			return true
		}
	}
	return false
}

// FirstRoundDue reports whether an every-N-days rule created on ruleDay is
// due on today for a customer it never fired for. The first round is spread
// over the first N days by customer id, so a new quarterly rule does not put
// every tier A customer on one day.
func (p *Playbook) FirstRoundDue(customerID int64, ruleDay, today Day) bool {
	if p.EventDays <= 0 {
		return false
	}
	return int(today-ruleDay) >= int(customerID%int64(p.EventDays))
}

// WhenIn says the rule's trigger in p's language ("deal won", "outreach
// unanswered 3 d"); stage is the name of its stage (deal_stage). A nil p
// speaks English.
func (p *Playbook) WhenIn(pr *i18n.Printer, stage string) string {
	switch p.Event {
	case EventCustomerAdded:
		return pr.T("customer added")
	case EventFirstContact:
		return pr.T("first contact logged")
	case EventDealStage:
		return pr.T("deal enters %s", stage)
	case EventDealWon:
		return pr.T("deal won")
	case EventDealLost:
		return pr.T("deal lost")
	case EventOrder:
		return pr.T("order recorded")
	case EventComplaint:
		return pr.T("complaint logged")
	case EventLowFeedback:
		return pr.T("feedback ≤ %d logged", LowFeedbackScore)
	case EventUnanswered:
		return pr.T("outreach unanswered %d d", p.EventDays)
	case EventAtRisk:
		return pr.T("became at risk")
	case EventEvery:
		return pr.T("every %d d", p.EventDays)
	case EventHoliday:
		if strings.TrimSpace(p.Holidays) == "" {
			return pr.T("%d d before a holiday", p.EventDays)
		}
		return pr.T("%d d before %s", p.EventDays, Sanitize(p.Holidays))
	}
	return string(p.Event)
}

// DelayIn says when the follow-up falls due ("same day", "+3 d", "+2 h",
// "+7 d 10:00") in p's language.
func (p *Playbook) DelayIn(pr *i18n.Printer) string {
	switch {
	case p.AfterHours > 0:
		return pr.T("+%d h", p.AfterHours)
	case p.AfterDays == 0 && p.AtTime == "":
		return pr.T("same day")
	case p.AfterDays == 0:
		return pr.T("same day %s", p.AtTime)
	case p.AtTime != "":
		return pr.T("+%d d %s", p.AfterDays, p.AtTime)
	}
	return pr.T("+%d d", p.AfterDays)
}

// OnlyIn says the rule's filter ("tier A", "tag vip", "") in p's language.
func (p *Playbook) OnlyIn(pr *i18n.Printer) string {
	var parts []string
	if p.Tier != "" {
		parts = append(parts, pr.T("tier %s", string(p.Tier)))
	}
	if p.Tag != "" {
		parts = append(parts, pr.T("tag %s", p.Tag))
	}
	return strings.Join(parts, ", ")
}

// ParseDelay reads how long after its event a rule's follow-up is due:
// "3d", "3", "2h", "0" or "same day" (also 3天, 2小时). It returns days
// or hours (one of them is 0).
func ParseDelay(s string) (days, hours int, err error) {
	v := strings.ToLower(strings.TrimSpace(s))
	v = strings.TrimPrefix(v, "+")
	if v == "same day" || v == "today" || v == "当天" {
		return 0, 0, nil
	}
	unit := "d"
	for _, suf := range []struct{ s, unit string }{{"days", "d"}, {"day", "d"}, {"天", "d"}, {"d", "d"}, {"hours", "h"}, {"hour", "h"}, {"小时", "h"}, {"h", "h"}} {
		if strings.HasSuffix(v, suf.s) {
			v, unit = strings.TrimSpace(strings.TrimSuffix(v, suf.s)), suf.unit
			break
		}
	}
	var n int
	if _, err := fmt.Sscanf(v, "%d", &n); err != nil || fmt.Sprint(n) != v || n < 0 {
		return 0, 0, Invalid("delay", "%q is not a delay: try 3d, 2h or 0 (the same day)", s)
	}
	if unit == "h" {
		if n > 72 {
			return 0, 0, Invalid("delay", "%d hours is more than 72: give days (3d)", n)
		}
		return 0, n, nil
	}
	if n > maxPlaybookDays {
		return 0, 0, Invalid("delay", "%d days is more than %d", n, maxPlaybookDays)
	}
	return n, 0, nil
}
