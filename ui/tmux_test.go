package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/db/demo"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/internal/tmuxtest"
)

func TestTmuxBinary(t *testing.T) {
	tmuxtest.Available(t)
	dir := t.TempDir()
	bin := tmuxtest.Build(t)
	path := filepath.Join(dir, "book.db")
	d, err := db.Open(context.Background(), path, db.Options{Now: func() time.Time { return fixtureNow }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(context.Background(), d, demo.Options{Customers: 300, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	tr, err := d.Triage(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	list, err := d.ListCustomers(context.Background(), db.CustomerQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	name := common.Clean(list[0].Name)
	summary := tr.Counts.Summary()
	t.Run("zh_CN.UTF-8", func(t *testing.T) {
		// Under a Chinese locale the app speaks Chinese: tabs, summary,
		// filter, help, the too-small notice; q quits.
		zh := strings.Join(summaryParts(i18n.New(i18n.Zh), tr.Counts), " · ")
		s := tmuxtest.Start(t, 100, 30, []string{"LANG=zh_CN.UTF-8", "TERM=xterm-256color", "RAPPORT_NOW=" + fixtureNow.Format(time.RFC3339)}, bin, "--db", path)
		s.WaitFor(zh, "›1 今日", "2 客户", "3 商机", "4 报表", "? 帮助", "q 退出", "逾期（", "待联系（")
		s.Keys("2")
		s.WaitFor("›2 客户", "排序：风险", "上次联系")
		s.Keys("/")
		s.Text(name)
		s.WaitFor("/ " + name)
		s.Keys("Enter")
		s.Keys("?")
		help := s.WaitFor("按键 — ", "关闭", "退出", "撤销", "下一屏")
		if strings.Contains(help, "next screen") || strings.Contains(help, "undo") {
			t.Errorf("the help under zh_CN still says English:\n%s", help)
		}
		s.Keys("Escape")
		s.WaitUntil("the help to close", func(screen string) bool { return !strings.Contains(screen, "按键 — ") })
		s.Resize(40, 12)
		small := s.WaitFor("›2 客户")
		for _, l := range strings.Split(small, "\n") {
			if w := lipgloss.Width(l); w > 40 {
				t.Errorf("a line of %d cells at 40×12: %q", w, l)
			}
		}
		s.Resize(30, 10)
		s.WaitFor("窗口太小")
		s.Resize(100, 30)
		s.WaitFor(zh)
		s.Keys("1")
		s.WaitFor("›1 今日")
		s.Keys("q")
		s.WaitGone()
	})
	for _, lang := range []string{"C.UTF-8"} {
		t.Run(lang, func(t *testing.T) {
			s := tmuxtest.Start(t, 100, 30, []string{"LANG=" + lang, "TERM=xterm-256color", "RAPPORT_NOW=" + fixtureNow.Format(time.RFC3339)}, bin, "--db", path)
			s.WaitFor(summary, "Overdue follow-ups")
			s.Keys("2")
			s.WaitFor("sort: risk", "Contacted")
			s.Keys("/")
			s.Text(name)
			s.WaitFor("/ "+name, "1/")
			s.Keys("Enter")
			s.Keys("?")
			s.WaitFor("Keys — ? or esc closes")
			s.Keys("Escape")
			s.WaitFor("sort: risk")
			s.Resize(40, 12)
			small := s.WaitFor("Name")
			if strings.Contains(small, "window too small") {
				t.Fatalf("40×12 should still draw the app:\n%s", small)
			}
			s.Resize(30, 10)
			s.WaitFor("window too small")
			s.Resize(100, 30)
			s.WaitFor(summary, "sort: risk")
			s.Keys("1")
			s.WaitFor("Overdue follow-ups")
			s.Keys("q")
			s.WaitGone()
		})
	}
}

// TestTmuxLogUndoArchive drives the built binary: log a call with the next
// follow-up 明天, quit, start again the next day and find it due today; undo
// it; archive a customer and restore it.
func TestTmuxLogUndoArchive(t *testing.T) {
	tmuxtest.Available(t)
	dir := t.TempDir()
	bin := tmuxtest.Build(t)
	path := filepath.Join(dir, "book.db")
	ctx := context.Background()
	d, err := db.Open(ctx, path, db.Options{Now: func() time.Time { return fixtureNow }})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []model.Customer{{Name: "Acme Ltd", Tier: model.TierB}, {Name: "Zeta Corp"}} {
		if _, err := d.CreateCustomer(ctx, &c, nil); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	env := func(clock string) []string { return []string{"LANG=C.UTF-8", "TZ=UTC", "TERM=xterm-256color", clock} }

	// Day one: log a call on Acme, next follow-up 明天.
	s := tmuxtest.Start(t, 100, 30, env("RAPPORT_NOW="+fixtureNow.Format(time.RFC3339)), bin, "--db", path)
	s.WaitFor("sort: risk", "Acme Ltd")
	s.Keys("/")
	s.Text("Acme")
	s.Keys("Enter")
	s.WaitFor("/ Acme", "1/1")
	s.Keys("i")
	s.WaitFor("Log an interaction", "Summary")
	s.Text("Called about the renewal")
	s.Keys("C-s")
	s.WaitFor("Schedule the next follow-up?", "Logged call with Acme Ltd")
	s.Keys("C-a", "C-k")
	s.Text("明天")
	s.WaitFor("(tomorrow)")
	s.Keys("Enter")
	s.WaitFor("Follow-up \"Follow up: Called about the renewal\" due")
	s.Keys("q")
	s.WaitGone()

	// Day two: it is due today (the app opens on Today); u takes it back.
	s.Restart(100, 30, env("RAPPORT_TODAY=2026-11-24"), bin, "--db", path)
	day2 := s.WaitFor("1 due today", "Due today (1)", "· today", "Follow up: Called about the renewal")
	if strings.Index(day2, "Follow up:") < strings.Index(day2, "Due today") || strings.Index(day2, "Follow up:") > strings.Index(day2, "At risk") {
		t.Fatalf("the follow-up is not in the Due today section:\n%s", day2)
	}
	// The change was made by yesterday's run: the first u names it and
	// asks, the second undoes it.
	s.Keys("u")
	s.WaitFor(`The last change, "schedule next follow-up with Acme Ltd", was made elsewhere`)
	s.Keys("u")
	undone := s.WaitFor("Undone: schedule next follow-up with Acme Ltd", "Due today · none", "0 due today")
	if strings.Contains(undone, "Follow up: Called") {
		t.Fatalf("u left the follow-up on Today:\n%s", undone)
	}

	// Archive Zeta Corp (D asks), then list archived customers and restore it.
	s.Keys("2")
	s.WaitFor("sort: risk")
	s.Keys("/")
	s.Text("Zeta")
	s.Keys("Enter")
	s.WaitFor("/ Zeta", "1/1")
	s.Keys("D")
	s.WaitFor(`Archive customer "Zeta Corp"?`)
	s.Keys("y")
	s.WaitFor(`Archived customer "Zeta Corp"`, "0 customers")
	s.Keys("/", "C-a", "C-k")
	s.Text("archived:yes")
	s.Keys("Enter")
	s.WaitFor("/ archived:yes", "Zeta Corp", "archived")
	s.Keys("R")
	s.WaitFor(`Restored customer "Zeta Corp"`, "0 customers")
	s.Keys("q")
	s.WaitGone()

	d, err = db.Open(ctx, path, db.Options{Now: func() time.Time { return fixtureNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var archived, followups, logged int
	r := d.Reader()
	r.QueryRowContext(ctx, `SELECT count(*) FROM customers WHERE archived_at IS NOT NULL`).Scan(&archived)
	r.QueryRowContext(ctx, `SELECT count(*) FROM followups WHERE playbook_id IS NULL`).Scan(&followups) // not the rules' first revisits
	r.QueryRowContext(ctx, `SELECT count(*) FROM interactions WHERE summary = 'Called about the renewal'`).Scan(&logged)
	if archived != 0 || followups != 0 || logged != 1 {
		t.Fatalf("file: %d archived, %d follow-ups, %d logged", archived, followups, logged)
	}
}
