package db

import (
	"fmt"

	"github.com/rapportcrm/rapport/model"
)

// When says when a Care row's day is: "today", "tomorrow", "in 3 d (Fri 27 Nov)".
func (it CareItem) When() string {
	day := it.On.UTC().Format("Mon 2 Jan")
	switch it.InDays {
	case 0:
		return "today"
	case 1:
		return "tomorrow (" + day + ")"
	}
	return fmt.Sprintf("in %d d (%s)", it.InDays, day)
}

// What says what a Care row is: "Jane's birthday (46)", "2 years since
// the first order", "中秋".
func (it CareItem) What() string {
	switch it.Kind {
	case string(model.CareBirthday):
		s := "birthday"
		if it.Contact != "" {
			s = it.Contact + "'s birthday"
		}
		if it.Years > 0 {
			s += fmt.Sprintf(" (%d)", it.Years)
		}
		return s
	case string(model.CareAnniversary):
		if it.FirstOrder {
			return fmt.Sprintf("%d years since the first order", it.Years)
		}
		if it.Years > 0 {
			return fmt.Sprintf("anniversary (%d years)", it.Years)
		}
		return "anniversary"
	case CareHoliday:
		return it.Label + " greeting"
	}
	if it.Contact != "" {
		return it.Label + " (" + it.Contact + ")"
	}
	return it.Label
}
