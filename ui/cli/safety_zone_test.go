package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBookTimeZone (issue 27 item 5a): the book has one time zone, recorded
// when it is created, so a process in another zone dates its days the same
// (check agrees with what was stored); `config timezone` moves the book to
// another zone and recomputes.
func TestBookTimeZone(t *testing.T) {
	bin := safetyBinary(t)
	book := filepath.Join(t.TempDir(), "book.db")
	// 20:00 UTC on the 23rd is 04:00 on the 24th in Shanghai.
	utc := []string{"TZ=UTC", "RAPPORT_NOW=2026-11-23T20:00:00Z", "RAPPORT_TODAY="}
	shanghai := []string{"TZ=Asia/Shanghai", "RAPPORT_NOW=2026-11-23T20:00:00Z", "RAPPORT_TODAY="}
	for _, v := range [][]string{
		{"add", "customer", "Acme"},
		{"log", "Acme", "call", "--next", "2026-11-24"},
		{"add", "customer", "Beta"},
		{"log", "Beta", "call", "--next", "2026-11-23"},
	} {
		if r := runBin(t, bin, utc, append([]string{"--db", book}, v...)...); r.code != 0 {
			t.Fatalf("%v: %+v", v, r)
		}
	}
	if r := runBin(t, bin, utc, "--db", book, "config", "timezone"); r.code != 0 || !strings.Contains(r.stdout, "UTC") {
		t.Fatalf("the new book did not record its zone: %+v", r)
	}
	// A shell in Shanghai: same days, check agrees with the stored stats.
	if r := runBin(t, bin, shanghai, "--db", book, "check"); r.code != 0 {
		t.Fatalf("check from another zone: %+v", r)
	}
	r := runBin(t, bin, shanghai, "--db", book, "today")
	if r.code != 0 || strings.Contains(r.stdout, "Acme") {
		t.Errorf("in the book's zone (UTC) Acme's follow-up is due tomorrow, not today: %+v", r)
	}
	// Move the book to Shanghai: now it is the 24th, Acme is due today.
	if r := runBin(t, bin, utc, "--db", book, "config", "timezone", "Asia/Shanghai"); r.code != 0 {
		t.Fatalf("config timezone: %+v", r)
	}
	for _, env := range [][]string{utc, shanghai} {
		if r := runBin(t, bin, env, "--db", book, "check"); r.code != 0 {
			t.Fatalf("check after the move (%s): %+v", env[0], r)
		}
		if r := runBin(t, bin, env, "--db", book, "today"); r.code != 0 || !strings.Contains(r.stdout, "Acme") {
			t.Errorf("after the move (%s) Acme is due today: %+v", env[0], r)
		}
	}
	if r := runBin(t, bin, utc, "--db", book, "config", "timezone", "Mars/Olympus"); r.code == 0 || !strings.Contains(r.stderr, "time zone") {
		t.Errorf("an unknown zone was accepted: %+v", r)
	}
}
