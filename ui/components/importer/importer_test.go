package importer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/ui/components/importer"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
)

// host is the smallest screen around the flow: it opens it on Init and
// notes every progress line it drew.
type host struct {
	imp  *importer.Model
	w, h int
	seen []string
	done []importer.DoneMsg
}

func (h *host) Init() tea.Cmd { return h.imp.Open() }
func (h *host) Update(msg tea.Msg) tea.Cmd {
	if d, ok := msg.(importer.DoneMsg); ok {
		h.done = append(h.done, d)
		return nil
	}
	return h.imp.Update(msg)
}
func (h *host) SetSize(w, ht int) { h.w, h.h = w, ht }
func (h *host) View() string {
	out := strings.Join(h.imp.Lines(h.w), "\n")
	for _, l := range h.imp.Lines(h.w) {
		if strings.Contains(l, "rows (") && (strings.Contains(l, "Reading") || strings.Contains(l, "Writing")) {
			h.seen = append(h.seen, l)
		}
	}
	return out
}

// The dry run and the import report their progress on screen as they go,
// in the order they happen; the import is written once, after y.
func TestImportShowsProgressWhileItRuns(t *testing.T) {
	d, _ := testbook.Open(t)
	var b strings.Builder
	b.WriteString("name,company,email\n")
	for i := range 6000 {
		fmt.Fprintf(&b, "Person %05d,Co %d,p%d@example.com\n", i, i%50, i)
	}
	path := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	h := &host{imp: importer.New(screentest.Common(t, d))}
	hs := screentest.New(t, h, 100, 20)
	hs.Press(path, "enter")
	screentest.MustContain(t, hs.Plain(), "Would import: 6000 created")
	reading := len(h.seen)
	if reading == 0 {
		t.Fatal("the dry run showed no progress")
	}
	screentest.MustContain(t, h.seen[0], "Reading and checking…")
	hs.Press("y")
	if len(h.done) != 1 {
		t.Fatalf("%d imports finished", len(h.done))
	}
	screentest.MustContain(t, h.done[0].Status, "6000 created")
	wrote := false
	for _, l := range h.seen[reading:] {
		wrote = wrote || strings.Contains(l, "Writing…")
	}
	if !wrote {
		t.Fatalf("the import showed no writing progress: %q", h.seen[reading:])
	}
	if h.imp.Active() {
		t.Fatal("the flow stayed open after the import")
	}
}
