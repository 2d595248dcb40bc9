package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/internal/testbook"
	"github.com/rapportcrm/rapport/ui/internal/tmuxtest"
)

// TestEmojiNamesTmux (issue 21 item 9): WeChat nicknames with a skin tone,
// a joined family and a ❤️ (VS16) keep the Customers rows inside a real
// 100×30 terminal and in their columns: every line fits, and the Company
// column starts in the same cell on every row.
func TestEmojiNamesTmux(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Build(t)
	d, _ := testbook.Open(t)
	ctx := context.Background()
	names := []string{"Amy 👍🏽 Lee", "Family 👨‍👩‍👧 Wu", "Rose ❤️ Tan", "Plain Name"}
	for _, n := range names {
		if _, err := d.CreateCustomer(ctx, &model.Customer{Name: n, Company: "Co " + strings.Fields(n)[0], Tier: model.TierB}, nil); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"TZ=UTC", "NO_COLOR=1", "LANG=C.UTF-8", "RAPPORT_NOW=" + testbook.Now().Format(time.RFC3339)}
	s := tmuxtest.Start(t, 100, 30, env, bin, "--db", d.Path())
	s.WaitFor("Co Plain")
	s.Keys("2")
	screen := s.WaitFor("Co Amy", "Co Family", "Co Rose", "Co Plain")
	// A row tmux drew wider than 100 cells wraps: its last column lands
	// on a line of its own and the tab bar scrolls off the top.
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if !strings.Contains(lines[0], "2 Customers") {
		t.Fatalf("the tab bar scrolled off (a row wrapped):\n%s", screen)
	}
	for i, l := range lines {
		if strings.Contains(l, "Co ") && (!strings.HasSuffix(strings.TrimRight(l, " "), "0") ||
			i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == "0") {
			t.Fatalf("row %q spilled onto the next line:\n%s", l, screen)
		}
	}
	col := -1
	for _, l := range lines {
		i := strings.Index(l, "Co ")
		if i < 0 {
			continue
		}
		// The cell where "Co " starts, as tmux placed it (capture-pane
		// gives the text, tmuxCells the cells tmux drew it in).
		c := tmuxCells(l[:i])
		if col < 0 {
			col = c
		} else if c != col {
			t.Fatalf("Company column starts at %d, not %d, in %q:\n%s", c, col, l, screen)
		}
	}
	if col < 0 {
		t.Fatalf("no rows:\n%s", screen)
	}
	for _, frag := range []string{"\u200d", "\ufe0f", "\U0001f3fd"} {
		for _, l := range lines {
			if strings.HasSuffix(strings.TrimRight(l, " "), frag) {
				t.Fatalf("a fragment of a cluster ends %q", l)
			}
		}
	}
	s.Keys("q")
	s.WaitGone()
}

// tmuxCells is how many cells tmux 3 draws s in: it does not join a skin
// tone to its emoji (two 2-cell emoji) and draws ❤️ in one cell (VS16 adds
// nothing); ZWJ sequences it joins into one 2-cell emoji.
func tmuxCells(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == 0xfe0f || r == 0x200d:
		case r >= 0x1f3fb && r <= 0x1f3ff:
			n += 2
		default:
			n += ansi.StringWidth(string(r))
		}
	}
	// A ZWJ sequence counts as its first emoji.
	for _, seq := range strings.Split(s, "\u200d")[1:] {
		r := []rune(seq)
		if len(r) > 0 {
			n -= ansi.StringWidth(string(r[0]))
		}
	}
	return n
}
