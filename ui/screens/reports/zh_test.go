package reports

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// TestReportsGoldenZh is TestReportsGolden in Chinese, at 80×24 and 40×12.
func TestReportsGoldenZh(t *testing.T) {
	d, _ := reportsBook(t)
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			c := screentest.Common(t, d)
			c.P = i18n.New(i18n.Zh)
			s := New(c)
			screentest.InApp(t, s, size[0], size[1])
			if !s.loaded || s.err != nil {
				t.Fatalf("the report did not load: %v", s.err)
			}
			out := ansi.Strip(s.View())
			if bad := screentest.Fits(out, size[0], size[1]-screentest.AppChrome); bad != "" {
				t.Fatal(bad)
			}
			golden.RequireEqual(t, []byte(screentest.TrimRight(out)))
		})
	}
}
