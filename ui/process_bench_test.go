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
)

// firstFrame starts cmd in a new tmux window and returns how long until the
// pane shows want, and the process id.
func firstFrame(b *testing.B, s *tmuxSession, name, cmd, want string) (time.Duration, int) {
	b.Helper()
	start := time.Now()
	s.must("new-window", "-d", "-t", "app:", "-n", name, cmd)
	for {
		out, _ := s.run("capture-pane", "-p", "-t", "app:"+name)
		if strings.Contains(out, want) {
			break
		}
		if time.Since(start) > 30*time.Second {
			b.Fatalf("%s never showed %q:\n%s", name, want, out)
		}
		time.Sleep(time.Millisecond)
	}
	elapsed := time.Since(start)
	pidText, _ := s.run("display", "-p", "-t", "app:"+name, "#{pane_pid}")
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
	if _, err := exec.LookPath("tmux"); err != nil {
		b.Skip("tmux is not installed")
	}
	d := benchBook(b)
	tr, err := d.Triage(context.Background(), 1)
	if err != nil {
		b.Fatal(err)
	}
	path := d.Path()
	dir := b.TempDir()
	bin := buildBinary(b, dir)
	bare := filepath.Join(dir, "bare")
	build := exec.Command("go", "build", "-o", bare, "./testdata/bare")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build bare: %v\n%s", err, out)
	}
	s := &tmuxSession{t: b, sock: filepath.Join(dir, "tmux")}
	if out, err := s.run("new-session", "-d", "-s", "app", "-x", "120", "-y", "40", "sleep 3600"); err != nil {
		b.Fatalf("tmux: %v %s", err, out)
	}
	defer s.run("kill-server")
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
			s.must("send-keys", "-t", fmt.Sprintf("app:app%d", i), "2", "G", "g", "/", "wang", "Enter", "Enter")
			time.Sleep(2 * time.Second)
			rss = peakRSS(pid)
		}
		s.run("send-keys", "-t", fmt.Sprintf("app:bare%d", i), "q")
		s.run("send-keys", "-t", fmt.Sprintf("app:app%d", i), "C-c")
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(float64(appTotal.Milliseconds())/n, "app-ms")
	b.ReportMetric(float64(bareTotal.Milliseconds())/n, "bare-ms")
	b.ReportMetric(float64(appTotal)/float64(bareTotal), "ratio")
	b.ReportMetric(rss, "peak-rss-MB")
}
