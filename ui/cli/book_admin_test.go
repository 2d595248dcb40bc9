package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
)

// Read verbs never create a database: they exit 1, say how to start, and
// leave no file behind. So do verbs that need an existing row.
func TestBookMissingDatabase(t *testing.T) {
	for _, args := range [][]string{
		{"today"}, {"today", "--json"}, {"list"}, {"show", "Acme"}, {"deal", "list"}, {"stages"}, {"check"}, {"config"}, {"config", "currency"},
		{"log", "Acme", "hi"}, {"done", "1"}, {"undo"}, {"redo"}, {"archive", "customer", "1"}, {"purge", "--archived-before", "today", "--yes"},
	} {
		b := newBook(t)
		r := b.expect(ExitFailed, "rapport demo", args...)
		if !strings.Contains(r.stderr, "rapport import csv") || !strings.Contains(r.stderr, b.path) {
			t.Errorf("%q: message does not say how to start: %q", args, r.stderr)
		}
		if b.exists() {
			t.Errorf("%q created the database", args)
		}
	}
	// version works without a book.
	b := newBook(t)
	out := b.must("version")
	if !strings.Contains(out, "rapport ") || !strings.Contains(out, "SQLite 3.") || !strings.Contains(out, "schema ") {
		t.Fatalf("version output %q", out)
	}
	if b.exists() {
		t.Fatal("version created the database")
	}
	// Write verbs that make something new create it.
	b.must("config", "date_order", "dmy")
	if !b.exists() {
		t.Fatal("config KEY VALUE did not create the database")
	}
}

func TestBookArchiveRestorePurge(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "Acme Ltd")
	b.must("add", "customer", "Keep Co")
	b.must("log", "Keep", "called")
	if out := b.must("archive", "customer", "Acme"); out != "customer 1 archived\n" {
		t.Fatalf("archive output %q", out)
	}
	if strings.Contains(b.must("list"), "Acme") {
		t.Fatal("archived customer listed")
	}
	b.expect(ExitFailed, "already archived", "archive", "customer", "1")
	b.must("restore", "customer", "1")
	if !strings.Contains(b.must("list"), "Acme") {
		t.Fatal("restored customer not listed")
	}
	b.must("archive", "interaction", "1")
	b.expect(ExitUsage, "not a kind", "archive", "planet", "1")
	b.expect(ExitUsage, "not a interaction id", "archive", "interaction", "x")
	b.must("archive", "customer", "1")
	b.days(10)

	before := b.counts()
	r := b.runIn("", "purge", "--archived-before", "today")
	if r.code != ExitFailed || !strings.Contains(r.stderr, "nothing was removed") {
		t.Fatalf("purge without an answer: %d %q", r.code, r.stderr)
	}
	r = b.runIn("n\n", "purge", "--archived-before", "today")
	if r.code != ExitFailed {
		t.Fatalf("purge answered n: %d", r.code)
	}
	b.unchanged(before, "refused purge")
	b.expect(ExitUsage, "--archived-before DATE is required", "purge")
	b.expect(ExitUsage, "--archived-before:", "purge", "--archived-before", "long ago")

	r = b.runIn("y\n", "purge", "--archived-before", "today")
	if r.code != ExitOK || r.stdout != "purged: 1 customers, 1 interactions\n" {
		t.Fatalf("purge: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if c := b.counts(); c["customers"] != 1 || c["interactions"] != 0 {
		t.Fatalf("after purge %v", c)
	}
	if out := b.must("purge", "--archived-before", "today", "--yes"); out != "nothing was archived before 2026-11-30\n" {
		t.Fatalf("second purge %q", out)
	}
	b.expect(ExitFailed, "nothing to undo", "undo")
}

func TestBookUndoRedo(t *testing.T) {
	b := newBook(t)
	b.expect(ExitFailed, "rapport demo", "undo")
	b.must("add", "customer", "Acme Ltd")
	if out := b.must("undo"); out != "undone: add customer Acme Ltd\n" {
		t.Fatalf("undo %q", out)
	}
	b.expect(ExitFailed, "nothing to undo", "undo")
	if out := b.must("redo"); out != "redone: add customer Acme Ltd\n" {
		t.Fatalf("redo %q", out)
	}
	b.expect(ExitFailed, "nothing to redo", "redo")
	b.expect(ExitUsage, "too many arguments", "undo", "2")
}

func TestBookConfig(t *testing.T) {
	b := newBook(t)
	b.rulesOff() // the default playbook rules would add follow-ups of their own
	b.must("add", "customer", "Acme")
	all := b.must("config")
	for _, want := range []string{"currency", "USD", "cadence.A", "14", "risk.silence", "20,30,40,50", "rhythm", "computed: 30"} {
		if !strings.Contains(all, want) {
			t.Errorf("config lacks %q:\n%s", want, all)
		}
	}
	if out := b.must("config", "cadence.A", "21"); out != "cadence.A = 21\n" {
		t.Fatalf("set %q", out)
	}
	if out := b.must("config", "cadence.A"); out != "21\n" {
		t.Fatalf("get %q", out)
	}
	before := b.counts()
	b.expect(ExitUsage, "not a setting", "config", "colour", "blue")
	b.expect(ExitUsage, "not a setting", "config", "colour")
	b.expect(ExitUsage, "whole number", "config", "cadence.A", "-1")
	b.expect(ExitUsage, "currency code", "config", "currency", "dollars")
	b.unchanged(before, "refused config")
	// Dates follow the date order.
	b.must("config", "date_order", "dmy")
	if out := b.must("follow", "Acme", "x", "--due", "05/12"); out != "follow-up 1 created: x, due 2026-12-05\n" {
		t.Fatalf("dmy date %q", out)
	}
}

func TestBookCheckAndVersion(t *testing.T) {
	b := triageBook(t)
	out := b.must("check")
	for _, want := range []string{"integrity:    ok", "foreign keys: 0", "stats:        match", "customers 3", "\nok\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	d := b.open()
	if _, err := d.Reader().Exec("SELECT 1"); err != nil {
		t.Fatal(err)
	}
	d.Close()
	out = b.must("version")
	sv := fmt.Sprint(db.SchemaVersion())
	if !strings.Contains(out, "schema "+sv+" (") || !strings.Contains(out, ": "+sv+")") {
		t.Fatalf("version %q", out)
	}
}

// Every verb and sub-command answers --help on stdout with exit 0.
func TestBookHelpEverywhere(t *testing.T) {
	b := newBook(t)
	var lines [][]string
	for name := range bookVerbs() {
		lines = append(lines, []string{name, "--help"})
		for _, u := range subUsage(name) {
			w := strings.Fields(u)
			if len(w) > 1 && !strings.HasPrefix(w[1], "[") && strings.ToLower(w[1]) == w[1] {
				lines = append(lines, []string{w[0], w[1], "--help"})
			}
		}
	}
	lines = append(lines, []string{"log", "Acme", "x", "-h"})
	for _, args := range lines {
		r := b.run(args...)
		if r.code != ExitOK || !strings.HasPrefix(r.stdout, "usage:") || r.stderr != "" {
			t.Errorf("%q: exit %d stdout %q stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	if b.exists() {
		t.Fatal("--help created the database")
	}
	if r := b.run("deal"); r.code != ExitUsage || !strings.Contains(r.stderr, "deal move ID STAGE") {
		t.Fatalf("deal alone: %d %q", r.code, r.stderr)
	}
}
