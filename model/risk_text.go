package model

import (
	"fmt"
	"strconv"
)

// How each reason code uses Reason's anchor fields (set by AssessRisk, read
// by TextOn). Day counts in the text are always today − Since, never below 0.
//
//	silence       Since = last contact (or creation), N = rhythm g,
//	              Extra = "added" when measured from creation (never contacted)
//	order_gap     Since = last order, N = the usual gap in whole days
//	unanswered    N = streak length
//	complaint     Extra = "open": N = open complaints, Since = the oldest one's
//	              date (NoDay if unknown: the text then has no day count);
//	              Extra = "resolved": Since = the day it was resolved
//	detractor     Extra = "score": N = the score, Since = the day of the rating;
//	              Extra = "negative": the latest contact was negative (no anchor)
//	cooling       N = the percent drop
//	stalled_deal  Since = the day the longest-stuck rotting deal entered its stage,
//	              Subject = its title, Extra = its stage, N = how many other
//	              deals rot too
//	overdue       Since = the most overdue due date, N = overdue follow-ups
//
// A reason with an unknown code reads as its stored Text.
const (
	riskExtraAdded    = "added"
	riskExtraOpen     = "open"
	riskExtraResolved = "resolved"
	riskExtraScore    = "score"
	riskExtraNegative = "negative"
)

// TextOn renders r's text as it reads on day today: day counts are
// re-rendered from r.Since, the other parts come from N, M, Subject and
// Extra (see the table above). A reason stored on an earlier day therefore
// still reads right while its points have not changed.
func (r Reason) TextOn(today Day) string {
	days := max(int(today)-int(r.Since), 0)
	switch r.Code {
	case ReasonSilence:
		if r.Extra == riskExtraAdded {
			return fmt.Sprintf("No contact since added %d d ago (usual rhythm %d d)", days, r.N)
		}
		return fmt.Sprintf("No contact for %d d (usual rhythm %d d)", days, r.N)
	case ReasonOrderGap:
		return fmt.Sprintf("Last order %d d ago, usually every %d d", days, r.N)
	case ReasonUnanswered:
		return fmt.Sprintf("Last %d outreaches unanswered", r.N)
	case ReasonComplaint:
		switch {
		case r.Extra == riskExtraResolved:
			return fmt.Sprintf("Complaint resolved %d d ago", days)
		case r.N > 1 && r.Since == NoDay:
			return fmt.Sprintf("%d open complaints", r.N)
		case r.N > 1:
			return fmt.Sprintf("%d open complaints, oldest %d d ago", r.N, days)
		case r.Since == NoDay:
			return "Open complaint"
		}
		return fmt.Sprintf("Open complaint from %d d ago", days)
	case ReasonDetractor:
		if r.Extra == riskExtraNegative {
			return "Last contact was negative"
		}
		return fmt.Sprintf("Rated %d/10 on %s", r.N, riskShortDate(r.Since, today))
	case ReasonCooling:
		return fmt.Sprintf("Contact frequency down %d%%", r.N)
	case ReasonStalledDeal:
		// Names come from the book: sanitised, so a title that carries
		// escape sequences reads as plain text.
		s := fmt.Sprintf("\"%s\" stuck in %s %d d", Sanitize(r.Subject), Sanitize(r.Extra), days)
		if r.N > 0 {
			s += " (+" + strconv.Itoa(r.N) + " more)"
		}
		return s
	case ReasonOverdue:
		if r.N > 1 {
			return fmt.Sprintf("%d follow-ups overdue, oldest %d d", r.N, days)
		}
		return fmt.Sprintf("Follow-up %d d overdue", days)
	}
	return r.Text
}

// riskShortDate formats d as "3 Nov", adding the year ("3 Nov 2025") when it
// is not the year of today.
func riskShortDate(d, today Day) string {
	t := d.UTC()
	if t.Year() != today.UTC().Year() {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan")
}
