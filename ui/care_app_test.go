package ui

import (
	"bytes"
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/components/exteditor"
	"github.com/rapportcrm/rapport/ui/components/form"
)

// withEditor makes the app's $EDITOR a small script that writes out into
// the file it is given, run at once (no terminal to give away), and its
// terminal output a buffer; it returns the buffer.
func withEditor(t *testing.T, a *App, out string, env map[string]string) *bytes.Buffer {
	t.Helper()
	script := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '"+out+"' > \"$1\"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	var term bytes.Buffer
	a.c.Term, a.c.Exec = &term, exteditor.RunNow
	a.c.Getenv = func(k string) string {
		if k == "EDITOR" {
			return script
		}
		return env[k]
	}
	return &term
}

// osc52Text decodes the clipboard text of an OSC 52 sequence.
func osc52Text(t *testing.T, s string) string {
	t.Helper()
	i := strings.Index(s, "\x1b]52;c;")
	if i < 0 {
		t.Fatalf("no OSC 52 sequence in %q", s)
	}
	rest := s[i+len("\x1b]52;c;"):]
	end := strings.IndexAny(rest, "\x07\x1b")
	b, err := base64.StdEncoding.DecodeString(rest[:end])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMessageFromCareRow: on 王芳's birthday row, m opens the templates with
// the Chinese birthday one first, filled in; enter copies it with OSC 52 and
// asks; y opens the log form as an outbound message; saving logs it, the
// Care row goes, and u undoes the log.
func TestMessageFromCareRow(t *testing.T) {
	d, f := fixtureBook(t) // 2026-11-23
	ctx := context.Background()
	if err := d.Write(ctx, "care", func(tx *db.Tx) error {
		return tx.SetCareDay(f.Wang, 0, model.CareBirthday, "1985-11-24")
	}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, d, 110, 40)
	term := withEditor(t, a, "unused", nil)
	press(t, a, "1")
	mustContain(t, plain(a), "Care (1)")
	mustContain(t, plain(a), "birthday (41) · Tue 24 Nov")
	press(t, a, "G", "m")
	v := plain(a)
	mustContain(t, v, "Message for 王芳")
	mustContain(t, v, "› 生日祝福 · birthday")
	want := "王芳，祝您生日快乐，新的一岁万事顺意！"
	mustContain(t, v, want)
	press(t, a, "enter")
	if got := osc52Text(t, term.String()); got != want {
		t.Fatalf("copied %q, want %q", got, want)
	}
	mustContain(t, plain(a), "Copied. Sent it?")
	press(t, a, "y")
	fm := a.EditorForm()
	if fm == nil || fm.ID() != form.IDInteraction {
		t.Fatalf("no log form:\n%s", plain(a))
	}
	if fm.Value("kind") != "message" || fm.Value("direction") != "outbound" || fm.Value("summary") != "生日祝福" || fm.Value("body") != want {
		t.Fatalf("log form prefilled %q/%q/%q/%q", fm.Value("kind"), fm.Value("direction"), fm.Value("summary"), fm.Value("body"))
	}
	mustContain(t, plain(a), "Sent? Log the message")
	before := dumpTables(t, d, "interactions")
	press(t, a, "ctrl+s")
	if got := text(t, d, `SELECT kind || '|' || direction || '|' || body FROM interactions WHERE summary = '生日祝福'`); got != "message|outbound|"+want {
		t.Fatalf("logged %q", got)
	}
	press(t, a, "esc") // no next follow-up
	mustClose(t, a)
	mustContain(t, plain(a), "Care · none")
	press(t, a, "u")
	if got := dumpTables(t, d, "interactions"); got != before {
		t.Fatalf("undo left the log:\n%s", lineDiff(before, got))
	}
}

// TestMessageFromFollowupEditedInEditor: m on the overdue follow-up "Send
// quote", e writes the text in $EDITOR (a script), n after copying logs
// nothing; j moves to another template and fills it again; esc closes.
// Inside tmux the OSC 52 sequence is wrapped for tmux to pass on.
func TestMessageFromFollowupEditedInEditor(t *testing.T) {
	d, _ := fixtureBook(t)
	a := newTestApp(t, d, 110, 40)
	term := withEditor(t, a, "Edited for the quote", map[string]string{"TMUX": "/tmp/tmux-0/default,1,0"})
	press(t, a, "1", "m")
	v := plain(a)
	mustContain(t, v, "Message for 王芳 · Send quote")
	press(t, a, "e")
	mustContain(t, plain(a), "Edited for the quote")
	mustContain(t, plain(a), "edited · enter copies")
	n := count(t, d, `SELECT count(*) FROM interactions`)
	press(t, a, "c")
	if !strings.HasPrefix(term.String(), "\x1bPtmux;\x1b") {
		t.Errorf("inside tmux the sequence is not wrapped: %q", term.String())
	}
	if got := osc52Text(t, strings.ReplaceAll(term.String(), "\x1b\x1b", "\x1b")); got != "Edited for the quote" {
		t.Errorf("copied %q", got)
	}
	press(t, a, "n")
	mustClose(t, a)
	mustContain(t, a.Status(), "not logged")
	if count(t, d, `SELECT count(*) FROM interactions`) != n {
		t.Fatal("n logged something")
	}
	press(t, a, "m", "j")
	if strings.Contains(plain(a), "Edited for the quote") {
		t.Fatal("another template kept the edited text")
	}
	press(t, a, "esc")
	mustClose(t, a)
}

// TestCtrlEWritesLongTextInEditor: in the log form, ctrl+e on Details runs
// $EDITOR (a script writing two lines) and the field takes its text; the
// save keeps both lines. An editor that fails leaves the field as it was
// and says why; ctrl+e on a one-line field does nothing. The editor's
// answer also finds the form when it comes back unaddressed, as it does
// from the real program.
func TestCtrlEWritesLongTextInEditor(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 110, 40)
	withEditor(t, a, `First line\nsecond line`, nil)
	openDetailOf(t, a, f.Acme)
	fm := openForm(t, a, "i")
	press(t, a, "Long call", "ctrl+e")
	if fm := a.EditorForm(); fm.Value("summary") != "Long call" {
		t.Fatalf("ctrl+e on the summary changed it: %q", fm.Value("summary"))
	}
	for fm.Focused() != "body" {
		press(t, a, "tab")
		fm = a.EditorForm()
	}
	mustContain(t, plain(a), "ctrl+e")
	press(t, a, "ctrl+e")
	if got := a.EditorForm().Value("body"); got != "First line\nsecond line" {
		t.Fatalf("body after $EDITOR = %q", got)
	}
	a.Update(exteditor.DoneMsg{ID: form.IDInteraction + "/body", Text: "Straight from the program"})
	if got := a.EditorForm().Value("body"); got != "Straight from the program" {
		t.Fatalf("unaddressed answer: body = %q", got)
	}
	a.c.Getenv = func(k string) string {
		if k == "EDITOR" {
			return "/nonexistent/editor"
		}
		return ""
	}
	press(t, a, "ctrl+e")
	if got := a.EditorForm().Value("body"); got != "Straight from the program" {
		t.Fatalf("a failed editor changed the body to %q", got)
	}
	mustContain(t, plain(a), "cannot run the editor")
	press(t, a, "ctrl+s")
	if got := text(t, d, `SELECT body FROM interactions WHERE summary = 'Long call'`); got != "Straight from the program" {
		t.Fatalf("saved body %q", got)
	}
}

// TestCareDatesInTheCustomerForm: e on a customer shows its birthday and
// anniversary; a date typed there is saved with the customer in one
// command (u undoes both), a bad one stays beside its field, and clearing
// the field removes the date.
func TestCareDatesInTheCustomerForm(t *testing.T) {
	d, f := fixtureBook(t)
	ctx := context.Background()
	a := newTestApp(t, d, 110, 40)
	filterTo(t, a, "Acme Ltd")
	fm := openForm(t, a, "e")
	for fm.Focused() != "birthday" {
		press(t, a, "tab")
		fm = a.EditorForm()
	}
	press(t, a, "1980-02-30", "tab", "2019-06-01", "ctrl+s")
	if fm = a.EditorForm(); fm == nil || !strings.Contains(fm.FieldError("birthday"), "not a calendar date") {
		t.Fatalf("a bad birthday was not refused beside its field:\n%s", plain(a))
	}
	if day, _ := d.CareDay(ctx, f.Acme, 0, model.CareAnniversary); day != "" {
		t.Fatalf("a refused form saved the anniversary %q", day)
	}
	if fm.Focused() != "birthday" { // the refused field has the focus
		t.Fatalf("focus on %q after the refusal", fm.Focused())
	}
	clearField(t, a)
	press(t, a, "11-25", "ctrl+s")
	mustClose(t, a)
	if day, _ := d.CareDay(ctx, f.Acme, 0, model.CareBirthday); day != "--11-25" {
		t.Fatalf("birthday saved as %q", day)
	}
	if day, _ := d.CareDay(ctx, f.Acme, 0, model.CareAnniversary); day != "2019-06-01" {
		t.Fatalf("anniversary saved as %q", day)
	}
	fm = openForm(t, a, "e")
	if fm.Value("birthday") != "11-25" || fm.Value("anniversary") != "2019-06-01" {
		t.Fatalf("the form reopens with %q / %q", fm.Value("birthday"), fm.Value("anniversary"))
	}
	for fm.Focused() != "anniversary" {
		press(t, a, "tab")
		fm = a.EditorForm()
	}
	clearField(t, a)
	press(t, a, "ctrl+s")
	mustClose(t, a)
	if day, _ := d.CareDay(ctx, f.Acme, 0, model.CareAnniversary); day != "" {
		t.Fatalf("a cleared anniversary stayed %q", day)
	}
	press(t, a, "u")
	if day, _ := d.CareDay(ctx, f.Acme, 0, model.CareAnniversary); day != "2019-06-01" {
		t.Fatalf("undo did not bring the anniversary back: %q", day)
	}
}

// TestBirthdayInTheContactForm: c in the 360 adds a contact with its
// birthday in one command.
func TestBirthdayInTheContactForm(t *testing.T) {
	d, f := fixtureBook(t)
	a := newTestApp(t, d, 110, 40)
	openDetailOf(t, a, f.Acme)
	fm := openForm(t, a, "c")
	press(t, a, "Jane Doe")
	for fm.Focused() != "birthday" {
		press(t, a, "tab")
		fm = a.EditorForm()
	}
	press(t, a, "1980-11-25", "ctrl+s")
	mustClose(t, a)
	id := int64(count(t, d, `SELECT id FROM contacts WHERE name = 'Jane Doe'`))
	if day, _ := d.CareDay(context.Background(), f.Acme, id, model.CareBirthday); day != "1980-11-25" {
		t.Fatalf("contact birthday %q", day)
	}
}
