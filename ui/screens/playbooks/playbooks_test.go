package playbooks

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/screentest"
)

// playbookBook is a new book (its seven default rules) where the first
// revisit fired for three customers and two of them were done, one on time.
func playbookBook(t *testing.T) *db.DB {
	t.Helper()
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)
	clock := now
	d, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "book.db"), db.Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	ctx := context.Background()
	var ids []int64
	for _, n := range []string{"Ada", "Bo", "Cy"} {
		id, err := d.CreateCustomer(ctx, &model.Customer{Name: n}, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	for i, id := range ids[:2] {
		fs, err := d.OpenFollowups(ctx, id)
		if err != nil || len(fs) != 1 {
			t.Fatalf("first revisit of %d: %+v %v", id, fs, err)
		}
		clock = now.AddDate(0, 0, 2+3*i) // day 2 (on time), day 5 (late)
		if _, err := d.CompleteFollowup(ctx, fs[0].ID); err != nil {
			t.Fatal(err)
		}
	}
	clock = now.AddDate(0, 0, 6)
	return d
}

func TestPlaybooksShowsRulesAndCounts(t *testing.T) {
	d := playbookBook(t)
	h, _ := screentest.Open(t, d, 130, 24, New)
	out := h.Plain()
	for _, want := range []string{"Playbooks · rules that schedule follow-ups · last 90 days", "RULE", "MADE", "ON TIME",
		"First revisit", "customer added → First revisit +3 d", "3      1/2",
		"Complaint callback", "complaint logged → Call back about the complaint +2 h",
		"Quarterly satisfaction revisit", "every 90 d (tier A) → Quarterly satisfaction revisit same day"} {
		screentest.MustContain(t, out, want)
	}
}

// TestPlaybooksKeys drives every key of the help: moves, switching a rule
// off and on again (written to the book, said in the footer), reload.
func TestPlaybooksKeys(t *testing.T) {
	d := playbookBook(t)
	h, s := screentest.Open(t, d, 100, 24, New)
	h.Press("j", "j") // Complaint callback
	if s.rules[s.cur].Practice != model.PracticeComplaintCallback {
		t.Fatalf("cursor on %q", s.rules[s.cur].Name)
	}
	h.Press("space")
	if len(h.Changed) != 1 || !strings.Contains(h.Changed[0], "Complaint callback is off") {
		t.Fatalf("changed %v, status %q", h.Changed, h.Status())
	}
	p, err := d.FindPlaybook(context.Background(), "Complaint callback")
	if err != nil || p.Enabled {
		t.Fatalf("the book says %+v %v", p, err)
	}
	line := lineWith(t, h.Plain(), "Complaint callback")
	if !strings.Contains(line, "off") || s.rules[s.cur].ID != p.ID {
		t.Fatalf("row after switching off: %q (cursor on %q)", line, s.rules[s.cur].Name)
	}
	h.Press("o")
	if p, _ := d.FindPlaybook(context.Background(), "Complaint callback"); !p.Enabled {
		t.Fatal("o did not switch it back on")
	}
	h.Press("G")
	if s.cur != len(s.rules)-1 {
		t.Fatalf("G: cursor %d of %d", s.cur, len(s.rules))
	}
	h.Press("g", "k")
	if s.cur != 0 {
		t.Fatalf("g k: cursor %d", s.cur)
	}
	h.Press("e")
	if len(h.Requests) != 1 || h.Requests[0].Action != common.ActPlaybook || h.Requests[0].Sel.ItemID != s.rules[0].ID {
		t.Fatalf("e asked for %+v", h.Requests)
	}
	h.Press("r")
	if !s.loaded || s.err != nil || len(s.rules) != 7 {
		t.Fatalf("reload: %d rules, %v", len(s.rules), s.err)
	}
	for _, b := range s.ShortHelp() {
		if b.Help().Key == "" {
			t.Errorf("a footer key without help: %+v", b.Keys())
		}
	}
}

// TestPlaybooksFitsEverySize: exactly the height, no line wider.
func TestPlaybooksFitsEverySize(t *testing.T) {
	d := playbookBook(t)
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {120, 40}, {200, 60}} {
		h, s := screentest.Open(t, d, sz[0], sz[1], New)
		_ = h
		lines := strings.Split(s.View(), "\n")
		if len(lines) != sz[1]-screentest.AppChrome {
			t.Errorf("%v: %d lines", sz, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > sz[0] {
				t.Errorf("%v: line of %d cells: %q", sz, w, ansi.Strip(l))
			}
		}
	}
}

func lineWith(t *testing.T, out, text string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	t.Fatalf("no line with %q in\n%s", text, out)
	return ""
}

// TestPlaybooksInChinese: the screen speaks the reader's language.
func TestPlaybooksInChinese(t *testing.T) {
	d := playbookBook(t)
	c := screentest.CommonIn(t, d, i18n.New(i18n.Zh))
	h := screentest.InApp(t, New(c), 130, 24)
	out := h.Plain()
	for _, want := range []string{"跟进规则 · 自动安排跟进的规则 · 最近 90 天", "规则", "按时", "新增客户 → First revisit 3 天后", "每 90 天 (A 类)"} {
		screentest.MustContain(t, out, want)
	}
	h.Press("space")
	if !strings.Contains(h.Status(), "First revisit 已关闭（u 撤销）") {
		t.Fatalf("status %q", h.Status())
	}
}
