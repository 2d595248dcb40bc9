package pipeline

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// TestPipelineGoldenZh is TestPipelineGolden in Chinese (stage names are
// the book's and stay as stored), at 80×24 and 40×12.
func TestPipelineGoldenZh(t *testing.T) {
	d, _ := pipelineBook(t)
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			c := screentest.Common(t, d)
			c.P = i18n.New(i18n.Zh)
			p := New(c)
			a := screentest.InApp(t, p, size[0], size[1])
			if !p.loaded {
				t.Fatal("the board did not load")
			}
			a.Press("j")
			out := ansi.Strip(p.View())
			if bad := screentest.Fits(out, size[0], size[1]-screentest.AppChrome); bad != "" {
				t.Fatal(bad)
			}
			golden.RequireEqual(t, []byte(screentest.TrimRight(out)))
		})
	}
}
