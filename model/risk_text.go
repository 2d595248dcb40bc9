package model

import (
	"fmt"

	"github.com/rapportcrm/rapport/model/i18n"
)

// How each reason code uses Reason's anchor fields (set by AssessRisk, read
// by TextOn). Day counts in the text are always today − Since, never below 0.
//
//	silence       Since = last contact (or creation), N = rhythm g,
//	              Extra = "added" when measured from creation (never contacted)
//	no_order      Since = the last order day; Extra = "recent" when the part
//	              lowers the score ("Last order 8 d ago")
//	few_orders    N = order-days in the last 12 months, M = their usual gap
//	small_orders  N = the average order, M = the book median (minor units),
//	              Subject = the book currency
//	lapse         N = the base line's points
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
	riskExtraRecent   = "recent"
	riskExtraOpen     = "open"
	riskExtraResolved = "resolved"
	riskExtraScore    = "score"
	riskExtraNegative = "negative"
)

// TextOn renders r's text as it reads on day today, in English (the text
// of JSON output): see TextIn.
func (r Reason) TextOn(today Day) string { return r.TextIn(nil, today) }

// TextIn renders r's text as it reads on day today in p's language (nil:
// English): day counts are re-rendered from r.Since, the other parts come
// from N, M, Subject and Extra (see the table above). A reason stored on an
// earlier day therefore still reads right while its points have not
// changed, and in the reader's language, whatever it was stored under.
func (r Reason) TextIn(p *i18n.Printer, today Day) string {
	days := max(int(today)-int(r.Since), 0)
	switch r.Code {
	case ReasonSilence:
		if r.Extra == riskExtraAdded {
			return p.T("No contact since added %s (usual rhythm %d d)", daysAgo(p, days), r.N)
		}
		return p.T("No contact for %d d (usual rhythm %d d)", days, r.N)
	case ReasonNoOrder:
		if r.Extra == riskExtraRecent {
			return p.T("Last order %s", daysAgo(p, days))
		}
		return p.T("No order for %d d", days)
	case ReasonFewOrders:
		return fewOrdersText(p, r)
	case ReasonSmallOrders:
		return p.T("Average order %s (book median %s)", wholeMoney(int64(r.N), r.Subject), wholeMoney(int64(r.M), r.Subject))
	case ReasonLapseBase:
		return p.T("Customers like this one in this book: %d", r.N)
	case ReasonUnanswered:
		return p.T("Last %d outreaches unanswered", r.N)
	case ReasonComplaint:
		switch {
		case r.Extra == riskExtraResolved:
			return p.T("Complaint resolved %s", daysAgo(p, days))
		case r.N > 1 && r.Since == NoDay:
			return p.T("%d open complaints", r.N)
		case r.N > 1:
			return p.T("%d open complaints, oldest %s", r.N, daysAgo(p, days))
		case r.Since == NoDay:
			return p.T("Open complaint")
		}
		return p.T("Open complaint from %s", daysAgo(p, days))
	case ReasonDetractor:
		if r.Extra == riskExtraNegative {
			return p.T("Last contact was negative")
		}
		return p.T("Rated %d/10 on %s", r.N, riskShortDate(p, r.Since, today))
	case ReasonCooling:
		return p.T("Contact frequency down %d%%", r.N)
	case ReasonStalledDeal:
		// Names come from the book: sanitised, so a title that carries
		// escape sequences reads as plain text.
		if r.N > 0 {
			return p.T("\"%s\" stuck in %s %d d (+%d more)", Sanitize(r.Subject), Sanitize(r.Extra), days, r.N)
		}
		return p.T("\"%s\" stuck in %s %d d", Sanitize(r.Subject), Sanitize(r.Extra), days)
	case ReasonOverdue:
		if r.N > 1 {
			return p.T("%d follow-ups overdue, oldest %d d", r.N, days)
		}
		return p.T("Follow-up %d d overdue", days)
	}
	return r.Text
}

// riskShortDate formats d as "3 Nov", adding the year ("3 Nov 2025") when it
// is not the year of today.
func riskShortDate(p *i18n.Printer, d, today Day) string {
	t := d.UTC()
	if p.Zh() {
		if t.Year() != today.UTC().Year() {
			return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
		}
		return fmt.Sprintf("%d月%d日", int(t.Month()), t.Day())
	}
	if t.Year() != today.UTC().Year() {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan")
}

// fewOrdersText renders few_orders: "Only 1 order in 12 months", "7 orders
// in 12 months, usually every 40 d".
func fewOrdersText(p *i18n.Printer, r Reason) string {
	only := r.Points > 0
	switch {
	case r.N <= 0:
		return p.T("No order in 12 months")
	case r.N == 1 && only:
		return p.T("Only 1 order in 12 months")
	case r.N == 1:
		return p.T("1 order in 12 months")
	case r.M > 0 && only:
		return p.T("Only %d orders in 12 months, usually every %d d", r.N, r.M)
	case r.M > 0:
		return p.T("%d orders in 12 months, usually every %d d", r.N, r.M)
	case only:
		return p.T("Only %d orders in 12 months", r.N)
	}
	return p.T("%d orders in 12 months", r.N)
}

// wholeMoney renders minor units in whole units of currency: "¥2,980",
// "$560", "1,200 CHF" (the text of a reason needs no cents).
func wholeMoney(minor int64, currency string) string {
	unit := int64(pow10(CurrencyDigits(currency)))
	neg := minor < 0
	abs := uint64(absMinor(minor))
	whole := (abs + uint64(unit)/2) / uint64(unit)
	s := moneySign(Sanitize(currency)) + groupThousands(whole)
	if moneySign(currency) == "" && currency != "" {
		s += " " + Sanitize(currency)
	}
	if neg {
		s = "-" + s
	}
	return s
}

// KnownReason reports whether TextOn renders code's text from the anchor
// fields (so a stored reason need not keep its text).
func KnownReason(code string) bool {
	switch code {
	case ReasonSilence, ReasonNoOrder, ReasonFewOrders, ReasonSmallOrders, ReasonLapseBase, ReasonUnanswered,
		ReasonComplaint, ReasonDetractor, ReasonCooling, ReasonStalledDeal, ReasonOverdue:
		return true
	}
	return false
}

// daysAgo is "today" for 0 days and "N d ago" otherwise (今天, N天前).
func daysAgo(p *i18n.Printer, days int) string {
	if days == 0 {
		return p.T("today")
	}
	return p.T("%d d ago", days)
}
