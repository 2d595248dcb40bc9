package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/ui/common"
)

// startProgram runs the real app in a teatest program over d.
func startProgram(t *testing.T, d *db.DB) (*teatest.TestModel, *App) {
	t.Helper()
	a, err := NewApp(context.Background(), d, Options{Width: 120, Height: 40})
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(120, 40))
	t.Cleanup(func() {
		tm.Quit()
		tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
		a.Close()
	})
	return tm, a
}

// waitText waits until the screen output contains every want.
func waitText(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	var seen strings.Builder
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen.Reset()
		seen.Write(b)
		out := ansi.Strip(string(b))
		for _, w := range want {
			if !strings.Contains(out, w) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func typeKeys(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		for _, m := range keyMsgs(k) {
			tm.Send(m)
		}
	}
}

func TestProgramLaunchShowsTodaysCounts(t *testing.T) {
	d := demoBook(t, 300)
	tr, err := d.Triage(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Counts.Overdue == 0 {
		t.Fatal("the demo book has nothing overdue")
	}
	tm, _ := startProgram(t, d)
	waitText(t, tm, tr.Counts.Summary(), "Overdue follow-ups", "At risk")

	// x on the first overdue follow-up: the count drops and the file says done.
	first := tr.Overdue[0]
	typeKeys(tm, "x")
	lower := tr.Counts
	lower.Overdue--
	waitText(t, tm, lower.Summary())
	fu, err := d.Followup(context.Background(), first.FollowupID)
	if err != nil {
		t.Fatal(err)
	}
	if fu.DoneAt == 0 {
		t.Fatalf("follow-up %d is not done in the file", first.FollowupID)
	}
}

func TestProgramFilterOpenSeesRiskReasons(t *testing.T) {
	d := demoBook(t, 300)
	tr, err := d.Triage(context.Background(), 0)
	if err != nil || len(tr.AtRisk) == 0 {
		t.Fatalf("no at-risk customer: %v", err)
	}
	target := tr.AtRisk[0]
	tm, _ := startProgram(t, d)
	waitText(t, tm, tr.Counts.Summary())
	typeKeys(tm, "2", "/", common.Clean(target.Customer))
	waitText(t, tm, "/ "+common.Clean(target.Customer))
	typeKeys(tm, "enter", "enter")
	want := []string{fmt.Sprintf("Risk %d · at risk", target.Score)}
	for _, r := range target.Reasons {
		// A long reason may be cut at the width; its start is enough.
		want = append(want, truncateRunes(fmt.Sprintf("+%-3d %s", r.Points, common.Clean(r.Text)), 60))
	}
	waitText(t, tm, want...)
	typeKeys(tm, "esc")
	waitText(t, tm, "/ "+common.Clean(target.Customer)) // back on the filtered list
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// TestProgramLogsACallAndSchedulesTheNext runs the real program: i on
// Today's first row, a summary, ctrl+s, then enter accepts the next
// follow-up; both land in the file.
func TestProgramLogsACallAndSchedulesTheNext(t *testing.T) {
	d, f := fixtureBook(t)
	tm, _ := startProgram(t, d)
	waitText(t, tm, "Overdue follow-ups (1)", "Send quote")
	typeKeys(tm, "i")
	waitText(t, tm, "Log an interaction", "王芳 · 北京远景科技有限公司")
	typeKeys(tm, "Promised the quote by Friday", "ctrl+s")
	waitText(t, tm, "Schedule the next follow-up?", "Logged call with 王芳")
	typeKeys(tm, "enter")
	waitText(t, tm, `Follow-up "Follow up: Promised the quote by Friday" due Mon 2026-12-07`)
	var n int
	if err := d.Reader().QueryRowContext(context.Background(), `SELECT count(*) FROM interactions i JOIN followups f ON f.customer_id = i.customer_id
		WHERE i.customer_id = ? AND i.summary = 'Promised the quote by Friday' AND f.title = 'Follow up: Promised the quote by Friday'
		AND f.due_date = '2026-12-07'`, f.Wang).Scan(&n); err != nil || n != 1 {
		t.Fatalf("file holds %d (%v)", n, err)
	}
}
