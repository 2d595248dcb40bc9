package model

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model/i18n"
)

// riskToday is the fixed "today" of the risk tests: Sunday 15 March 2026.
var riskToday = DayFromYMD(2026, 3, 15)

// quietInput is a customer with no reason at all: contacted today, no
// orders, no complaints, no rating.
func quietInput() RiskInput {
	return RiskInput{
		Today:             riskToday,
		Rhythm:            30,
		Created:           riskToday - 1000,
		LastContact:       riskToday,
		LastFeedbackScore: -1,
		Lapse:             DefaultLapseFit(),
	}
}

// isolatedInput is quietInput without anything to measure silence from, so
// ValidUntil tests see only the reason under test.
func isolatedInput() RiskInput {
	in := quietInput()
	in.Created, in.LastContact = NoDay, NoDay
	return in
}

type codePoints struct {
	Code   string
	Points int
}

func (c codePoints) String() string { return fmt.Sprintf("%s:%d", c.Code, c.Points) }

func reasonPoints(r Risk) []codePoints {
	out := []codePoints{}
	for _, x := range r.Reasons {
		out = append(out, codePoints{x.Code, x.Points})
	}
	return out
}

func ago(n int) Day { return riskToday - Day(n) }

func TestAssessRiskReasons(t *testing.T) {
	deal := func(title string, stageAgo, rot int, snoozed Day) OpenDeal {
		return OpenDeal{Title: title, Stage: "Proposal", StageSince: ago(stageAgo), RotDays: rot, SnoozedUntil: snoozed}
	}
	tests := []struct {
		name string
		set  func(in *RiskInput)
		want []codePoints
	}{
		{"quiet", func(in *RiskInput) {}, nil},

		// silence, g = 30: thresholds 30, 45, 60, 90
		{"silence 29", func(in *RiskInput) { in.LastContact = ago(29) }, nil},
		{"silence 30", func(in *RiskInput) { in.LastContact = ago(30) }, []codePoints{{ReasonSilence, 20}}},
		{"silence 44", func(in *RiskInput) { in.LastContact = ago(44) }, []codePoints{{ReasonSilence, 20}}},
		{"silence 45", func(in *RiskInput) { in.LastContact = ago(45) }, []codePoints{{ReasonSilence, 30}}},
		{"silence 59", func(in *RiskInput) { in.LastContact = ago(59) }, []codePoints{{ReasonSilence, 30}}},
		{"silence 60", func(in *RiskInput) { in.LastContact = ago(60) }, []codePoints{{ReasonSilence, 40}}},
		{"silence 89", func(in *RiskInput) { in.LastContact = ago(89) }, []codePoints{{ReasonSilence, 40}}},
		{"silence 90", func(in *RiskInput) { in.LastContact = ago(90) }, []codePoints{{ReasonSilence, 50}}},
		{"silence 900", func(in *RiskInput) { in.LastContact = ago(900) }, []codePoints{{ReasonSilence, 50}}},
		// odd g = 31: 1.5g = 46.5, so 47 is the first day of 30 points
		{"silence g31 46", func(in *RiskInput) { in.Rhythm, in.LastContact = 31, ago(46) }, []codePoints{{ReasonSilence, 20}}},
		{"silence g31 47", func(in *RiskInput) { in.Rhythm, in.LastContact = 31, ago(47) }, []codePoints{{ReasonSilence, 30}}},
		{"silence future contact", func(in *RiskInput) { in.LastContact = riskToday + 3 }, nil},
		{"never contacted 29", func(in *RiskInput) { in.LastContact, in.Created = NoDay, ago(29) }, nil},
		{"never contacted 30", func(in *RiskInput) { in.LastContact, in.Created = NoDay, ago(30) }, []codePoints{{ReasonSilence, 20}}},
		{"never contacted 95", func(in *RiskInput) { in.LastContact, in.Created = NoDay, ago(95) }, []codePoints{{ReasonSilence, 50}}},
		{"rhythm 0 counts as 1", func(in *RiskInput) { in.Rhythm, in.LastContact = 0, ago(1) }, []codePoints{{ReasonSilence, 20}}},

		// unanswered
		{"unanswered 1", func(in *RiskInput) { in.UnansweredStreak = 1 }, nil},
		{"unanswered 2", func(in *RiskInput) { in.UnansweredStreak = 2 }, []codePoints{{ReasonUnanswered, 20}}},
		{"unanswered 3", func(in *RiskInput) { in.UnansweredStreak = 3 }, []codePoints{{ReasonUnanswered, 30}}},
		{"unanswered 7", func(in *RiskInput) { in.UnansweredStreak = 7 }, []codePoints{{ReasonUnanswered, 30}}},

		// complaint
		{"complaint open", func(in *RiskInput) { in.OpenComplaints, in.OldestOpenComplaint = 1, ago(12) }, []codePoints{{ReasonComplaint, 25}}},
		{"complaint open beats resolved", func(in *RiskInput) {
			in.OpenComplaints, in.OldestOpenComplaint, in.LastResolvedComplaint = 2, ago(12), ago(3)
		}, []codePoints{{ReasonComplaint, 25}}},
		{"complaint resolved 60", func(in *RiskInput) { in.LastResolvedComplaint = ago(60) }, []codePoints{{ReasonComplaint, 10}}},
		{"complaint resolved 61", func(in *RiskInput) { in.LastResolvedComplaint = ago(61) }, nil},
		{"complaint resolved today", func(in *RiskInput) { in.LastResolvedComplaint = riskToday }, []codePoints{{ReasonComplaint, 10}}},

		// detractor
		{"rated 6 at 180 d", func(in *RiskInput) { in.LastFeedbackScore, in.LastFeedback = 6, ago(180) }, []codePoints{{ReasonDetractor, 15}}},
		{"rated 6 at 181 d", func(in *RiskInput) { in.LastFeedbackScore, in.LastFeedback = 6, ago(181) }, nil},
		{"rated 7", func(in *RiskInput) { in.LastFeedbackScore, in.LastFeedback = 7, ago(1) }, nil},
		{"rated 0", func(in *RiskInput) { in.LastFeedbackScore, in.LastFeedback = 0, ago(1) }, []codePoints{{ReasonDetractor, 15}}},
		{"no rating", func(in *RiskInput) { in.LastFeedbackScore, in.LastFeedback = -1, ago(1) }, nil},
		{"negative contact", func(in *RiskInput) { in.LastContactNegative = true }, []codePoints{{ReasonDetractor, 15}}},
		{"negative and rated", func(in *RiskInput) {
			in.LastContactNegative, in.LastFeedbackScore, in.LastFeedback = true, 2, ago(5)
		}, []codePoints{{ReasonDetractor, 15}}},

		// cooling: c30 in days 0–29, c90 in days 30–119
		{"cooling 0 vs 3", func(in *RiskInput) { in.RecentContacts = []Day{ago(30), ago(60), ago(119)} }, []codePoints{{ReasonCooling, 10}}},
		{"cooling day 120 is out", func(in *RiskInput) { in.RecentContacts = []Day{ago(30), ago(60), ago(120)} }, nil},
		{"cooling day 29 is recent", func(in *RiskInput) { in.RecentContacts = []Day{ago(29), ago(30), ago(31), ago(32)} }, nil},
		{"cooling 1 vs 6 is half", func(in *RiskInput) {
			in.RecentContacts = []Day{ago(0), ago(30), ago(40), ago(50), ago(60), ago(70), ago(80)}
		}, nil},
		{"cooling 1 vs 7", func(in *RiskInput) {
			in.RecentContacts = []Day{ago(0), ago(30), ago(40), ago(50), ago(60), ago(70), ago(80), ago(90)}
		}, []codePoints{{ReasonCooling, 10}}},
		{"cooling only 2 before", func(in *RiskInput) { in.RecentContacts = []Day{ago(30), ago(60)} }, nil},

		// stalled deal: rot 10 → rotting from 11 days in stage
		{"deal 10 d", func(in *RiskInput) { in.OpenDeals = []OpenDeal{deal("X", 10, 10, NoDay)} }, nil},
		{"deal 11 d", func(in *RiskInput) { in.OpenDeals = []OpenDeal{deal("X", 11, 10, NoDay)} }, []codePoints{{ReasonStalledDeal, 10}}},
		{"deal never rots", func(in *RiskInput) { in.OpenDeals = []OpenDeal{deal("X", 500, 0, NoDay)} }, nil},
		{"deal snoozed to tomorrow", func(in *RiskInput) { in.OpenDeals = []OpenDeal{deal("X", 30, 10, riskToday+1)} }, nil},
		{"deal snooze ends today", func(in *RiskInput) { in.OpenDeals = []OpenDeal{deal("X", 30, 10, riskToday)} }, []codePoints{{ReasonStalledDeal, 10}}},
		{"three deals one reason", func(in *RiskInput) {
			in.OpenDeals = []OpenDeal{deal("A", 30, 10, NoDay), deal("B", 40, 10, NoDay), deal("C", 20, 10, NoDay)}
		}, []codePoints{{ReasonStalledDeal, 10}}},

		// overdue (by date)
		{"due today", func(in *RiskInput) { in.OpenFollowupDues = []Day{riskToday} }, nil},
		{"due yesterday", func(in *RiskInput) { in.OpenFollowupDues = []Day{ago(1)} }, []codePoints{{ReasonOverdue, 10}}},
		{"three overdue", func(in *RiskInput) { in.OpenFollowupDues = []Day{ago(1), ago(5), ago(2), riskToday + 4} }, []codePoints{{ReasonOverdue, 10}}},

		// everything: table order and the score cap of 100
		{"everything", func(in *RiskInput) {
			in.LastContact = ago(100)
			in.UnansweredStreak = 3
			in.OpenComplaints, in.OldestOpenComplaint = 1, ago(10)
			in.LastContactNegative = true
			in.RecentContacts = []Day{ago(100), ago(101), ago(102)}
			in.OpenDeals = []OpenDeal{deal("X", 30, 10, NoDay)}
			in.OpenFollowupDues = []Day{ago(3)}
		}, []codePoints{
			{ReasonSilence, 50}, {ReasonUnanswered, 30}, {ReasonComplaint, 25}, {ReasonDetractor, 15},
			{ReasonCooling, 10}, {ReasonStalledDeal, 10}, {ReasonOverdue, 10},
		}},
	}
	p := DefaultRiskPoints()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := quietInput()
			tt.set(&in)
			got := AssessRisk(in, p)
			want := tt.want
			if want == nil {
				want = []codePoints{}
			}
			if g := reasonPoints(got); !slices.Equal(g, want) {
				t.Fatalf("reasons = %v, want %v", g, want)
			}
			sum := 0
			for _, r := range want {
				sum += r.Points
			}
			if wantScore := min(sum, 100); got.Score != wantScore {
				t.Errorf("score = %d, want %d", got.Score, wantScore)
			}
			if got.Level != LevelFor(got.Score, p) {
				t.Errorf("level = %s for score %d", got.Level, got.Score)
			}
			if got.ValidUntil <= in.Today {
				t.Errorf("ValidUntil %v not after today %v", got.ValidUntil, in.Today)
			}
		})
	}
}

func TestAssessRiskScoreCapAndLevel(t *testing.T) {
	in := quietInput()
	in.LastContact = ago(200)
	in.UnansweredStreak = 4
	in.OpenComplaints, in.OldestOpenComplaint = 1, ago(1)
	got := AssessRisk(in, DefaultRiskPoints())
	if got.Score != 100 || got.Level != LevelAtRisk {
		t.Fatalf("score %d level %s, want 100 at_risk (50+30+25 capped)", got.Score, got.Level)
	}
	// A setting may give silence more points.
	p := DefaultRiskPoints()
	p.Silence[3] = 70
	in = quietInput()
	in.LastContact = ago(200)
	if got := reasonPoints(AssessRisk(in, p)); !slices.Equal(got, []codePoints{{ReasonSilence, 70}}) {
		t.Fatalf("silence set to 70: %v", got)
	}
	// A reason a setting gives 0 points is not listed.
	p = DefaultRiskPoints()
	p.Unanswered = [2]int{0, 0}
	in = quietInput()
	in.UnansweredStreak = 3
	if got := AssessRisk(in, p); len(got.Reasons) != 0 || got.Score != 0 {
		t.Fatalf("0-point reason listed: %+v", got)
	}
}

func TestLevelFor(t *testing.T) {
	p := DefaultRiskPoints()
	tests := []struct {
		score int
		want  Level
	}{
		{0, LevelHealthy}, {24, LevelHealthy}, {25, LevelWatch}, {49, LevelWatch}, {50, LevelAtRisk}, {100, LevelAtRisk},
	}
	for _, tt := range tests {
		if got := LevelFor(tt.score, p); got != tt.want {
			t.Errorf("LevelFor(%d) = %s, want %s", tt.score, got, tt.want)
		}
	}
}

func TestAssessRiskText(t *testing.T) {
	tests := []struct {
		name string
		set  func(in *RiskInput)
		want []string
	}{
		{"silence", func(in *RiskInput) { in.Rhythm, in.LastContact = 31, ago(95) },
			[]string{"No contact for 95 d (usual rhythm 31 d)"}},
		{"never contacted", func(in *RiskInput) { in.Rhythm, in.LastContact, in.Created = 31, NoDay, ago(95) },
			[]string{"No contact since added 95 d ago (usual rhythm 31 d)"}},
		{"unanswered", func(in *RiskInput) { in.UnansweredStreak = 3 },
			[]string{"Last 3 outreaches unanswered"}},
		{"one open complaint", func(in *RiskInput) { in.OpenComplaints, in.OldestOpenComplaint = 1, ago(12) },
			[]string{"Open complaint from 12 d ago"}},
		{"two open complaints", func(in *RiskInput) { in.OpenComplaints, in.OldestOpenComplaint = 2, ago(12) },
			[]string{"2 open complaints, oldest 12 d ago"}},
		{"resolved complaint", func(in *RiskInput) { in.LastResolvedComplaint = ago(20) },
			[]string{"Complaint resolved 20 d ago"}},
		{"resolved complaint today", func(in *RiskInput) { in.LastResolvedComplaint = riskToday },
			[]string{"Complaint resolved today"}},
		{"rated this year", func(in *RiskInput) { in.LastFeedbackScore, in.LastFeedback = 4, DayFromYMD(2026, 1, 3) },
			[]string{"Rated 4/10 on 3 Jan"}},
		{"rated last year", func(in *RiskInput) { in.LastFeedbackScore, in.LastFeedback = 4, DayFromYMD(2025, 11, 3) },
			[]string{"Rated 4/10 on 3 Nov 2025"}},
		{"negative", func(in *RiskInput) { in.LastContactNegative = true },
			[]string{"Last contact was negative"}},
		{"cooling 100%", func(in *RiskInput) { in.RecentContacts = []Day{ago(30), ago(60), ago(90)} },
			[]string{"Contact frequency down 100%"}},
		{"cooling 57%", func(in *RiskInput) {
			in.RecentContacts = []Day{ago(3), ago(30), ago(40), ago(50), ago(60), ago(70), ago(80), ago(90)}
		}, []string{"Contact frequency down 57%"}},
		{"one stalled deal", func(in *RiskInput) {
			in.OpenDeals = []OpenDeal{{Title: "Renewal 2027", Stage: "Proposal", StageSince: ago(21), RotDays: 10}}
		}, []string{`"Renewal 2027" stuck in Proposal 21 d`}},
		{"three stalled deals", func(in *RiskInput) {
			in.OpenDeals = []OpenDeal{
				{Title: "A", Stage: "Lead", StageSince: ago(20), RotDays: 14},
				{Title: "Renewal 2027", Stage: "Proposal", StageSince: ago(21), RotDays: 10},
				{Title: "B", Stage: "Lead", StageSince: ago(5), RotDays: 14},
				{Title: "C", Stage: "Negotiation", StageSince: ago(8), RotDays: 7},
			}
		}, []string{`"Renewal 2027" stuck in Proposal 21 d (+2 more)`}},
		{"one overdue", func(in *RiskInput) { in.OpenFollowupDues = []Day{ago(5), riskToday} },
			[]string{"Follow-up 5 d overdue"}},
		{"three overdue", func(in *RiskInput) { in.OpenFollowupDues = []Day{ago(2), ago(5), ago(1)} },
			[]string{"3 follow-ups overdue, oldest 5 d"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := quietInput()
			tt.set(&in)
			got := []string{}
			for _, r := range AssessRisk(in, DefaultRiskPoints()).Reasons {
				got = append(got, r.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("texts = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReasonTextOnLaterDay(t *testing.T) {
	in := quietInput()
	in.Rhythm, in.LastContact = 31, ago(95)
	in.OpenFollowupDues = []Day{ago(5)}
	in.LastFeedbackScore, in.LastFeedback = 3, DayFromYMD(2025, 12, 24)
	r := AssessRisk(in, DefaultRiskPoints())
	later := riskToday + 10
	want := []string{
		"No contact for 105 d (usual rhythm 31 d)",
		"Rated 3/10 on 24 Dec 2025",
		"Follow-up 15 d overdue",
	}
	var got []string
	for _, x := range r.Reasons {
		got = append(got, x.TextOn(later))
	}
	if !slices.Equal(got, want) {
		t.Fatalf("TextOn(later) = %q, want %q", got, want)
	}
	// An unknown code keeps its stored text; day counts never go negative.
	if s := (Reason{Code: "future", Text: "kept"}).TextOn(later); s != "kept" {
		t.Errorf("unknown code: %q", s)
	}
	if s := (Reason{Code: ReasonOverdue, Since: later, N: 1}).TextOn(riskToday); s != "Follow-up 0 d overdue" {
		t.Errorf("negative count: %q", s)
	}
}

func TestAssessRiskValidUntil(t *testing.T) {
	tests := []struct {
		name string
		base func() RiskInput
		set  func(in *RiskInput)
		want Day
	}{
		{"nothing can change", isolatedInput, func(in *RiskInput) {}, riskToday + 366},
		{"contacted today", quietInput, func(in *RiskInput) {}, riskToday + 30},
		{"silence next 1x", quietInput, func(in *RiskInput) { in.Rhythm, in.LastContact = 31, ago(10) }, riskToday + 21},
		{"silence next 1.5x", quietInput, func(in *RiskInput) { in.Rhythm, in.LastContact = 31, ago(40) }, riskToday + 7},
		{"silence next 2x", quietInput, func(in *RiskInput) { in.Rhythm, in.LastContact = 31, ago(47) }, riskToday + 15},
		{"silence next 3x", quietInput, func(in *RiskInput) { in.Rhythm, in.LastContact = 31, ago(62) }, riskToday + 31},
		{"silence maxed", quietInput, func(in *RiskInput) { in.Rhythm, in.LastContact = 31, ago(93) }, riskToday + 366},
		{"silence from creation", quietInput, func(in *RiskInput) { in.LastContact, in.Created = NoDay, ago(5) }, riskToday + 25},
		// prior, medians 0: points = round(50 + 10·(ln(1+d) − ln 91) − 40·(ln(1+n) − ln 2)),
		// one order 60 d ago: 45.8 → 46; 47 from 45.5, i.e. ln(1+d) ≥ ln 91 − 0.45: d ≥ 57.02 … so
		// the recency part (10·(ln(1+d) − ln 91), −4.2 now) reaches −3.5 first: d ≥ 64.
		{"lapse recency part", isolatedInput, func(in *RiskInput) { in.OrderDays = []Day{ago(60)} }, riskToday + 4},
		{"lapse order leaves the year", isolatedInput, func(in *RiskInput) {
			in.OrderDays = []Day{ago(364), ago(364), ago(363), ago(30)}
			in.Lapse.B = LapseWeights{0, 0, -2, 0}
		}, riskToday + 1},
		{"lapse later-dated order", isolatedInput, func(in *RiskInput) {
			in.OrderDays = []Day{riskToday + 5}
		}, riskToday + 5},
		{"complaint ages out", isolatedInput, func(in *RiskInput) { in.LastResolvedComplaint = ago(20) }, riskToday + 41},
		{"rating ages out", isolatedInput, func(in *RiskInput) { in.LastFeedbackScore, in.LastFeedback = 4, ago(100) }, riskToday + 81},
		{"rating ages out behind negative", isolatedInput, func(in *RiskInput) {
			in.LastFeedbackScore, in.LastFeedback, in.LastContactNegative = 4, ago(100), true
		}, riskToday + 81},
		{"cooling ends", isolatedInput, func(in *RiskInput) { in.RecentContacts = []Day{ago(101), ago(100), ago(102)} }, riskToday + 18},
		{"cooling starts", isolatedInput, func(in *RiskInput) { in.RecentContacts = []Day{ago(20), ago(40), ago(50), ago(60)} }, riskToday + 10},
		{"deal starts rotting", isolatedInput, func(in *RiskInput) {
			in.OpenDeals = []OpenDeal{{Title: "X", StageSince: ago(3), RotDays: 10}}
		}, riskToday + 8},
		{"deal snooze ends", isolatedInput, func(in *RiskInput) {
			in.OpenDeals = []OpenDeal{{Title: "X", StageSince: ago(30), RotDays: 10, SnoozedUntil: riskToday + 4}}
		}, riskToday + 4},
		{"follow-up due today", isolatedInput, func(in *RiskInput) { in.OpenFollowupDues = []Day{riskToday + 9, riskToday} }, riskToday + 1},
		{"follow-up due later", isolatedInput, func(in *RiskInput) { in.OpenFollowupDues = []Day{ago(3), riskToday + 5} }, riskToday + 6},
	}
	p := DefaultRiskPoints()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.base()
			tt.set(&in)
			r := AssessRisk(in, p)
			if r.ValidUntil != tt.want {
				t.Fatalf("ValidUntil = today%+d, want today%+d", r.ValidUntil-riskToday, tt.want-riskToday)
			}
			if tt.want == riskToday+366 {
				return
			}
			// The day before it nothing changed; on it, something does.
			before, on := in, in
			before.Today, on.Today = r.ValidUntil-1, r.ValidUntil
			rb, ro := AssessRisk(before, p), AssessRisk(on, p)
			if riskSignature(rb) != riskSignature(r) {
				t.Errorf("changed before ValidUntil: %s → %s", riskSignature(r), riskSignature(rb))
			}
			if riskSignature(ro) == riskSignature(rb) && riskAnchors(ro) == riskAnchors(rb) {
				t.Errorf("nothing changed on ValidUntil: %s", riskSignature(ro))
			}
		})
	}
}

// riskSignature is what must not change before ValidUntil: score, level,
// reason codes and points and text variants (the anchors).
func riskSignature(r Risk) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s", r.Score, r.Level)
	for _, x := range r.Reasons {
		fmt.Fprintf(&b, " %s:%d", x.Code, x.Points)
	}
	return b.String()
}

// riskAnchors lists the reasons' anchor fields: a change of text variant
// shows here even when the points stay.
func riskAnchors(r Risk) string {
	var parts []string
	for _, x := range r.Reasons {
		parts = append(parts, fmt.Sprintf("%s|%d|%d|%s|%s|%d", x.Code, x.N, x.M, x.Subject, x.Extra, x.Since))
	}
	return strings.Join(parts, ";")
}

// TestAssessRiskValidUntilProperty: for random inputs, on every day t in
// [Today, ValidUntil) the score, level, reason codes and points are those of
// Today, and each stored reason re-rendered with TextOn(t) reads exactly like
// the freshly computed one.
func TestAssessRiskValidUntilProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 3000
	if testing.Short() {
		n = 300
	}
	buf := make([]byte, 160)
	for i := 0; i < n; i++ {
		for j := range buf {
			buf[j] = byte(rng.UintN(256))
		}
		if msg := checkRiskValidUntil(riskInputFromBytes(buf)); msg != "" {
			t.Fatalf("input %x: %s", buf, msg)
		}
	}
}

// FuzzRiskValidUntil checks the ValidUntil property on fuzzed inputs.
func FuzzRiskValidUntil(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x10\x00\x1e\x05\x00\x01\x20\x03\x28\x00\x50\x02\x01\x0c\x00\x14\x04\x64\x00\x05\x1e\x3c"))
	f.Add([]byte("silence, orders, complaints, ratings, cooling, deals and follow-ups"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, p := riskInputFromBytes(data)
		if msg := checkRiskValidUntil(in, p); msg != "" {
			t.Fatal(msg)
		}
	})
}

func checkRiskValidUntil(in RiskInput, p RiskPoints) string {
	r0 := AssessRisk(in, p)
	if r0.ValidUntil <= in.Today || r0.ValidUntil > in.Today+366 {
		return fmt.Sprintf("ValidUntil today%+d", r0.ValidUntil-in.Today)
	}
	if r0.Score < 0 || r0.Score > 100 {
		return fmt.Sprintf("score %d", r0.Score)
	}
	sig0 := riskSignature(r0)
	for day := in.Today; day < r0.ValidUntil; day++ {
		at := in
		at.Today = day
		r := AssessRisk(at, p)
		if s := riskSignature(r); s != sig0 {
			return fmt.Sprintf("on today%+d (ValidUntil today%+d): %s, was %s", day-in.Today, r0.ValidUntil-in.Today, s, sig0)
		}
		for k, x := range r.Reasons {
			if old := r0.Reasons[k].TextOn(day); old != x.Text {
				return fmt.Sprintf("on today%+d: stored text reads %q, fresh %q", day-in.Today, old, x.Text)
			}
		}
	}
	return ""
}

// riskBytes hands out small numbers from a byte string (0 when used up), so
// random tests and the fuzzer share one input generator.
type riskBytes struct {
	b []byte
}

// n returns a number in [0, k) (k ≤ 65536).
func (r *riskBytes) n(k int) int {
	if len(r.b) < 2 {
		r.b = nil
		return 0
	}
	v := int(r.b[0])<<8 | int(r.b[1])
	r.b = r.b[2:]
	return v % k
}

// around returns a day in [today-back, today+fwd].
func (r *riskBytes) around(today Day, back, fwd int) Day {
	return today - Day(back) + Day(r.n(back+fwd+1))
}

func riskInputFromBytes(data []byte) (RiskInput, RiskPoints) {
	r := &riskBytes{b: data}
	today := DayFromYMD(2025, 1, 1) + Day(r.n(1000))
	in := RiskInput{Today: today, Rhythm: r.n(100), LastFeedbackScore: -1}
	if r.n(8) > 0 {
		in.Created = r.around(today, 400, 3)
	}
	if r.n(5) > 0 {
		in.LastContact = r.around(today, 400, 3)
	}
	for k := r.n(6); k > 0; k-- {
		in.OrderDays = append(in.OrderDays, r.around(today, 500, 3))
	}
	slices.Sort(in.OrderDays)
	in.BookOrders = r.n(len(in.OrderDays) + 1)
	in.BookMinor = int64(r.n(60000)) * int64(in.BookOrders)
	in.Currency = "CNY"
	in.Lapse = DefaultLapseFit()
	if r.n(2) == 0 {
		for j := range in.Lapse.B {
			in.Lapse.B[j] = float64(r.n(4001)-2000) / 1000
		}
		in.Lapse.Median = LapseFeatures{R: float64(r.n(401)-200) / 100, F: float64(r.n(301)-100) / 100, M: float64(r.n(201)-100) / 100}
		in.Lapse.ValueBase = float64(r.n(800)) / 100
		in.Lapse.MedianMinor = int64(r.n(100000))
	}
	in.UnansweredStreak = r.n(5)
	in.OpenComplaints = r.n(3)
	if in.OpenComplaints > 0 && r.n(4) > 0 {
		in.OldestOpenComplaint = r.around(today, 100, 3)
	}
	if r.n(2) > 0 {
		in.LastResolvedComplaint = r.around(today, 100, 3)
	}
	in.LastFeedbackScore = r.n(12) - 1
	if r.n(4) > 0 {
		in.LastFeedback = r.around(today, 250, 3)
	}
	in.LastContactNegative = r.n(4) == 0
	for k := r.n(10); k > 0; k-- {
		in.RecentContacts = append(in.RecentContacts, r.around(today, 125, 3))
	}
	for k := r.n(4); k > 0; k-- {
		d := OpenDeal{Title: fmt.Sprintf("Deal %d", k), Stage: "Lead", RotDays: r.n(16), StageSince: r.around(today, 40, 3)}
		if r.n(3) == 0 {
			d.SnoozedUntil = r.around(today, 10, 15)
		}
		in.OpenDeals = append(in.OpenDeals, d)
	}
	for k := r.n(4); k > 0; k-- {
		in.OpenFollowupDues = append(in.OpenFollowupDues, r.around(today, 15, 15))
	}
	p := DefaultRiskPoints()
	if r.n(4) == 0 {
		for i := range p.Silence {
			p.Silence[i] = r.n(70)
		}
		p.Unanswered = [2]int{r.n(40), r.n(40)}
		p.ComplaintOpen, p.ComplaintRecent, p.Detractor = r.n(40), r.n(40), r.n(40)
		p.Cooling, p.StalledDeal, p.Overdue = r.n(40), r.n(40), r.n(40)
		p.WatchThreshold, p.AtRiskThreshold = r.n(60), 40+r.n(60)
	}
	return in, p
}

// TestReasonsReadInTheReadersLanguage: a stored reason renders in Chinese
// for a Chinese reader and in the same English as before for everyone else.
func TestReasonsReadInTheReadersLanguage(t *testing.T) {
	today := Day(20000)
	zh := i18n.New(i18n.Zh)
	for _, c := range []struct {
		r      Reason
		en, zh string
	}{
		{Reason{Code: ReasonSilence, Since: today - 40, N: 30}, "No contact for 40 d (usual rhythm 30 d)", "40天未联系（通常每30天联系一次）"},
		{Reason{Code: ReasonNoOrder, Since: today - 95}, "No order for 95 d", "95天未下单"},
		{Reason{Code: ReasonFewOrders, Points: 5, N: 3, M: 40}, "Only 3 orders in 12 months, usually every 40 d", "近12个月仅3笔订单，通常每40天一笔"},
		{Reason{Code: ReasonStalledDeal, Since: today - 12, Subject: "Renewal", Extra: "Proposal", N: 2}, `"Renewal" stuck in Proposal 12 d (+2 more)`, "“Renewal”停滞在Proposal阶段12天（另有2个）"},
		{Reason{Code: ReasonComplaint, Extra: riskExtraOpen, N: 1, Since: today}, "Open complaint from today", "投诉未解决（今天）"},
		{Reason{Code: "custom", Text: "kept text"}, "kept text", "kept text"},
	} {
		if got := c.r.TextOn(today); got != c.en {
			t.Errorf("English %q, want %q", got, c.en)
		}
		if got := c.r.TextIn(zh, today); got != c.zh {
			t.Errorf("Chinese %q, want %q", got, c.zh)
		}
	}
}
