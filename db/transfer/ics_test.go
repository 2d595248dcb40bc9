package transfer

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/model"
)

// icsComponent is a parsed iCalendar component: its properties (name →
// values, after unfolding and unescaping) and children.
type icsComponent struct {
	name     string
	props    map[string][]string
	params   map[string]string // name → raw parameter text of the first occurrence
	children []*icsComponent
}

// parseICS is a strict RFC 5545 reader for the test: CRLF line ends only,
// content lines of at most 75 octets, folding by CRLF + one space or tab,
// balanced BEGIN/END, and TEXT unescaping of \\ \; \, \n.
func parseICS(t *testing.T, raw []byte) *icsComponent {
	t.Helper()
	s := string(raw)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("the file must end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var lines []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF", i+1)
		}
		if len(l) > 75 {
			t.Fatalf("line %d is %d octets long: %q", i+1, len(l), l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				t.Fatal("continuation before any line")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	root := &icsComponent{name: "ROOT"}
	stack := []*icsComponent{root}
	for _, l := range lines {
		head, val, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("not a content line: %q", l)
		}
		name, params, _ := strings.Cut(head, ";")
		top := stack[len(stack)-1]
		switch name {
		case "BEGIN":
			c := &icsComponent{name: val, props: map[string][]string{}, params: map[string]string{}}
			top.children = append(top.children, c)
			stack = append(stack, c)
		case "END":
			if top.name != val {
				t.Fatalf("END:%s closes %s", val, top.name)
			}
			stack = stack[:len(stack)-1]
		default:
			if _, seen := top.params[name]; !seen {
				top.params[name] = params
			}
			top.props[name] = append(top.props[name], icsUnescape(t, val))
		}
	}
	if len(stack) != 1 || len(root.children) != 1 || root.children[0].name != "VCALENDAR" {
		t.Fatal("the file must be exactly one balanced VCALENDAR")
	}
	return root.children[0]
}

func icsUnescape(t *testing.T, v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' {
			b.WriteByte(v[i])
			continue
		}
		i++
		if i == len(v) {
			t.Fatalf("dangling backslash in %q", v)
		}
		switch v[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ';', ',':
			b.WriteByte(v[i])
		default:
			t.Fatalf("bad escape \\%c in %q", v[i], v)
		}
	}
	return b.String()
}

func TestExportICS(t *testing.T) {
	ctx := context.Background()
	d := openBook(t)
	// The default playbook rules would add first revisits to the two
	// follow-ups this test counts.
	ps, err := d.Playbooks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if _, err := d.SetPlaybookEnabled(ctx, p.ID, false); err != nil {
			t.Fatal(err)
		}
	}
	sampleBook(t, d)
	var buf bytes.Buffer
	n, err := ExportICS(ctx, d, &buf)
	if err != nil || n != 2 {
		t.Fatalf("export: %d %v", n, err)
	}
	cal := parseICS(t, buf.Bytes())
	if cal.props["VERSION"][0] != "2.0" || cal.props["PRODID"] == nil {
		t.Fatalf("calendar props %v", cal.props)
	}
	var todos, events []*icsComponent
	for _, c := range cal.children {
		switch c.name {
		case "VTODO":
			todos = append(todos, c)
		case "VEVENT":
			events = append(events, c)
		}
		for _, req := range []string{"UID", "DTSTAMP"} {
			if len(c.props[req]) != 1 {
				t.Errorf("%s without exactly one %s", c.name, req)
			}
		}
	}
	if len(todos) != 2 || len(events) != 1 {
		t.Fatalf("%d to-dos, %d events", len(todos), len(events))
	}
	today := model.DayOf(fixedNow())
	// Ordered by due date: the overdue one (no time) first.
	if todos[0].params["DUE"] != "VALUE=DATE" || todos[0].props["DUE"][0] != today.AddDays(-2).UTC().Format("20060102") {
		t.Errorf("date-only DUE: %v %v", todos[0].params["DUE"], todos[0].props["DUE"])
	}
	if got := todos[0].props["SUMMARY"][0]; got != `Check, then call — =HYPERLINK("http://x")` {
		t.Errorf("summary with a comma: %q", got)
	}
	at := today.AddDays(3).In(time.Local).Add(14*time.Hour + 30*time.Minute).UTC().Format("20060102T150405Z")
	if todos[1].props["DUE"][0] != at || events[0].props["DTSTART"][0] != at {
		t.Errorf("timed follow-up: DUE %v DTSTART %v, want %s", todos[1].props["DUE"], events[0].props["DTSTART"], at)
	}
	if s := todos[1].props["SUMMARY"][0]; !strings.HasPrefix(s, "Send the revised quote, with the discount; Send") || !strings.HasSuffix(s, " — 王芳") {
		t.Errorf("long folded summary with ; and , and CJK: %q", s)
	}
	if !strings.Contains(todos[1].props["DESCRIPTION"][0], "星海, 贸易; 有限公司") {
		t.Errorf("description: %q", todos[1].props["DESCRIPTION"])
	}
}

func TestEscapeAndFold(t *testing.T) {
	if got := escapeText("a\\b;c,d\ne\r"); got != `a\\b\;c\,d\ne` {
		t.Errorf("escapeText = %q", got)
	}
	var buf bytes.Buffer
	cw := &contentWriter{w: bufioWriter(&buf)}
	cw.line("SUMMARY:" + strings.Repeat("王", 40))
	cw.w.Flush()
	for _, l := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
		if len(l) > 75 || !utf8Valid(l) {
			t.Errorf("fold broke a character or the limit: %q", l)
		}
	}
}
