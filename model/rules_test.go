package model

import (
	"testing"
	"time"
)

func TestFollowupOverdue(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 3, 15, 14, 30, 0, 0, shanghai)
	today := DayFromYMD(2026, 3, 15)
	tests := []struct {
		name    string
		due     Day
		dueTime string
		now     time.Time
		want    bool
	}{
		{"yesterday", today - 1, "", now, true},
		{"yesterday late", today - 1, "23:59", now, true},
		{"today no time", today, "", now, false},
		{"today earlier", today, "14:29", now, true},
		{"today this minute", today, "14:30", now, false},
		{"today this minute, seconds on", today, "14:30", now.Add(59 * time.Second), false},
		{"today next minute", today, "14:30", now.Add(time.Minute), true},
		{"today later", today, "18:00", now, false},
		{"today midnight", today, "00:00", now, true},
		{"tomorrow early", today + 1, "00:00", now, false},
		{"bad time counts as none", today, "9:00", now, false},
		{"out of range time", today, "24:00", now, false},
		{"no due date", NoDay, "", now, false},
		// today is the local date of now: 01:00 in Shanghai is still the
		// previous day in UTC, but not here.
		{"local date", today, "00:30", time.Date(2026, 3, 15, 1, 0, 0, 0, shanghai), true},
		{"local date, UTC view", today, "00:30", time.Date(2026, 3, 15, 1, 0, 0, 0, shanghai).UTC(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FollowupOverdue(tt.due, tt.dueTime, tt.now); got != tt.want {
				t.Fatalf("FollowupOverdue(%v, %q, %v) = %v, want %v", tt.due, tt.dueTime, tt.now, got, tt.want)
			}
		})
	}
}

func TestDaysOverdue(t *testing.T) {
	today := DayFromYMD(2026, 3, 15)
	for _, tt := range []struct {
		due  Day
		want int
	}{{today - 5, 5}, {today, 0}, {today + 3, 0}} {
		if got := DaysOverdue(tt.due, today); got != tt.want {
			t.Errorf("DaysOverdue(today%+d) = %d, want %d", tt.due-today, got, tt.want)
		}
	}
}

func TestTouchDue(t *testing.T) {
	today := DayFromYMD(2026, 3, 15)
	tests := []struct {
		name    string
		churned bool
		open    int
		last    Day
		cadence int
		want    bool
	}{
		{"one day short", false, 0, today - 29, 30, false},
		{"at cadence", false, 0, today - 30, 30, true},
		{"past cadence", false, 0, today - 90, 30, true},
		{"open follow-up", false, 1, today - 90, 30, false},
		{"churned", true, 0, today - 90, 30, false},
		{"no cadence", false, 0, today - 90, 0, false},
	}
	for _, tt := range tests {
		if got := TouchDue(tt.churned, tt.open, tt.last, tt.cadence, today); got != tt.want {
			t.Errorf("%s: TouchDue = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDealRotting(t *testing.T) {
	today := DayFromYMD(2026, 3, 15)
	tests := []struct {
		name    string
		since   Day
		rot     int
		snoozed Day
		want    bool
	}{
		{"at rot days", today - 10, 10, NoDay, false},
		{"one past", today - 11, 10, NoDay, true},
		{"never rots", today - 500, 0, NoDay, false},
		{"snoozed", today - 30, 10, today + 1, false},
		{"snooze ends today", today - 30, 10, today, true},
		{"snooze ended", today - 30, 10, today - 4, true},
		{"snoozed but not rotting anyway", today - 3, 10, today - 1, false},
	}
	for _, tt := range tests {
		if got := DealRotting(tt.since, tt.rot, tt.snoozed, today); got != tt.want {
			t.Errorf("%s: DealRotting = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestUnansweredStep(t *testing.T) {
	type step struct{ dir, outcome string }
	tests := []struct {
		name  string
		start int
		steps []step
		want  int
	}{
		{"three unanswered", 0, []step{{"outbound", "no_reply"}, {"outbound", "no_reply"}, {"outbound", "no_reply"}}, 3},
		{"reply resets", 2, []step{{"outbound", "no_reply"}, {"outbound", "replied"}}, 0},
		{"inbound resets", 3, []step{{"inbound", "none"}}, 0},
		{"inbound no_reply still resets", 3, []step{{"inbound", "no_reply"}}, 0},
		{"none keeps", 2, []step{{"outbound", "none"}, {"outbound", "no_reply"}}, 3},
		{"positive resets", 4, []step{{"outbound", "positive"}}, 0},
		{"neutral resets", 4, []step{{"outbound", "neutral"}}, 0},
		{"negative resets", 4, []step{{"outbound", "negative"}}, 0},
		{"internal ignored", 2, []step{{"internal", "no_reply"}, {"internal", "replied"}}, 2},
		{"unknown outcome ignored", 2, []step{{"outbound", ""}, {"outbound", "maybe"}}, 2},
		{"reset then grow", 5, []step{{"inbound", "replied"}, {"outbound", "no_reply"}, {"outbound", "none"}, {"outbound", "no_reply"}}, 2},
	}
	for _, tt := range tests {
		s := tt.start
		for _, st := range tt.steps {
			s = UnansweredStep(s, st.dir, st.outcome)
		}
		if s != tt.want {
			t.Errorf("%s: streak = %d, want %d", tt.name, s, tt.want)
		}
	}
}

func TestActivityStatus(t *testing.T) {
	tests := []struct {
		name    string
		churned bool
		level   Level
		days    int
		cadence int
		want    string
	}{
		{"active", false, LevelHealthy, 10, 30, ActivityActive},
		{"one day short of dormant", false, LevelWatch, 89, 30, ActivityActive},
		{"dormant", false, LevelWatch, 90, 30, ActivityDormant},
		{"at risk beats dormant", false, LevelAtRisk, 200, 30, ActivityAtRisk},
		{"churned beats all", true, LevelAtRisk, 200, 30, ActivityChurned},
		{"no cadence", false, LevelHealthy, 5000, 0, ActivityActive},
	}
	for _, tt := range tests {
		if got := ActivityStatus(tt.churned, tt.level, tt.days, tt.cadence); got != tt.want {
			t.Errorf("%s: ActivityStatus = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSnoozeADayNeverPullsForward(t *testing.T) {
	day := func(s string) Day {
		d, err := ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	today := day("2026-11-20")
	for _, c := range []struct{ due, want string }{
		{"2026-11-23", "2026-11-24"}, // due in 3 days: the fourth day
		{"2026-11-20", "2026-11-21"}, // due today: tomorrow
		{"2026-11-01", "2026-11-21"}, // overdue: tomorrow
	} {
		if got := SnoozeADay(day(c.due), today); got.String() != c.want {
			t.Errorf("due %s: %s, want %s", c.due, got, c.want)
		}
	}
}
