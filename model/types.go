package model

import (
	"fmt"
	"strings"
)

// Lifecycle is where a customer stands with us.
type Lifecycle string

// Lifecycles of a customer.
const (
	Prospect Lifecycle = "prospect"
	Active   Lifecycle = "customer"
	Churned  Lifecycle = "churned"
)

// Lifecycles lists the valid lifecycles.
func Lifecycles() []Lifecycle { return []Lifecycle{Prospect, Active, Churned} }

// Meta is the bookkeeping every user-edited row carries.
type Meta struct {
	ID         int64
	CreatedAt  int64 // UTC unix seconds
	UpdatedAt  int64
	ArchivedAt int64 // 0 when not archived
	Version    int64 // optimistic concurrency: bumped on every update
}

// Customer is a company or person we sell to.
type Customer struct {
	Meta
	Name        string
	Company     string
	Email       string
	Phone       string
	IM          string
	Industry    string
	Source      string
	Tier        Tier
	TierPinned  bool
	Lifecycle   Lifecycle
	ChurnReason string
	CadenceDays int // 0 = use the tier's cadence
	Notes       string
}

// Length limits for free text fields.
const (
	MaxNameLen    = 200
	MaxShortLen   = 500
	MaxNotesLen   = 20000
	MaxSummaryLen = 1000
)

// Validate checks a customer before it is written.
func (c *Customer) Validate() error {
	if err := ValidateName("name", c.Name); err != nil {
		return err
	}
	if err := ValidateEmail("email", c.Email); err != nil {
		return err
	}
	if err := ValidatePhone("phone", c.Phone); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{{"company", c.Company}, {"im", c.IM}, {"industry", c.Industry}, {"source", c.Source}, {"churn reason", c.ChurnReason}} {
		if len([]rune(f.v)) > MaxShortLen {
			return Invalid(f.name, "is longer than %d characters", MaxShortLen)
		}
	}
	if len([]rune(c.Notes)) > MaxNotesLen {
		return Invalid("notes", "is longer than %d characters", MaxNotesLen)
	}
	switch c.Tier {
	case TierA, TierB, TierC:
	default:
		return Invalid("tier", "%q is not a tier: use A, B or C", string(c.Tier))
	}
	switch c.Lifecycle {
	case Prospect, Active, Churned:
	default:
		return Invalid("lifecycle", "%q is not a lifecycle: use prospect, customer or churned", string(c.Lifecycle))
	}
	if c.Lifecycle == Churned && strings.TrimSpace(c.ChurnReason) == "" {
		return Invalid("churn reason", "say why the customer churned (e.g. \"moved to a competitor\")")
	}
	if c.CadenceDays < 0 || c.CadenceDays > 3650 {
		return Invalid("cadence", "must be between 1 and 3650 days (or empty for the tier's default)")
	}
	return nil
}

// Cadence returns how often (days) this customer should be touched.
func (c *Customer) Cadence(byTier map[Tier]int) int {
	if c.CadenceDays > 0 {
		return c.CadenceDays
	}
	if d, ok := byTier[c.Tier]; ok && d > 0 {
		return d
	}
	return DefaultCadence(c.Tier)
}

// Contact is a person at a customer.
type Contact struct {
	Meta
	CustomerID int64
	Name       string
	Role       string
	Email      string
	Phone      string
	IsPrimary  bool
}

// Validate checks a contact before it is written.
func (c *Contact) Validate() error {
	if c.CustomerID <= 0 {
		return Invalid("customer", "is required")
	}
	if err := ValidateName("name", c.Name); err != nil {
		return err
	}
	if len([]rune(c.Role)) > MaxShortLen {
		return Invalid("role", "is longer than %d characters", MaxShortLen)
	}
	if err := ValidateEmail("email", c.Email); err != nil {
		return err
	}
	return ValidatePhone("phone", c.Phone)
}

// StageKind says whether a stage is open or closes the deal.
type StageKind string

// Stage kinds.
const (
	StageOpen StageKind = "open"
	StageWon  StageKind = "won"
	StageLost StageKind = "lost"
)

// Stage is one column of the pipeline.
type Stage struct {
	Meta
	Name        string
	Position    int
	Probability int // percent
	RotDays     int // 0 = never rots
	Kind        StageKind
}

// Validate checks a stage.
func (s *Stage) Validate() error {
	if err := ValidateName("name", s.Name); err != nil {
		return err
	}
	if len([]rune(s.Name)) > 40 {
		return Invalid("name", "is longer than 40 characters")
	}
	if s.Probability < 0 || s.Probability > 100 {
		return Invalid("probability", "must be between 0 and 100")
	}
	if s.RotDays < 0 || s.RotDays > 3650 {
		return Invalid("rot days", "must be between 0 (never) and 3650")
	}
	switch s.Kind {
	case StageOpen, StageWon, StageLost:
	default:
		return Invalid("kind", "%q is not a stage kind: use open, won or lost", string(s.Kind))
	}
	return nil
}

// DefaultStages returns the pipeline a new book starts with (SPEC §2).
func DefaultStages() []Stage {
	return []Stage{
		{Name: "Lead", Position: 1, Probability: 10, RotDays: 14, Kind: StageOpen},
		{Name: "Qualified", Position: 2, Probability: 25, RotDays: 14, Kind: StageOpen},
		{Name: "Proposal", Position: 3, Probability: 50, RotDays: 10, Kind: StageOpen},
		{Name: "Negotiation", Position: 4, Probability: 75, RotDays: 7, Kind: StageOpen},
		{Name: "Won", Position: 5, Probability: 100, Kind: StageWon},
		{Name: "Lost", Position: 6, Probability: 0, Kind: StageLost},
	}
}

// DealStatus is open, won or lost.
type DealStatus string

// Deal statuses.
const (
	DealOpen DealStatus = "open"
	DealWon  DealStatus = "won"
	DealLost DealStatus = "lost"
)

// Deal is an opportunity moving through the pipeline.
type Deal struct {
	Meta
	CustomerID     int64
	Title          string
	ValueMinor     int64
	Currency       string
	StageID        int64
	Probability    int // -1 = use the stage's
	ExpectedClose  Day
	StageChangedAt int64
	Status         DealStatus
	ClosedAt       int64
	LostReason     string
	SnoozedUntil   Day
	SnoozeReason   string
}

// Validate checks a deal.
func (d *Deal) Validate() error {
	if d.CustomerID <= 0 {
		return Invalid("customer", "is required")
	}
	if err := ValidateName("title", d.Title); err != nil {
		return err
	}
	if !ValidCurrency(d.Currency) {
		return Invalid("currency", "%q is not a currency code like USD or CNY", d.Currency)
	}
	if err := ValidateAmount("value", d.ValueMinor, d.Currency); err != nil {
		return err
	}
	if d.Probability < -1 || d.Probability > 100 {
		return Invalid("probability", "must be between 0 and 100")
	}
	switch d.Status {
	case DealOpen, DealWon, DealLost:
	default:
		return Invalid("status", "%q is not a deal status", string(d.Status))
	}
	if d.Status == DealLost && strings.TrimSpace(d.LostReason) == "" {
		return Invalid("reason", "say why the deal was lost")
	}
	if !d.SnoozedUntil.IsZero() && strings.TrimSpace(d.SnoozeReason) == "" {
		return Invalid("reason", "say why the deal is snoozed")
	}
	return nil
}

// InteractionKind is what kind of touch an interaction was.
type InteractionKind string

// Interaction kinds.
const (
	KindCall      InteractionKind = "call"
	KindEmail     InteractionKind = "email"
	KindMeeting   InteractionKind = "meeting"
	KindMessage   InteractionKind = "message"
	KindVisit     InteractionKind = "visit"
	KindNote      InteractionKind = "note"
	KindComplaint InteractionKind = "complaint"
	KindFeedback  InteractionKind = "feedback"
)

// InteractionKinds lists every kind.
func InteractionKinds() []InteractionKind {
	return []InteractionKind{KindCall, KindEmail, KindMeeting, KindMessage, KindVisit, KindNote, KindComplaint, KindFeedback}
}

// Direction of an interaction.
type Direction string

// Directions.
const (
	Outbound Direction = "outbound"
	Inbound  Direction = "inbound"
	Internal Direction = "internal"
)

// Directions lists every direction.
func Directions() []Direction { return []Direction{Outbound, Inbound, Internal} }

// Outcome of an interaction.
type Outcome string

// Outcomes.
const (
	OutcomeReplied  Outcome = "replied"
	OutcomeNoReply  Outcome = "no_reply"
	OutcomePositive Outcome = "positive"
	OutcomeNeutral  Outcome = "neutral"
	OutcomeNegative Outcome = "negative"
	OutcomeNone     Outcome = "none"
)

// Outcomes lists every outcome.
func Outcomes() []Outcome {
	return []Outcome{OutcomeReplied, OutcomeNoReply, OutcomePositive, OutcomeNeutral, OutcomeNegative, OutcomeNone}
}

// Interaction is a logged touch with a customer (or an internal note).
type Interaction struct {
	Meta
	CustomerID int64
	DealID     int64 // 0 = none
	Kind       InteractionKind
	Direction  Direction
	Outcome    Outcome
	Score      int // 0–10 for feedback; -1 = none
	Summary    string
	Body       string
	OccurredAt int64 // UTC unix seconds
	ResolvedAt int64 // complaints: 0 = open
}

// IsContact reports whether the interaction counts as contact (SPEC §2).
func (i *Interaction) IsContact() bool {
	return i.Direction != Internal && i.Kind != KindNote
}

// Validate checks an interaction.
func (i *Interaction) Validate() error {
	if i.CustomerID <= 0 {
		return Invalid("customer", "is required")
	}
	if !oneOf(string(i.Kind), InteractionKinds()) {
		return Invalid("kind", "%q is not a kind: use %s", string(i.Kind), joinAny(InteractionKinds()))
	}
	if !oneOf(string(i.Direction), Directions()) {
		return Invalid("direction", "%q is not a direction: use %s", string(i.Direction), joinAny(Directions()))
	}
	if !oneOf(string(i.Outcome), Outcomes()) {
		return Invalid("outcome", "%q is not an outcome: use %s", string(i.Outcome), joinAny(Outcomes()))
	}
	if i.Score < -1 || i.Score > 10 {
		return Invalid("score", "must be between 0 and 10")
	}
	if strings.TrimSpace(i.Summary) == "" {
		return Invalid("summary", "is required: say in a few words what happened")
	}
	if len([]rune(i.Summary)) > MaxSummaryLen {
		return Invalid("summary", "is longer than %d characters", MaxSummaryLen)
	}
	if len([]rune(i.Body)) > MaxNotesLen {
		return Invalid("body", "is longer than %d characters", MaxNotesLen)
	}
	if i.OccurredAt <= 0 {
		return Invalid("date", "is required")
	}
	if i.ResolvedAt != 0 && i.Kind != KindComplaint {
		return Invalid("resolved", "only complaints can be resolved")
	}
	return nil
}

// Followup is a reminder to do something for a customer on a date.
type Followup struct {
	Meta
	CustomerID  int64
	DealID      int64
	Title       string
	Due         Day
	DueTime     string // "HH:MM" or ""
	DoneAt      int64  // 0 = open
	SnoozeCount int
	PlaybookID  int64 // the rule that made it, 0 = the user's own
}

// Validate checks a follow-up.
func (f *Followup) Validate() error {
	if f.CustomerID <= 0 {
		return Invalid("customer", "is required")
	}
	if err := ValidateName("title", f.Title); err != nil {
		return err
	}
	if f.Due.IsZero() {
		return Invalid("due", "is required (like tomorrow, fri, +3d or 2026-12-01)")
	}
	if f.DueTime != "" {
		var h, m int
		if n, err := fmt.Sscanf(f.DueTime, "%d:%d", &h, &m); n != 2 || err != nil || len(f.DueTime) != 5 || h < 0 || h > 23 || m < 0 || m > 59 {
			return Invalid("time", "%q is not a time like 14:30", f.DueTime)
		}
	}
	return nil
}

// Order is a purchase by a customer.
type Order struct {
	Meta
	CustomerID  int64
	DealID      int64
	AmountMinor int64
	Currency    string
	OrderedAt   int64
	Note        string
}

// Validate checks an order.
func (o *Order) Validate() error {
	if o.CustomerID <= 0 {
		return Invalid("customer", "is required")
	}
	if !ValidCurrency(o.Currency) {
		return Invalid("currency", "%q is not a currency code like USD or CNY", o.Currency)
	}
	if err := ValidateAmount("amount", o.AmountMinor, o.Currency); err != nil {
		return err
	}
	if o.OrderedAt <= 0 {
		return Invalid("date", "is required")
	}
	if len([]rune(o.Note)) > MaxShortLen {
		return Invalid("note", "is longer than %d characters", MaxShortLen)
	}
	return nil
}

func oneOf[T ~string](v string, all []T) bool {
	for _, a := range all {
		if string(a) == v {
			return true
		}
	}
	return false
}

func joinAny[T ~string](all []T) string {
	s := make([]string, len(all))
	for i, a := range all {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}
