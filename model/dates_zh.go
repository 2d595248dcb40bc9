package model

import "strings"

// chineseDate reads 下周一, 下周, 上周五, 这周五, 周五, 星期五, 礼拜五,
// 3天后, 两周后, 1个月后, 3天前, 12月1日, 12月1号, 2026年12月1日.
func (p *whenParser) chineseDate(s string) (Day, bool) {
	for _, pre := range []struct {
		word  string
		weeks int
	}{{"下个", 1}, {"下", 1}, {"上个", -1}, {"上", -1}, {"这个", 0}, {"这", 0}, {"本", 0}} {
		rest, ok := strings.CutPrefix(s, pre.word)
		if !ok {
			continue
		}
		if rest, ok := whenCutWeekWord(rest); ok {
			return p.inWeek(pre.weeks, rest, whenChineseWeekday)
		}
	}
	if rest, ok := whenCutWeekWord(s); ok {
		if wd, ok := whenChineseWeekday(rest); ok {
			return p.nearestWeekday(wd), true
		}
		return NoDay, false
	}
	if d, ok := p.chineseRelative(s); ok {
		return d, true
	}
	return p.chineseMonthDay(s)
}

// whenCutWeekWord removes a leading 周/週/星期/礼拜/禮拜.
func whenCutWeekWord(s string) (string, bool) {
	for _, w := range []string{"周", "週", "星期", "礼拜", "禮拜"} {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest, true
		}
	}
	return s, false
}

// chineseRelative reads "3天后", "两周后", "1个月后", "一年后", "3天前" and the
// 以后/之后/以前/之前 variants.
func (p *whenParser) chineseRelative(s string) (Day, bool) {
	sign := 0
	for _, suf := range []struct {
		word string
		sign int
	}{{"以后", 1}, {"之后", 1}, {"后", 1}, {"後", 1}, {"以前", -1}, {"之前", -1}, {"前", -1}} {
		if rest, ok := strings.CutSuffix(s, suf.word); ok {
			s, sign = rest, suf.sign
			break
		}
	}
	if sign == 0 {
		return NoDay, false
	}
	var unit byte
	for _, u := range []struct {
		word string
		unit byte
	}{
		{"天", 'd'}, {"日", 'd'},
		{"个星期", 'w'}, {"個星期", 'w'}, {"星期", 'w'}, {"个礼拜", 'w'}, {"礼拜", 'w'}, {"周", 'w'}, {"週", 'w'},
		{"个月", 'm'}, {"個月", 'm'},
		{"年", 'y'},
	} {
		if rest, ok := strings.CutSuffix(s, u.word); ok {
			s, unit = rest, u.unit
			break
		}
	}
	if unit == 0 {
		return NoDay, false
	}
	n, ok := whenChineseNumber(s, whenMaxRelative)
	if !ok {
		return NoDay, false
	}
	return p.shift(sign*n, unit), true
}

// chineseMonthDay reads "12月1日", "12月1号", "十二月一日" and "2026年12月1日";
// without a year it resolves like 12/01.
func (p *whenParser) chineseMonthDay(s string) (Day, bool) {
	year := 0
	if ys, rest, ok := strings.Cut(s, "年"); ok {
		if len(ys) != 4 || whenDigits(ys) != ys {
			return NoDay, false
		}
		year, _ = whenSmallInt(ys, 9999)
		s = rest
	}
	ms, rest, ok := strings.Cut(s, "月")
	if !ok {
		return NoDay, false
	}
	ds, ok := strings.CutSuffix(rest, "日")
	if !ok {
		if ds, ok = strings.CutSuffix(rest, "号"); !ok {
			if ds, ok = strings.CutSuffix(rest, "號"); !ok {
				return NoDay, false
			}
		}
	}
	m, ok := whenChineseNumber(ms, 99)
	if !ok {
		return NoDay, false
	}
	d, ok := whenChineseNumber(ds, 99)
	if !ok {
		return NoDay, false
	}
	if year == 0 {
		return p.yearless(m, d)
	}
	return p.ymd(year, m, d)
}

// whenChineseDigit returns the value of a Chinese digit.
func whenChineseDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一':
		return 1, true
	case '二':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// whenChineseNumber reads ASCII digits (up to limit) or a Chinese numeral from 0
// to 99: 两, 五, 十, 十五, 二十, 二十三.
func whenChineseNumber(s string, limit int) (int, bool) {
	if s == "" {
		return 0, false
	}
	if whenDigits(s) == s {
		return whenSmallInt(s, limit)
	}
	if s == "两" || s == "兩" {
		return 2, 2 <= limit
	}
	rs := []rune(s)
	n := 0
	switch {
	case len(rs) == 1:
		if rs[0] == '十' {
			n = 10
		} else if d, ok := whenChineseDigit(rs[0]); ok {
			n = d
		} else {
			return 0, false
		}
	case len(rs) <= 3:
		// [X]十[Y]
		i := 0
		tens := 1
		if d, ok := whenChineseDigit(rs[0]); ok && d > 0 {
			tens, i = d, 1
		}
		if rs[i] != '十' {
			return 0, false
		}
		n = tens * 10
		i++
		if i < len(rs) {
			d, ok := whenChineseDigit(rs[i])
			if !ok || d == 0 || i+1 != len(rs) {
				return 0, false
			}
			n += d
		}
	default:
		return 0, false
	}
	return n, n <= limit
}
