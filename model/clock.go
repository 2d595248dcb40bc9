package model

import (
	"fmt"

	"github.com/rapportcrm/rapport/model/i18n"
)

// ParseClock reads a time of day the way ParseWhen reads one after a date:
// 14:30, 9:05, 3pm, 2:30 pm, 下午3点, 15点30分, full-width digits. It
// returns it as "HH:MM".
func ParseClock(s string) (string, error) {
	p := &whenParser{}
	h, m, ok := p.clock(normalizeWhen(s))
	if !ok {
		return "", i18n.Errorf("%q is not a time: try 14:30, 9:05, 3pm or 下午3点", s)
	}
	return fmt.Sprintf("%02d:%02d", h, m), nil
}
