package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Issue 21 item 9: a cell holding a nickname with a skin tone, a joined
// family or ❤️ is exactly its width, as every terminal draws it, and a cut
// never leaves a fragment of a cluster.
func TestCellsWithEmojiAreExact(t *testing.T) {
	names := []string{"Amy 👍🏽 Lee", "👨‍👩‍👧 Wu family", "Rose ❤️ Tan", "王芳👍🏽❤️👨‍👩‍👧", "❤️❤️❤️❤️"}
	for _, name := range names {
		for w := 1; w <= 20; w++ {
			for _, cell := range []func(string, int) string{Cell, CellRight} {
				got := cell(name, w)
				if n := ansi.StringWidth(got); n != w {
					t.Fatalf("%q in %d cells: %q is %d wide", name, w, got, n)
				}
				if Width(got) != w {
					t.Fatalf("Width(%q) = %d, want %d", got, Width(got), w)
				}
				// What terminals disagree on is gone: skin tones, VS16.
				for _, r := range got {
					if r == 0xfe0f || (r >= 0x1f3fb && r <= 0x1f3ff) {
						t.Fatalf("%q in %d cells keeps %U: terminals draw it wider or narrower", name, w, r)
					}
				}
				// A joined family is whole or gone, never "👨‍" with a dangling joiner.
				trim := strings.TrimRight(got, " …")
				if strings.HasSuffix(trim, "\u200d") || strings.Count(got, "\u200d")%2 != 0 {
					t.Fatalf("%q in %d cells split the family: %q", name, w, got)
				}
			}
		}
	}
	if got := Truncate("Amy 👍🏽 Lee", 6); got != "Amy 👍…" && got != "Amy …" {
		t.Fatalf("Truncate = %q", got)
	}
	if Width("Rose ❤️") != 6 {
		t.Fatalf("Width(Rose ❤️) = %d, want 6 (❤ is one cell, as tmux draws it)", Width("Rose ❤️"))
	}
}
