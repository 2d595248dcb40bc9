package model

import "strings"

// The practices behind the default rules, as stored in Playbook.Practice.
const (
	PracticeFirstRevisit      = "first_revisit"
	PracticeAfterSale         = "after_sale"
	PracticeComplaintCallback = "complaint_callback"
	PracticeOtherChannel      = "other_channel"
	PracticeWinBack           = "win_back"
	PracticeQuarterly         = "quarterly_satisfaction"
	PracticeHolidayGreeting   = "holiday_greeting"
)

// DefaultPlaybooks returns the rules a new book starts with, each named
// after the follow-up practice it keeps, in English or (for a zh locale)
// Chinese. Each is on; the user may edit or switch off any of them.
func DefaultPlaybooks(locale string) []Playbook {
	zh := strings.HasPrefix(strings.ToLower(locale), "zh")
	pick := func(en, cn string) string {
		if zh {
			return cn
		}
		return en
	}
	return []Playbook{
		{Name: pick("First revisit", "首次回访"), Practice: PracticeFirstRevisit, Event: EventCustomerAdded,
			Title: pick("First revisit", "首次回访"), AfterDays: 3, Enabled: true},
		{Name: pick("After-sale revisit", "售后回访"), Practice: PracticeAfterSale, Event: EventDealWon,
			Title: pick("After-sale revisit", "售后回访"), AfterDays: 7, Enabled: true},
		{Name: pick("Complaint callback", "投诉回电"), Practice: PracticeComplaintCallback, Event: EventComplaint,
			Title: pick("Call back about the complaint", "投诉回电"), AfterHours: 2, Enabled: true},
		{Name: pick("Try another channel", "换个渠道联系"), Practice: PracticeOtherChannel, Event: EventUnanswered, EventDays: 3,
			Title: pick("No reply: try another channel", "未回复：换个渠道联系"), Enabled: true},
		{Name: pick("Win-back call", "挽回电话"), Practice: PracticeWinBack, Event: EventAtRisk,
			Title: pick("Win-back call", "挽回电话"), Enabled: true},
		{Name: pick("Quarterly satisfaction revisit", "季度满意度回访"), Practice: PracticeQuarterly, Event: EventEvery, EventDays: 90,
			Tier: TierA, Title: pick("Quarterly satisfaction revisit", "季度满意度回访"), Enabled: true},
		{Name: pick("Holiday greeting", "节前问候"), Practice: PracticeHolidayGreeting, Event: EventHoliday, EventDays: 3,
			Holidays: "春节,中秋", Tier: TierA, Title: pick("Holiday greeting", "节前问候"), Enabled: true},
	}
}
