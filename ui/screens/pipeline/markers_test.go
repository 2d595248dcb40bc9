package pipeline

import (
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/ui/common"
)

// At every size: a snoozed card's date is whole ("zz 11-30", never
// "zz 11-…"), a rotting card is not marked ⚠ (that is "at risk"), and a
// column with several currencies on one line shows one before "+N more".
func TestBoardMarkersAndNotesAtEverySize(t *testing.T) {
	d, _ := pipelineBook(t)
	a, _ := pipelineApp(t, d, 160, 40)
	seenOneLine := false
	for _, h := range []int{9, 12, 24} {
		for w := 40; w <= 160; w += 3 {
			a.S.SetSize(w, h)
			v := a.Plain()
			if strings.Contains(v, common.MarkAtRisk) {
				t.Fatalf("%dx%d: ⚠ on the board:\n%s", w, h, v)
			}
			for _, l := range strings.Split(v, "\n") {
				if i := strings.Index(l, "zz "); i >= 0 && !strings.HasPrefix(l[i:], "zz 11-30") {
					t.Fatalf("%dx%d: the snooze date is cut: %q", w, h, l)
				}
				if h < 10 && strings.Contains(l, "more currencies") { // one currency line
					t.Fatalf("%dx%d: %q shows no currency", w, h, l)
				}
				if strings.Contains(l, " +1 more") || strings.Contains(l, " +2 more") {
					seenOneLine = true
				}
			}
		}
	}
	if !seenOneLine {
		t.Fatal("no size showed several currencies on one line")
	}
}
