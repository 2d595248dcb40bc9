package chart

import (
	"strings"
	"testing"
)

func TestBars(t *testing.T) {
	lines := Bars([]Bar{
		{Label: "Lead", Value: 8, Text: "8"},
		{Label: "Qualified", Value: 4, Text: "4 · 50%"},
		{Label: "Won", Value: 1, Text: "1"},
		{Label: "Lost", Value: 0, Text: "0"},
	}, 40)
	want := []string{
		// label 9 + space + bar 22 + space + text 7 = 40
		"Lead      ██████████████████████ 8",
		"Qualified ███████████            4 · 50%",
		"Won       ██▊                    1",
		"Lost                             0",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Bars =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestBarsFitEveryWidth(t *testing.T) {
	bars := []Bar{
		{Label: "王芳的公司 Very Long Customer Name", Value: 123456, Text: "$1,234.56 · 99.9%"},
		{Label: "B", Value: 1, Text: "$0.01"},
	}
	for w := 1; w <= 120; w++ {
		lines := Bars(bars, w)
		if len(lines) != 2 {
			t.Fatalf("width %d: %d lines", w, len(lines))
		}
		for _, l := range lines {
			if Width(l) > w {
				t.Errorf("width %d: %q is %d cells", w, l, Width(l))
			}
		}
		if w >= 30 && !strings.Contains(lines[1], "▏") {
			t.Errorf("width %d: the smallest positive bar vanished: %q", w, lines[1])
		}
	}
	if Bars(nil, 80) != nil || Bars(bars, 0) != nil {
		t.Error("no bars or no width should draw nothing")
	}
}

func TestBarsCJKAlign(t *testing.T) {
	lines := Bars([]Bar{{Label: "王芳", Value: 2, Text: "2"}, {Label: "Acme", Value: 2, Text: "2"}}, 30)
	if strings.Index(lines[0], "█") == -1 || Width(lines[0][:strings.Index(lines[0], "█")]) != Width(lines[1][:strings.Index(lines[1], "█")]) {
		t.Errorf("bars do not start in the same column:\n%s\n%s", lines[0], lines[1])
	}
}

func TestSparkline(t *testing.T) {
	for _, tc := range []struct {
		in    []int
		width int
		want  string
	}{
		{[]int{0, 1, 2, 3, 4, 5, 6, 7, 8}, 20, " ▁▂▃▄▅▆▇█"},
		{[]int{1, 100}, 20, "▁█"},
		{[]int{0, 0, 0}, 20, "   "},
		{[]int{5, 5}, 20, "██"},
		{[]int{8, 1, 2, 3, 4}, 3, "▄▆█"},
		{[]int{1, 2}, 0, ""},
		{nil, 10, ""},
	} {
		if got := Sparkline(tc.in, tc.width); got != tc.want {
			t.Errorf("Sparkline(%v, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestCellRightFit(t *testing.T) {
	if got := Cell("王芳", 6); got != "王芳  " {
		t.Errorf("Cell = %q", got)
	}
	if got := Right("42", 5); got != "   42" {
		t.Errorf("Right = %q", got)
	}
	if got := Fit("Negotiation", 6); got != "Negot…" || Width(got) != 6 {
		t.Errorf("Fit = %q", got)
	}
	if got := Cell("王芳王芳", 5); Width(got) != 5 {
		t.Errorf("Cell of wide runes = %q (%d cells)", got, Width(got))
	}
}
