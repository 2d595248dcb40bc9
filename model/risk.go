package model

import "slices"

// Windows of the risk engine (SPEC §3), in days.
const (
	riskComplaintRecentDays = 60  // a resolved complaint counts this long
	riskFeedbackDays        = 180 // a low rating counts this long
	riskCoolingRecentDays   = 30  // the "last 30 days" of cooling, today included
	riskCoolingWindowDays   = 120 // those 30 plus the 90 before them
	// riskRecheckDays: ValidUntil is never later than Today plus this, so
	// every row is looked at again at least once a year.
	riskRecheckDays = 366
)

// DefaultRiskPoints returns SPEC §3's default points and thresholds.
func DefaultRiskPoints() RiskPoints {
	return RiskPoints{
		Silence:         [4]int{20, 30, 40, 50},
		Unanswered:      [2]int{20, 30},
		ComplaintOpen:   25,
		ComplaintRecent: 10,
		Detractor:       15,
		Cooling:         10,
		StalledDeal:     10,
		Overdue:         10,
		WatchThreshold:  25,
		AtRiskThreshold: 50,
	}
}

// LevelFor maps a score to a level with p's thresholds (healthy <25, watch
// 25–49, at_risk ≥50 by default).
func LevelFor(score int, p RiskPoints) Level {
	switch {
	case score >= p.AtRiskThreshold:
		return LevelAtRisk
	case score >= p.WatchThreshold:
		return LevelWatch
	}
	return LevelHealthy
}

// AssessRisk scores one customer on in.Today (SPEC §3). It is deterministic
// and does not modify in.
//
// A customer with an order up to Today is scored by the lapse model
// (in.Lapse): its points appear as up to three parts (no_order, few_orders,
// small_orders) and the base line (lapse), which add up to them. A
// customer without one is scored by the silence ladder on the rhythm g.
// The person-caused reasons add their points to either.
//
// The engine works in whole local days: a follow-up counts as overdue here
// once its due date is before Today (a follow-up due today at a time that has
// passed is overdue in lists, see FollowupOverdue, but adds risk from the
// next day), so the score only changes at midnight or on a write.
//
// Person-caused reasons with no points (because a setting gives them 0) are
// left out. The score is the sum of the reasons' points, kept within 0–100.
// A rhythm (in.Rhythm) below 1 counts as 1, and absurdly large ones as
// 90000. With no person-caused reason a lapse-scored customer is at_risk
// only when p ≥ 0.5 (a logit of at least 0).
//
// ValidUntil is the first day after Today on which the score, the level or
// the reasons (their points, or the parts of their text that TextOn does not
// re-render) could change with no write: the next silence threshold, the
// next day the lapse points (or the sign of their logit) change, an
// order leaving the 365-day window, a resolved complaint or a rating ageing
// out, a contact moving between cooling windows, a deal starting to rot or
// its snooze ending, a follow-up becoming overdue. It is at most Today + 366.
func AssessRisk(in RiskInput, p RiskPoints) Risk {
	h := riskHorizon{today: in.Today, until: int64(in.Today) + riskRecheckDays}
	lapse := SummariseOrders(in.OrderDays, in.Today, in.BookOrders, float64(in.BookMinor))
	var silence Reason
	if lapse.LastOrder == NoDay {
		if lapse.Leaves != NoDay {
			h.at(lapse.Leaves, 0) // a later-dated order arrives
		}
		silence = riskSilence(in, p, &h)
	}
	var out Risk
	for _, r := range []Reason{
		silence,
		riskUnanswered(in, p),
		riskComplaint(in, p, &h),
		riskDetractor(in, p, &h),
		riskCooling(in, p, &h),
		riskStalledDeal(in, p, &h),
		riskOverdue(in, p, &h),
	} {
		if r.Code == "" || r.Points <= 0 {
			continue
		}
		r.Text = r.TextOn(in.Today)
		out.Reasons = append(out.Reasons, r)
		out.PersonPoints += r.Points
	}
	out.PersonUntil = Day(h.until)
	if lapse.LastOrder == NoDay {
		out.Score = min(max(out.PersonPoints, 0), 100)
		out.Level = LevelFor(out.Score, p)
		out.ValidUntil = out.PersonUntil
		return out
	}
	// Silence was not assessed: every reason so far is person-caused.
	st := lapse.State()
	res := RescoreLapse(st, in.Lapse, in.Currency, out.PersonPoints, len(out.Reasons) > 0, out.PersonUntil, in.Today, p)
	res.Reasons = append(res.Reasons, out.Reasons...)
	res.PersonPoints, res.PersonUntil = out.PersonPoints, out.PersonUntil
	return res
}

// RescoreLapse scores a customer with orders on today from its order
// summary st and what the other reasons give (their points, whether there
// is any, and the first day they could change): the lapse reasons first,
// then (for the caller to append) the others. AssessRisk uses it, and the
// daily refresh re-scores a customer with it when only the lapse points
// moved — valid while today is before personUntil and before st.Leaves.
func RescoreLapse(st LapseState, fit LapseFit, currency string, personPoints int, personCaused bool, personUntil, today Day, p RiskPoints) Risk {
	return rescoreLapse(st, fit, currency, personPoints, personCaused, personUntil, today, p, true)
}

// RescoreLapseStored is RescoreLapse for a writer that stores the reasons
// without their text (rendered when read, see Reason.TextOn): the same
// score, level, reasons and validity, with every Text left empty.
func RescoreLapseStored(st LapseState, fit LapseFit, currency string, personPoints int, personCaused bool, personUntil, today Day, p RiskPoints) Risk {
	return rescoreLapse(st, fit, currency, personPoints, personCaused, personUntil, today, p, false)
}

func rescoreLapse(st LapseState, fit LapseFit, currency string, personPoints int, personCaused bool, personUntil, today Day, p RiskPoints, text bool) Risk {
	h := riskHorizon{today: today, until: min(int64(personUntil), int64(today)+riskRecheckDays)}
	s := st.On(today)
	res := assessLapse(s, fit, &h)
	out := Risk{Lapse: &st, NLapse: len(res.reasons), PersonPoints: personPoints, PersonUntil: personUntil}
	sum := personPoints
	for _, r := range res.reasons {
		if r.Code == ReasonSmallOrders {
			r.Subject = currency
		}
		if text {
			r.Text = r.TextOn(today)
		}
		out.Reasons = append(out.Reasons, r)
		sum += r.Points
	}
	out.Score = min(max(sum, 0), 100)
	out.Level = LevelFor(out.Score, p)
	if !personCaused && out.Level == LevelAtRisk && res.logit < 0 {
		out.Level = LevelWatch
	}
	out.ValidUntil = Day(h.until)
	return out
}

// lapseCode reports whether code is one of the lapse model's reasons,
// which may carry negative points (a recent or frequent buyer).
func lapseCode(code string) bool {
	switch code {
	case ReasonNoOrder, ReasonFewOrders, ReasonSmallOrders, ReasonLapseBase:
		return true
	}
	return false
}

// riskHorizon collects the earliest day after today on which something
// changes.
type riskHorizon struct {
	today Day
	until int64
}

// at notes that something changes on day base+n (computed without overflow);
// days not after today are ignored.
func (h *riskHorizon) at(base Day, n int64) {
	d := int64(base) + n
	if d > int64(h.today) && d < h.until {
		h.until = d
	}
}

// riskDaysSince returns today - d without int32 overflow.
func riskDaysSince(d, today Day) int64 { return int64(today) - int64(d) }

// riskSilence: days since last contact (or since creation when none)
// against 1×, 1.5×, 2×, 3× the rhythm g.
func riskSilence(in RiskInput, p RiskPoints, h *riskHorizon) Reason {
	ref, extra := in.LastContact, ""
	if ref == NoDay {
		ref, extra = in.Created, riskExtraAdded
	}
	if ref == NoDay {
		return Reason{} // nothing to count from
	}
	g := int64(min(max(in.Rhythm, 1), MaxRhythm*1000)) // bounded so 3g cannot overflow
	// The first day count of each level: d ≥ g, 2d ≥ 3g (d ≥ ⌈3g/2⌉), d ≥ 2g, d ≥ 3g.
	starts := [4]int64{g, (3*g + 1) / 2, 2 * g, 3 * g}
	d := riskDaysSince(ref, in.Today)
	level := -1
	for i, s := range starts {
		if d >= s {
			level = i
		} else {
			h.at(ref, s)
		}
	}
	if level < 0 {
		return Reason{}
	}
	return Reason{Code: ReasonSilence, Points: p.Silence[level], Since: ref, N: int(g), Extra: extra}
}

// riskUnanswered: the unanswered streak ≥ 2 / ≥ 3.
func riskUnanswered(in RiskInput, p RiskPoints) Reason {
	var pts int
	switch {
	case in.UnansweredStreak >= 3:
		pts = p.Unanswered[1]
	case in.UnansweredStreak >= 2:
		pts = p.Unanswered[0]
	default:
		return Reason{}
	}
	return Reason{Code: ReasonUnanswered, Points: pts, N: in.UnansweredStreak}
}

// riskComplaint: an open complaint, else one resolved in the last 60 days.
func riskComplaint(in RiskInput, p RiskPoints, h *riskHorizon) Reason {
	if in.OpenComplaints > 0 {
		return Reason{Code: ReasonComplaint, Points: p.ComplaintOpen,
			Since: in.OldestOpenComplaint, N: in.OpenComplaints, Extra: riskExtraOpen}
	}
	if in.LastResolvedComplaint == NoDay {
		return Reason{}
	}
	h.at(in.LastResolvedComplaint, riskComplaintRecentDays+1)
	if riskDaysSince(in.LastResolvedComplaint, in.Today) > riskComplaintRecentDays {
		return Reason{}
	}
	return Reason{Code: ReasonComplaint, Points: p.ComplaintRecent,
		Since: in.LastResolvedComplaint, Extra: riskExtraResolved}
}

// riskDetractor: a rating of 0–6 in the last 180 days, or a negative latest
// contact. When both hold the text quotes the rating.
func riskDetractor(in RiskInput, p RiskPoints, h *riskHorizon) Reason {
	if in.LastFeedbackScore >= 0 && in.LastFeedbackScore <= 6 && in.LastFeedback != NoDay {
		h.at(in.LastFeedback, riskFeedbackDays+1)
		if riskDaysSince(in.LastFeedback, in.Today) <= riskFeedbackDays {
			return Reason{Code: ReasonDetractor, Points: p.Detractor,
				Since: in.LastFeedback, N: in.LastFeedbackScore, Extra: riskExtraScore}
		}
	}
	if in.LastContactNegative {
		return Reason{Code: ReasonDetractor, Points: p.Detractor, Extra: riskExtraNegative}
	}
	return Reason{}
}

// riskCooling: logged contacts in the last 30 days (today included) fewer
// than half the monthly average of the 90 days before them, given ≥ 3 in
// those 90: c30 < (c90/3)/2, i.e. 6·c30 < c90.
func riskCooling(in RiskInput, p RiskPoints, h *riskHorizon) Reason {
	active, percent := riskCoolingOn(in.RecentContacts, in.Today)
	// The result can only change on a day a contact enters a window or
	// moves between them; of those, the first day on which it really
	// changes is the horizon (recomputing on the others would only redo
	// the same answer, which matters over a 100k-customer book).
	var bounds []Day
	for _, c := range in.RecentContacts {
		for _, n := range []int64{0, riskCoolingRecentDays, riskCoolingWindowDays} {
			if d := int64(c) + n; d > int64(in.Today) && d < h.until {
				bounds = append(bounds, Day(d))
			}
		}
	}
	slices.Sort(bounds)
	for _, b := range bounds {
		if a, pc := riskCoolingOn(in.RecentContacts, b); a != active || pc != percent {
			h.at(b, 0)
			break
		}
	}
	if !active {
		return Reason{}
	}
	return Reason{Code: ReasonCooling, Points: p.Cooling, N: percent}
}

// riskCoolingOn evaluates cooling on day today: whether it applies and the
// percent drop it reports.
func riskCoolingOn(contacts []Day, today Day) (bool, int) {
	var c30, c90 int64
	for _, c := range contacts {
		d := riskDaysSince(c, today)
		switch {
		case d < 0:
		case d < riskCoolingRecentDays:
			c30++
		case d < riskCoolingWindowDays:
			c90++
		}
	}
	if c90 < 3 || 6*c30 >= c90 {
		return false, 0
	}
	// round(100·(1 − c30/(c90/3))) = round((100·c90 − 300·c30)/c90), half up;
	// the numerator is positive here.
	num := 100*c90 - 300*c30
	return true, int((2*num + c90) / (2 * c90))
}

// riskStalledDeal: any open deal rotting; the text names the one longest in
// its stage (the first listed on a tie).
func riskStalledDeal(in RiskInput, p RiskPoints, h *riskHorizon) Reason {
	var top *OpenDeal
	n := 0
	for i := range in.OpenDeals {
		dl := &in.OpenDeals[i]
		if dl.RotDays > 0 {
			h.at(dl.StageSince, int64(dl.RotDays)+1)
		}
		if dl.SnoozedUntil != NoDay {
			h.at(dl.SnoozedUntil, 0)
		}
		if !DealRotting(dl.StageSince, dl.RotDays, dl.SnoozedUntil, in.Today) {
			continue
		}
		n++
		if top == nil || dl.StageSince < top.StageSince {
			top = dl
		}
	}
	if top == nil {
		return Reason{}
	}
	return Reason{Code: ReasonStalledDeal, Points: p.StalledDeal,
		Since: top.StageSince, Subject: top.Title, Extra: top.Stage, N: n - 1}
}

// riskOverdue: open follow-ups due before today (by date; see AssessRisk).
// The text names the most overdue one.
func riskOverdue(in RiskInput, p RiskPoints, h *riskHorizon) Reason {
	n, oldest := 0, NoDay
	for _, due := range in.OpenFollowupDues {
		if due == NoDay {
			continue
		}
		if due >= in.Today {
			h.at(due, 1)
			continue
		}
		n++
		if oldest == NoDay || due < oldest {
			oldest = due
		}
	}
	if n == 0 {
		return Reason{}
	}
	return Reason{Code: ReasonOverdue, Points: p.Overdue, Since: oldest, N: n}
}
