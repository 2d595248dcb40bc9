package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/mattn/go-runewidth"
	"github.com/rapportcrm/rapport/model/i18n"
)

// langBook is a small demo book (300 customers) the language tests read.
type langBook struct {
	t    *testing.T
	path string
	now  time.Time
}

func newLangBook(t *testing.T) *langBook {
	t.Helper()
	lb := &langBook{t: t, path: filepath.Join(t.TempDir(), "demo.db"), now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))}
	if r := lb.run(i18n.En, "demo", "--customers", "300", "--generate-only"); r.code != ExitOK {
		t.Fatalf("demo: exit %d\n%s", r.code, r.stderr)
	}
	return lb
}

// run runs a command line as main would with --lang flag ("" = none) and
// an English locale.
func (lb *langBook) run(flag i18n.Lang, args ...string) bookResult {
	return lb.runLocale(flag, i18n.En, args...)
}

func (lb *langBook) runLocale(flag, locale i18n.Lang, args ...string) bookResult {
	lb.t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, DBPath: lb.path, DemoPath: lb.path,
		DBFromFlag: true, Now: func() time.Time { return lb.now }, Lang: i18n.NewChoice(flag, locale)}
	code := Run(e, args)
	return bookResult{code, out.String(), errb.String()}
}

// TestJSONIsTheSameInEveryLanguage: --json output, exit codes and the
// reason codes in it do not depend on the language.
func TestJSONIsTheSameInEveryLanguage(t *testing.T) {
	lb := newLangBook(t)
	id := firstAtRisk(t, lb)
	for _, args := range [][]string{
		{"today", "--json"},
		{"today", "--json", "--exit-code"},
		{"list", "--json", "--limit", "40"},
		{"list", "--json", "--at-risk", "--sort", "name"},
		{"show", id, "--json"},
		{"deal", "list", "--json", "--all"},
		{"stages", "--json"},
		{"report", "--json"},
		{"report", "--json", "--period", "2026-01..2026-06"},
		{"goal", "list", "--json"},
		{"risk", "refit", "--json"},
		{"import", "csv", filepath.Join(t.TempDir(), "missing.csv"), "--json"},
		{"show", "999999", "--json"},
		{"today", "--json", "--bogus"},
	} {
		en, zh := lb.run(i18n.En, args...), lb.run(i18n.Zh, args...)
		if en.code != zh.code {
			t.Errorf("%q: exit %d in English, %d in Chinese", args, en.code, zh.code)
		}
		if en.stdout != zh.stdout {
			t.Errorf("%q: the JSON differs between the languages:\nen: %.300s\nzh: %.300s", args, en.stdout, zh.stdout)
		}
		if en.code == ExitOK && !strings.HasPrefix(strings.TrimSpace(en.stdout), "{") && !strings.HasPrefix(strings.TrimSpace(en.stdout), "[") {
			t.Errorf("%q printed no JSON: %.200s", args, en.stdout)
		}
	}
	if r := lb.run(i18n.Zh, "today", "--json"); !strings.Contains(r.stdout, `"code": "`) || strings.Contains(r.stdout, "逾期") {
		t.Errorf("today --json in Chinese has no reason codes or Chinese words:\n%.400s", r.stdout)
	}
}

// firstAtRisk is the id of the first customer at risk in the book.
func firstAtRisk(t *testing.T, lb *langBook) string {
	t.Helper()
	r := lb.run(i18n.En, "list", "--at-risk", "--limit", "1")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != ExitOK || len(lines) < 2 {
		t.Fatalf("list --at-risk: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return strings.Fields(lines[1])[0]
}

// TestVerbsSpeakChinese runs verbs under a Chinese printer: their text,
// refusals and help are Chinese, command and flag names stay English, and
// the columns stay aligned by display width.
func TestVerbsSpeakChinese(t *testing.T) {
	lb := newLangBook(t)
	id := firstAtRisk(t, lb)
	checks := []struct {
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{[]string{"today"}, ExitOK, []string{"2026-11-20 周五 — ", " 项逾期 · ", "今日到期", "流失风险客户（", "停滞商机（", "待联系（", "天未联系（每", "A 类"}, nil},
		{[]string{"show", id}, ExitOK, []string{"风险：", "⚠ 流失风险", "待办跟进（", "互动记录（显示 ", "收入：近365天", "上次联系"}, nil},
		{[]string{"report"}, ExitOK, []string{"销售漏斗", "赢单率", "销售周期", "留存率", "流失率", "复购率", "流失风险"}, nil},
		{[]string{"report", "--period", "someday"}, ExitUsage, nil, []string{"rapport report：", "用法：rapport report"}},
		{[]string{"list", "--limit", "5"}, ExitOK, []string{"编号", "姓名", "上次联系", "流失风险", "天前"}, nil},
		{[]string{"deal", "list"}, ExitOK, []string{"阶段", "预计成交"}, nil},
		{[]string{"stages"}, ExitOK, []string{"赢单概率", "进行中", "赢单", "输单"}, nil},
		{[]string{"check"}, ExitOK, []string{"完整性：", "外键：", "与重新计算一致", "正常"}, nil},
		{[]string{"config"}, ExitOK, []string{"客户库的币种", "rapport 使用的语言"}, nil},
		{[]string{"goal", "list"}, ExitOK, []string{"11月 ", "，目标 ", "剩 10 天", "预计 ", "收入"}, nil},
		{[]string{"show", "999999"}, ExitFailed, nil, []string{"rapport show：", "可用 rapport list"}},
		{[]string{"today", "--bogus"}, ExitUsage, nil, []string{"rapport today：未知选项 --bogus", "用法：rapport today"}},
		{[]string{"done", "abc"}, ExitUsage, nil, []string{"rapport done：\"abc\" 不是跟进编号"}},
		{[]string{"follow", id, "Call", "--due", "someday"}, ExitUsage, nil, []string{"rapport follow：--due"}},
		{[]string{"order", id, "lots"}, ExitUsage, nil, []string{"rapport order：金额："}},
		{[]string{"frobnicate"}, ExitUsage, nil, []string{"不是命令"}},
		{[]string{"today", "--help"}, ExitOK, []string{"用法：rapport today", "今日待办", "选项：", "--json", "--exit-code", "显示本帮助"}, nil},
		{[]string{"config", "--help"}, ExitOK, []string{"用法：rapport config", "  lang ", "rapport 使用的语言"}, nil},
		{[]string{"deal"}, ExitUsage, nil, []string{"用法：", "rapport deal move ID STAGE", "每个命令都可加 --help"}},
		{nil, ExitUsage, nil, []string{"用法：rapport [--db PATH] [--lang zh|en|auto]", "命令：", "今日待办：逾期", "退出码"}},
	}
	for _, c := range checks {
		r := lb.run(i18n.Zh, c.args...)
		if r.code != c.code {
			t.Errorf("%q: exit %d, want %d\n%s%s", c.args, r.code, c.code, r.stdout, r.stderr)
			continue
		}
		for _, w := range c.stdout {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%q: stdout lacks %q:\n%.1500s", c.args, w, r.stdout)
			}
		}
		for _, w := range c.stderr {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%q: stderr lacks %q:\n%s", c.args, w, r.stderr)
			}
		}
	}
	today := lb.run(i18n.Zh, "today").stdout
	assertAligned(t, section(today, "逾期（"), "! 逾期")
	assertAligned(t, section(today, "待联系（"), "类")
	list := lb.run(i18n.Zh, "list", "--at-risk", "--limit", "20").stdout
	assertAligned(t, strings.Split(strings.TrimSpace(list), "\n")[1:], "⚠ ")
}

// TestVerbsStayEnglish: the same verbs under an English printer say what
// they said before the catalog (the other tests pin the rest).
func TestVerbsStayEnglish(t *testing.T) {
	lb := newLangBook(t)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"today"}, []string{"Fri 2026-11-20 — ", " overdue · ", "Overdue follow-ups (", "At risk customers (", "Due for a touch (", "d since contact (every "}},
		{[]string{"today", "--help"}, []string{"usage: rapport today [--json] [--exit-code]", "\nflags:\n", "  --help       show this help"}},
		{[]string{"today", "--bogus"}, []string{"rapport today: unknown flag --bogus\nusage: rapport today [--json] [--exit-code] (rapport today --help for more)\n"}},
		{[]string{"check"}, []string{"file:         ", "foreign keys: 0 problem(s)\n", "stats:        match a recompute\n"}},
		{nil, []string{"Usage: rapport [--db PATH] [--lang zh|en|auto] [COMMAND] [ARGS]", "  --lang L    the language"}},
	} {
		r := lb.run("", c.args...)
		all := r.stdout + r.stderr
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("%q lacks %q:\n%.1200s", c.args, w, all)
			}
		}
		if c.args != nil && c.args[len(c.args)-1] != "today" && hasHan(all) {
			t.Errorf("%q has Chinese in English:\n%s", c.args, all)
		}
	}
}

// TestConfigLang: rapport config lang zh|en|auto is listed, shown and
// holds from the next command on (its --help too); --lang overrides it.
func TestConfigLang(t *testing.T) {
	lb := newLangBook(t)
	if r := lb.run("", "config", "lang"); r.code != ExitOK || r.stdout != "auto\n" {
		t.Fatalf("config lang before: exit %d %q", r.code, r.stdout)
	}
	r := lb.run("", "config", "lang", "zh")
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "lang = zh\n") || !strings.Contains(r.stdout, "从下一条命令起 rapport 使用中文") {
		t.Fatalf("config lang zh: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := lb.run("", "today"); !strings.Contains(r.stdout, "今日到期（") {
		t.Errorf("today after config lang zh is not Chinese:\n%.300s", r.stdout)
	}
	if r := lb.run("", "today", "--help"); !strings.Contains(r.stdout, "用法：rapport today") {
		t.Errorf("today --help after config lang zh is not Chinese:\n%s", r.stdout)
	}
	if r := lb.run("", "show", "999999"); !strings.Contains(r.stderr, "可用 rapport list") {
		t.Errorf("a refusal after config lang zh is not Chinese: %s", r.stderr)
	}
	if r := lb.run("", "config", "lang"); r.stdout != "zh\n" {
		t.Errorf("config lang = %q, want zh", r.stdout)
	}
	if r := lb.run("", "config"); !hasLine(r.stdout, "lang", "zh", "rapport 使用的语言") {
		t.Errorf("config does not list lang zh:\n%s", r.stdout)
	}
	if r := lb.run(i18n.En, "today"); !strings.Contains(r.stdout, "Due today (") {
		t.Errorf("--lang en does not override the setting:\n%.300s", r.stdout)
	}
	if r := lb.run("", "config", "lang", "klingon"); r.code != ExitUsage || !strings.Contains(r.stderr, "zh, en or auto") {
		t.Errorf("config lang klingon: exit %d %s", r.code, r.stderr)
	}
	if r := lb.run("", "config", "lang", "auto"); r.code != ExitOK || !strings.Contains(r.stdout, "English") {
		t.Fatalf("config lang auto: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := lb.runLocale("", i18n.Zh, "today"); !strings.Contains(r.stdout, "今日到期（") {
		t.Errorf("auto under a Chinese locale is not Chinese:\n%.300s", r.stdout)
	}
	lb.run("", "config", "lang", "en")
	if r := lb.runLocale("", i18n.Zh, "today"); !strings.Contains(r.stdout, "Due today (") {
		t.Errorf("config lang en under a Chinese locale is not English:\n%.300s", r.stdout)
	}
}

// section is the lines of the text section that starts with title.
func section(text, title string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(l, title):
			in = true
		case in && l == "":
			return out
		case in:
			out = append(out, l)
		}
	}
	return out
}

// assertAligned fails unless mark starts at the same display column on
// every line that has it (and on at least two lines).
func assertAligned(t *testing.T, lines []string, mark string) {
	t.Helper()
	col, n := -1, 0
	for _, l := range lines {
		i := strings.Index(l, mark)
		if i < 0 {
			continue
		}
		w := (&runewidth.Condition{EastAsianWidth: false}).StringWidth(l[:i])
		if col >= 0 && w != col {
			t.Errorf("%q starts at cell %d, above at %d:\n%s", mark, w, col, strings.Join(lines, "\n"))
			return
		}
		col, n = w, n+1
	}
	if n < 2 {
		t.Errorf("%q is on %d lines: nothing to align:\n%s", mark, n, strings.Join(lines, "\n"))
	}
}

func hasLine(text string, fields ...string) bool {
	for _, l := range strings.Split(text, "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 && f[0] == fields[0] && f[1] == fields[1] && strings.Contains(l, fields[2]) {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
