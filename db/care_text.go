package db

import (
	"fmt"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// When says when a Care row's day is, in p's language: "today", "tomorrow
// (Sun 12 Sep)", "in 3 d (Fri 27 Nov)".
func (it CareItem) When(p *i18n.Printer) string {
	day := careDay(p, it.On)
	switch it.InDays {
	case 0:
		return p.T("today")
	case 1:
		return p.T("tomorrow (%s)", day)
	}
	return p.T("in %d d (%s)", it.InDays, day)
}

// careDay is a day as a Care row names it: "Sun 12 Sep", "9月12日 周日".
func careDay(p *i18n.Printer, d model.Day) string {
	t := d.UTC()
	if p.Zh() {
		return fmt.Sprintf("%d月%d日 周%s", int(t.Month()), t.Day(), []string{"日", "一", "二", "三", "四", "五", "六"}[t.Weekday()])
	}
	return t.Format("Mon 2 Jan")
}

// Day is the row's day as a Care row names it ("Sun 12 Sep").
func (it CareItem) Day(p *i18n.Printer) string { return careDay(p, it.On) }

// What says what a Care row is, in p's language: "Jane's birthday (46)",
// "2 years since the first order", "中秋 greeting".
func (it CareItem) What(p *i18n.Printer) string {
	switch it.Kind {
	case string(model.CareBirthday):
		switch {
		case it.Contact != "" && it.Years > 0:
			return p.T("%s's birthday (%d)", it.Contact, it.Years)
		case it.Contact != "":
			return p.T("%s's birthday", it.Contact)
		case it.Years > 0:
			return p.T("birthday (%d)", it.Years)
		}
		return p.T("birthday")
	case string(model.CareAnniversary):
		switch {
		case it.FirstOrder:
			return p.T("%d years since the first order", it.Years)
		case it.Years > 0:
			return p.T("anniversary (%d years)", it.Years)
		}
		return p.T("anniversary")
	case CareHoliday:
		return p.T("%s greeting", it.Label)
	}
	if it.Contact != "" {
		return it.Label + " (" + it.Contact + ")"
	}
	return it.Label
}
