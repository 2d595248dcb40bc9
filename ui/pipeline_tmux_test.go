package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPipelineTmux drives the built binary in a real terminal (tmux): it
// opens the board, moves a card with >, checks the file, and undoes with u.
func TestPipelineTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	d, f := pipelineBook(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "rapport")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".."
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	sock := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	cmd := strings.Join([]string{"env", "TZ=UTC", "NO_COLOR=1", "RAPPORT_NOW=" + fixtureNow.Format(time.RFC3339), bin, "--db", d.Path()}, " ")
	tmux("new-session", "-d", "-s", "rp", "-x", "160", "-y", "40", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-S", sock, "kill-server").Run() })
	wait := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("waited for %s; the screen:\n%s", what, tmux("capture-pane", "-p", "-t", "rp"))
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	screenHas := func(s string) func() bool {
		return func() bool { return strings.Contains(tmux("capture-pane", "-p", "-t", "rp"), s) }
	}
	wait("the app", screenHas("3 Pipeline"))
	tmux("send-keys", "-t", "rp", "3")
	wait("the board", screenHas("Renewal 2027"))
	// Lead holds Pilot (overdue next step) first, then Renewal 2027.
	tmux("send-keys", "-t", "rp", "j")
	wait("the cursor on Renewal 2027", screenHas("›  Renewal 2027"))
	tmux("send-keys", "-t", "rp", "-l", ">")
	qualified := f.stageNamed(t, "Qualified").ID
	lead := f.stageNamed(t, "Lead").ID
	wait("the move in the file", func() bool { s, _ := dealStage(t, d, f.Renewal); return s == qualified })
	wait("the status line", screenHas(`Moved "Renewal 2027" to Qualified`))
	tmux("send-keys", "-t", "rp", "u")
	wait("the undo in the file", func() bool { s, _ := dealStage(t, d, f.Renewal); return s == lead })
	wait("the undo on screen", screenHas("Undone"))
	tmux("send-keys", "-t", "rp", "q")
}
