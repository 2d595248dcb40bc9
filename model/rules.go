package model

import "time"

// Activity statuses of a customer (derived, shown in the customer list).
const (
	ActivityActive  = "active"
	ActivityDormant = "dormant"
	ActivityAtRisk  = "at_risk"
	ActivityChurned = "churned"
)

// FollowupOverdue reports whether an open follow-up is overdue at now (SPEC
// §2): due before today, or due today with a time (HH:MM, "" = none) that has
// passed at now's local clock time. Today is the date of now in now's
// location. The clock is compared by the minute: a follow-up due at 14:30 is
// overdue from 14:31. A time that is not a valid HH:MM counts as no time, and
// a follow-up without a due date (NoDay) is never overdue. Whether it is done
// is the caller's business.
func FollowupOverdue(due Day, dueTime string, now time.Time) bool {
	if due == NoDay {
		return false
	}
	today := DayOf(now)
	if due != today {
		return due < today
	}
	at, ok := rulesClockMinutes(dueTime)
	if !ok {
		return false
	}
	return now.Hour()*60+now.Minute() > at
}

// rulesClockMinutes parses "HH:MM" (00:00–23:59, two digits each) into
// minutes after midnight.
func rulesClockMinutes(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// DaysOverdue returns today - due (≥0): how many days a follow-up is overdue.
func DaysOverdue(due, today Day) int {
	return max(int(today)-int(due), 0)
}

// TouchDue reports whether a customer is due for a touch (SPEC §2): not
// churned, with no open follow-up, and days since last contact (or since
// creation when none) ≥ cadence. A cadence below 1 means "never".
func TouchDue(churned bool, openFollowups int, lastContactOrCreated Day, cadence int, today Day) bool {
	if churned || openFollowups > 0 || cadence < 1 {
		return false
	}
	return int(today)-int(lastContactOrCreated) >= cadence
}

// DealRotting reports whether an open deal is rotting (SPEC §2): not snoozed
// (it is snoozed while today < snoozedUntil; NoDay = not snoozed) and its
// days in stage (today - stageSince) exceed rotDays (rotDays 0 = never rots).
// The caller passes only open deals.
func DealRotting(stageSince Day, rotDays int, snoozedUntil Day, today Day) bool {
	if rotDays <= 0 {
		return false
	}
	if snoozedUntil != NoDay && today < snoozedUntil {
		return false
	}
	return int(today)-int(stageSince) > rotDays
}

// UnansweredStep applies one contact in time order to an unanswered streak
// (SPEC §2): outbound + no_reply → +1; inbound, or outcome replied, positive,
// neutral or negative → 0; outcome none → unchanged. direction is
// "outbound"/"inbound"/"internal", outcome one of replied, no_reply,
// positive, neutral, negative, none.
//
// An internal entry is not a contact, so it leaves the streak as it is
// whatever its outcome; so does an unknown outcome ("" included) on an
// outbound contact.
func UnansweredStep(streak int, direction, outcome string) int {
	switch direction {
	case "inbound":
		return 0
	case "outbound":
		switch outcome {
		case "no_reply":
			return streak + 1
		case "replied", "positive", "neutral", "negative":
			return 0
		}
	}
	return streak
}

// ActivityStatus derives a customer's activity status: "churned" for a
// churned customer; "at_risk" when level is at_risk; "dormant" when days
// since last contact ≥ 3× cadence (a cadence below 1 never makes a customer
// dormant); else "active".
func ActivityStatus(churned bool, level Level, daysSinceContact, cadence int) string {
	switch {
	case churned:
		return ActivityChurned
	case level == LevelAtRisk:
		return ActivityAtRisk
	case cadence >= 1 && daysSinceContact >= 3*cadence:
		return ActivityDormant
	}
	return ActivityActive
}
