package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// zhGoldenStates are the states of the screens of issue 26's zh-screens
// part (Today, Customers, the 360) drawn in Chinese beside their English
// goldens; the frame's other states (forms, help, welcome) get theirs
// with their own conversion.
var zhGoldenStates = []string{"today", "today_prompt", "customers", "customers_filter", "detail", "detail_risk"}

// TestGoldenScreensZh: the same fixture and states as TestGoldenScreens,
// in Chinese, at 80×24 and 40×12.
func TestGoldenScreensZh(t *testing.T) {
	for _, st := range screenStatesIn(t, i18n.New(i18n.Zh)) {
		if !slices.Contains(zhGoldenStates, st.name) {
			continue
		}
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			t.Run(fmt.Sprintf("%s_%dx%d", st.name, size[0], size[1]), func(t *testing.T) {
				out := ansi.Strip(frameOf(st.app, size[0], size[1]))
				out = strings.ReplaceAll(out, st.app.c.DB.Path(), "BOOK")
				golden.RequireEqual(t, []byte(trimRight(out)))
			})
		}
	}
}

// TestLayoutFitsEverySizeZh is TestLayoutFitsEverySize in Chinese: every
// state at every size has exactly the frame's height and no line wider
// than it, wide characters counted as two cells (screentest.Fits), and no
// character cut in half.
func TestLayoutFitsEverySizeZh(t *testing.T) {
	widths := []int{1, 20, 33, 39, 40, 41, 47, 60, 80, 99, 120, 160, 200, 250, 300}
	heights := []int{1, 5, 11, 12, 13, 17, 24, 31, 40, 60, 80, 100}
	// The "too small" line names the minimum in both languages.
	tooSmall := fmt.Sprintf("%d×%d", minWidth, minHeight)
	for _, st := range screenStatesIn(t, i18n.New(i18n.Zh)) {
		for _, w := range widths {
			for _, h := range heights {
				out := frameOf(st.app, w, h)
				if bad := screentest.Fits(out, w, h); bad != "" {
					t.Fatalf("%s at %dx%d: %s", st.name, w, h, bad)
				}
				if !utf8.ValidString(out) {
					t.Fatalf("%s at %dx%d: a character is cut in half", st.name, w, h)
				}
				small := w < minWidth || h < minHeight
				if got := strings.Contains(ansi.Strip(out), tooSmall); w >= 30 && got != small {
					t.Fatalf("%s at %dx%d: the too-small line shown=%v", st.name, w, h, got)
				}
			}
		}
	}
}
