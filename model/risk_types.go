package model

// Level is a customer's risk level.
type Level string

// Risk levels (the strings appear in JSON output).
const (
	LevelHealthy Level = "healthy"
	LevelWatch   Level = "watch"
	LevelAtRisk  Level = "at_risk"
)

// Reason codes of the risk engine (SPEC §3).
const (
	ReasonSilence     = "silence"
	ReasonUnanswered  = "unanswered"
	ReasonComplaint   = "complaint"
	ReasonDetractor   = "detractor"
	ReasonCooling     = "cooling"
	ReasonStalledDeal = "stalled_deal"
	ReasonOverdue     = "overdue"
)

// Reason is one explained contribution to a risk score. Code, Points and Text
// are what users and `--json` see; the anchor fields let the text be rendered
// again on a later day ("No contact for 95 d" must not go stale while the
// score itself has not changed), see Reason.TextOn.
type Reason struct {
	Code   string `json:"code"`
	Points int    `json:"points"`
	Text   string `json:"text"`

	// Since is the date a day count in the text runs from (last contact,
	// last order, the complaint, the rating, the overdue due date, the day
	// the deal entered its stage); NoDay when the text has no count.
	Since Day `json:"-"`
	// N and M are numbers the text quotes that do not change by themselves
	// (rhythm, usual order gap, streak length, score, percent drop).
	N int `json:"-"`
	M int `json:"-"`
	// Subject is a quoted name in the text (deal title) and Extra a second
	// one (stage name), or a variant marker ("open"/"resolved", "score"/"negative").
	Subject string `json:"-"`
	Extra   string `json:"-"`
}

// RiskPoints are the points per reason and level thresholds; settings may
// change them. DefaultRiskPoints returns SPEC §3's defaults.
type RiskPoints struct {
	Silence         [4]int // at 1×, 1.5×, 2×, 3× the rhythm: 20/30/40/50
	Unanswered      [2]int // streak ≥2, ≥3: 20/30
	ComplaintOpen   int    // 25
	ComplaintRecent int    // 10 (resolved in the last 60 days)
	Detractor       int    // 15
	Cooling         int    // 10
	StalledDeal     int    // 10
	Overdue         int    // 10
	WatchThreshold  int    // 25
	AtRiskThreshold int    // 50
}

// OpenDeal is what the risk engine needs to know about an open deal.
type OpenDeal struct {
	Title        string
	Stage        string
	StageSince   Day // local date the deal entered its current stage (or its last interaction, whichever is later)
	RotDays      int // the stage's rot_days; 0 = never rots
	SnoozedUntil Day // NoDay when not snoozed; snoozed while today < SnoozedUntil
}

// RiskInput is everything about one customer that its risk depends on, as
// of Today. The db layer fills it from the stored rows.
type RiskInput struct {
	Today   Day
	Rhythm  int // the book's rhythm g in days (already clamped)
	Created Day // creation date; silence counts from here when there is no contact

	LastContact Day // latest contact (interaction not internal and not a note, or an order); NoDay if none

	// OrderDays are the local dates of the customer's orders, ascending
	// (several on one day allowed). With one up to Today the lapse model
	// scores the customer, else the silence ladder does.
	OrderDays []Day
	// BookOrders and BookMinor are the count and total (minor units) of
	// its orders in the book currency Currency.
	BookOrders int
	BookMinor  int64
	Currency   string
	// Lapse is the book's fitted lapse model (DefaultLapseFit when none).
	Lapse LapseFit

	UnansweredStreak int

	OpenComplaints        int
	OldestOpenComplaint   Day // occurred date of the oldest open complaint
	LastResolvedComplaint Day // resolved date of the most recently resolved complaint

	LastFeedbackScore   int // -1 when none
	LastFeedback        Day
	LastContactNegative bool // the latest contact's outcome was negative

	// RecentContacts are the dates of logged contacts (interactions only,
	// not orders) in the 120 days up to and including Today, any order.
	RecentContacts []Day

	OpenDeals []OpenDeal

	// OpenFollowupDues are the due dates of the customer's open follow-ups.
	OpenFollowupDues []Day
}

// Risk is the outcome of the risk engine for one customer on one day.
type Risk struct {
	Score   int
	Level   Level
	Reasons []Reason // in table order of SPEC §3
	// ValidUntil is the first day after Today on which the score, level or
	// set of reasons could change without any write.
	ValidUntil Day

	// What RescoreLapse needs to re-score the customer on a later day
	// without its other inputs: Lapse is its order summary (nil when the
	// silence ladder scored it), NLapse the number of lapse reasons at the
	// front of Reasons, PersonPoints the points of the others, and
	// PersonUntil the first day after Today on which anything but the lapse
	// reasons could change.
	Lapse        *LapseState
	NLapse       int
	PersonPoints int
	PersonUntil  Day
}
