package reportview

import (
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/chart"
)

// TestRenderInChinese: the hostile report in Chinese fits every width in
// cells, sanitises what came from the database, says its sections in the
// users' words, and keeps the retention headings over their columns.
func TestRenderInChinese(t *testing.T) {
	r := hostileReport()
	zh := Options{P: i18n.New(i18n.Zh)}
	for _, w := range []int{1, 19, 20, 33, 40, 60, 80, 120, 250} {
		out := RenderWith(r, w, zh)
		for _, l := range strings.Split(out, "\n") {
			if chart.Width(l) > max(w, MinWidth) {
				t.Errorf("width %d: %q is %d cells", w, l, chart.Width(l))
			}
		}
		// "\u009b" the rune: the byte 0x9b is inside many a Chinese character.
		for _, bad := range []string{"\x1b", "\u202e", "\x07", "\u009b"} {
			if strings.Contains(out, bad) {
				t.Errorf("width %d: %q from the database reached the text", w, bad)
			}
		}
	}
	out := RenderWith(r, 100, zh)
	for _, want := range []string{"报表 2026-08-26 … 2026-11-23（90 天）· 今天 2026-11-23", "销售漏斗", "赢单率 75%", "销售周期", "平均 12.5 天 · 中位数 10 天（创建 → 赢单，3 个商机）",
		"留存率", "流失率", "复购率", "满意度", "目标", "风险模型检验", "客户分层", "电话", "本月 2 位", "2 · $100亿 · 加权 $10亿", "$1,234,567.89 + €0.99"} {
		if !strings.Contains(out, want) {
			t.Errorf("the Chinese report lacks %q:\n%s", want, out)
		}
	}
	// The headings line up over the figures as in English: each ends in
	// the cell where its column ends.
	var head, row string
	for _, l := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(l, "  月份"):
			head = l
		case strings.HasPrefix(l, "  2026-11*"):
			row = l
		}
	}
	if head == "" || row == "" || chart.Width(head) != chart.Width(row) {
		t.Errorf("retention headings %q (%d cells) do not line up over %q (%d cells)", head, chart.Width(head), row, chart.Width(row))
	}
}

// TestEnglishPrinterRendersAsNil: a report said by the English printer is
// the report said with no printer, byte for byte (what `rapport report`
// printed before issue 26), plurals included.
func TestEnglishPrinterRendersAsNil(t *testing.T) {
	r := hostileReport()
	for _, w := range []int{20, 80, 120} {
		if got, want := RenderWith(r, w, Options{P: i18n.New(i18n.En)}), Render(r, w); got != want {
			t.Errorf("width %d: the English printer's report differs:\n%s\nwant:\n%s", w, got, want)
		}
	}
	r.Deals.Cycle.Deals = 1
	if out := Render(r, 120); !strings.Contains(out, "created → won, 1 deal)") {
		t.Errorf("one deal reads in the plural:\n%s", out)
	}
}
