package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/ui/internal/tmuxtest"
)

// firstFrame starts cmd in a new tmux window and returns how long until the
// pane shows want, and the process id.
func firstFrame(b *testing.B, s *tmuxtest.Session, name, cmd, want string) (time.Duration, int) {
	b.Helper()
	start := time.Now()
	s.Must("new-window", "-d", "-t", "app:", "-n", name, cmd)
	for {
		out, _ := s.Run("capture-pane", "-p", "-t", "app:"+name)
		if strings.Contains(out, want) {
			break
		}
		if time.Since(start) > 30*time.Second {
			b.Fatalf("%s never showed %q:\n%s", name, want, out)
		}
		time.Sleep(time.Millisecond)
	}
	elapsed := time.Since(start)
	pidText, _ := s.Run("display", "-p", "-t", "app:"+name, "#{pane_pid}")
	pid, _ := strconv.Atoi(strings.TrimSpace(pidText))
	return elapsed, pid
}

// peakRSS reads a process's peak resident memory in MB.
func peakRSS(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(l)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkProcessFirstFrame: the whole rapport process to its first frame
// with the summary, against a bare Bubble Tea program, in tmux (SPEC §7:
// within 1.5×), and rapport's peak resident memory after moving around the
// book (under 80 MB). Both are measured the same way, polling the pane.
func BenchmarkProcessFirstFrame(b *testing.B) {
	tmuxtest.Available(b)
	d := benchBook(b)
	tr, err := d.Triage(context.Background(), 1)
	if err != nil {
		b.Fatal(err)
	}
	path := d.Path()
	dir := b.TempDir()
	bin := tmuxtest.Build(b)
	bare := filepath.Join(dir, "bare")
	build := exec.Command("go", "build", "-o", bare, "./testdata/bare")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build bare: %v\n%s", err, out)
	}
	s := tmuxtest.Start(b, 120, 40, nil, "sleep", "3600")
	env := "env TERM=xterm-256color RAPPORT_NOW=" + fixtureNow.Format(time.RFC3339) + " "
	var appTotal, bareTotal time.Duration
	var rss float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bt, _ := firstFrame(b, s, fmt.Sprintf("bare%d", i), env+bare, "bare program ready")
		at, pid := firstFrame(b, s, fmt.Sprintf("app%d", i), env+bin+" --db "+path, tr.Counts.Summary())
		bareTotal += bt
		appTotal += at
		if i == 0 {
			win := fmt.Sprintf("app:app%d", i)
			s.Must("send-keys", "-t", win, "2", "G", "g", "/", "wang", "Enter", "Enter")
			s.WaitUntil("the customer opened from the filter", func(string) bool {
				out, _ := s.Run("capture-pane", "-p", "-t", win)
				return strings.Contains(out, "Risk ")
			})
			rss = peakRSS(pid)
		}
		s.Run("send-keys", "-t", fmt.Sprintf("app:bare%d", i), "q")
		s.Run("send-keys", "-t", fmt.Sprintf("app:app%d", i), "C-c")
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(float64(appTotal.Milliseconds())/n, "app-ms")
	b.ReportMetric(float64(bareTotal.Milliseconds())/n, "bare-ms")
	b.ReportMetric(float64(appTotal)/float64(bareTotal), "ratio")
	b.ReportMetric(rss, "peak-rss-MB")
}
