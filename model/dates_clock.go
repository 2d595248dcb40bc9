package model

import "strings"

// clock reads a time of day: 14:30, 9:05, 14:30:00, 2pm, 2:30pm, 2 pm, 11am,
// 12am (00:00), 12pm (12:00), 3点, 15点30分, 下午3点, 下午3点半, 上午10点,
// 晚上8点, 早上9点, 中午12点, 下午2:30.
func (p *whenParser) clock(s string) (int, int, bool) {
	if h, m, ok := p.englishClock(s); ok {
		return h, m, true
	}
	return p.chineseClock(s)
}

// englishClock reads H:MM[:SS] (24-hour) and H[:MM] am/pm.
func (p *whenParser) englishClock(s string) (int, int, bool) {
	ampm := ""
	if rest, ok := strings.CutSuffix(s, "am"); ok {
		s, ampm = strings.TrimSuffix(rest, " "), "am"
	} else if rest, ok := strings.CutSuffix(s, "pm"); ok {
		s, ampm = strings.TrimSuffix(rest, " "), "pm"
	}
	hs := whenDigits(s)
	if hs == "" || len(hs) > 2 {
		return 0, 0, false
	}
	h, _ := whenSmallInt(hs, 99)
	s = s[len(hs):]
	m := 0
	if s != "" {
		if s[0] != ':' {
			return 0, 0, false
		}
		ms := whenDigits(s[1:])
		if len(ms) != 2 {
			return 0, 0, false
		}
		m, _ = whenSmallInt(ms, 99)
		s = s[1+len(ms):]
		if s != "" { // seconds, accepted and dropped
			ss := whenDigits(s[1:])
			if s[0] != ':' || len(ss) != 2 || len(s) != 3 {
				return 0, 0, false
			}
			if sec, _ := whenSmallInt(ss, 99); sec > 59 {
				p.why("seconds go 0–59")
				return 0, 0, false
			}
		}
	} else if ampm == "" {
		return 0, 0, false // a bare number is not a time
	}
	if m > 59 {
		p.why("minutes go 0–59")
		return 0, 0, false
	}
	switch ampm {
	case "":
		if h > 23 {
			p.why("hours go 0–23")
			return 0, 0, false
		}
	default:
		if h < 1 || h > 12 {
			p.why("with am/pm, hours go 1–12")
			return 0, 0, false
		}
		h %= 12
		if ampm == "pm" {
			h += 12
		}
	}
	return h, m, true
}

// chineseClock reads [上午|下午|…]H点[半|M分|钟] and [上午|下午|…]H:MM.
func (p *whenParser) chineseClock(s string) (int, int, bool) {
	period := ""
	for _, w := range []string{"上午", "早上", "早晨", "清晨", "凌晨", "中午", "下午", "傍晚", "晚上", "夜里", "夜裡"} {
		if rest, ok := strings.CutPrefix(s, w); ok {
			period, s = w, strings.TrimPrefix(rest, " ")
			break
		}
	}
	var h, m int
	if hs, rest, ok := whenCutAny(s, "点", "點", "时", "時"); ok {
		var okH bool
		if h, okH = whenChineseNumber(hs, 99); !okH {
			return 0, 0, false
		}
		switch rest {
		case "", "钟", "鐘", "整":
		case "半":
			m = 30
		case "一刻":
			m = 15
		case "三刻":
			m = 45
		default:
			rest = strings.TrimSuffix(rest, "分")
			// "3点05", "3点零五": a leading zero is only a placeholder
			if r, ok := strings.CutPrefix(rest, "零"); ok {
				rest = r
			} else if r, ok := strings.CutPrefix(rest, "〇"); ok {
				rest = r
			}
			var okM bool
			if m, okM = whenChineseNumber(rest, 99); !okM {
				return 0, 0, false
			}
		}
	} else if period != "" && !strings.HasSuffix(s, "m") { // 下午2:30, but not 下午2pm
		var okC bool
		if h, m, okC = p.englishClock(s); !okC {
			return 0, 0, false
		}
	} else {
		return 0, 0, false
	}
	if m > 59 {
		p.why("minutes go 0–59")
		return 0, 0, false
	}
	if h > 23 {
		p.why("hours go 0–23")
		return 0, 0, false
	}
	switch period {
	case "上午", "早上", "早晨", "清晨":
		if h > 12 {
			p.why("%s goes up to 12点", period)
			return 0, 0, false
		}
	case "凌晨":
		if h > 12 {
			p.why("%s goes up to 12点", period)
			return 0, 0, false
		}
		h %= 12
	case "中午":
		if h < 11 {
			h += 12
		}
	case "下午", "傍晚":
		if h == 0 {
			p.why("%s goes 1–11点", period)
			return 0, 0, false
		}
		if h < 12 {
			h += 12
		}
	case "晚上", "夜里", "夜裡":
		switch {
		case h == 0 || h == 12:
			p.why("midnight is 0点 of the next day")
			return 0, 0, false
		case h < 12:
			h += 12
		}
	}
	if h > 23 {
		p.why("hours go 0–23")
		return 0, 0, false
	}
	return h, m, true
}
