package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model/i18n"
)

// zh runs one command line under --lang zh.
func (b *book) zh(args ...string) bookResult {
	b.t.Helper()
	e, out, errb := b.env("")
	e.Lang = i18n.NewChoice(i18n.Zh, "")
	code := Run(e, args)
	return bookResult{code, out.String(), errb.String()}
}

// TestUndoRedoSayTheChangeInChinese: rapport undo and redo say the change
// they undid in the reader's language; English stays as stored.
func TestUndoRedoSayTheChangeInChinese(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "吴晓东")
	b.must("log", "吴晓东", "谈了续约", "--kind", "call")
	if r := b.zh("undo"); r.code != ExitOK || r.stdout != "已撤销：记录与 吴晓东 的电话\n" {
		t.Errorf("undo in Chinese: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := b.zh("redo"); r.code != ExitOK || !strings.Contains(r.stdout, "记录与 吴晓东 的电话") {
		t.Errorf("redo in Chinese: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if out := b.must("undo"); out != "undone: log call with 吴晓东\n" {
		t.Errorf("undo in English: %q", out)
	}
}

// TestImportReasonsInChinese: rapport import under Chinese lists its
// rejected rows (第N行：…) and warnings in Chinese; English is as before
// and the JSON is the same in both languages.
func TestImportReasonsInChinese(t *testing.T) {
	b := newBook(t)
	csv := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(csv, []byte("name,email,phone,tier\n王芳,wang@example.com,13800000000,A\n,,,B\n李娜,not-an-email,12,C\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	zh := b.zh("import", "csv", csv, "--dry-run")
	for _, w := range []string{"第 4 行：邮箱：\"not-an-email\" 不是邮箱地址；已保留在备注中", "第 4 行：电话：\"12\" 太短，不像电话号码（是分机号吗？）；已保留在备注中"} {
		if !strings.Contains(zh.stdout, w) {
			t.Errorf("Chinese warnings lack %q:\n%s", w, zh.stdout)
		}
	}
	if !strings.Contains(zh.stderr, "第 3 行：姓名：缺失：这一行没有姓名、公司、邮箱或电话") {
		t.Errorf("Chinese rejection:\n%s", zh.stderr)
	}
	en := b.run("import", "csv", csv, "--dry-run")
	for _, w := range []string{"  line 4: email: \"not-an-email\" is not an email address; kept in the notes\n", "  line 4: phone: \"12\" is too short for a phone number (an extension?); kept in the notes\n",
		"  line 3: reject (name: is missing: the row has no name, company, email or phone, so it cannot be a customer)\n"} {
		if !strings.Contains(en.stdout, w) {
			t.Errorf("English lacks %q:\n%s", w, en.stdout)
		}
	}
	zj, ej := b.zh("import", "csv", csv, "--dry-run", "--json"), b.run("import", "csv", csv, "--dry-run", "--json")
	if zj.stdout != ej.stdout || !strings.Contains(ej.stdout, `"Reason": "email: \"not-an-email\" is not an email address; kept in the notes"`) {
		t.Errorf("JSON differs between languages or lost its reason:\n%s\n%s", zj.stdout, ej.stdout)
	}
}

// TestFilterProblemsInChinese: rapport list --filter says what it could not
// read in the reader's language.
func TestFilterProblemsInChinese(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "王芳")
	if r := b.zh("list", "--filter", "tier:z"); r.code != ExitUsage || !strings.Contains(r.stderr, "--filter：tier:z（请用 tier:A、tier:B 或 tier:C）") {
		t.Errorf("Chinese: %d %q", r.code, r.stderr)
	}
	if r := b.run("list", "--filter", "tier:z risk:foo"); r.code != ExitUsage || !strings.Contains(r.stderr, "--filter: tier:z (use tier:A, tier:B or tier:C); risk:foo (use risk:at or risk:watch)\n") {
		t.Errorf("English: %d %q", r.code, r.stderr)
	}
}

// TestLogAndAddSayWhatRulesScheduled: rapport add and log say, one line
// each, the follow-ups a playbook rule scheduled in the same command, in
// both languages; the JSON stays as it was.
func TestLogAndAddSayWhatRulesScheduled(t *testing.T) {
	b := newBook(t)
	if out := b.must("add", "customer", "吴晓东"); out != "customer 1 created: 吴晓东\nrule First revisit scheduled follow-up 1: First revisit, due 2026-11-23\n" {
		t.Errorf("add in English: %q", out)
	}
	if r := b.zh("add", "customer", "王芳"); r.code != ExitOK || !strings.Contains(r.stdout, "\n规则 First revisit 已安排跟进 2：First revisit，2026-11-23 到期\n") {
		t.Errorf("add in Chinese: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if out := b.must("log", "吴晓东", "the goods arrived broken", "--kind", "complaint"); !strings.HasSuffix(out, "\nrule Complaint callback scheduled follow-up 3: Call back about the complaint, due 2026-11-20 11:00\n") {
		t.Errorf("log in English: %q", out)
	}
	if r := b.zh("log", "王芳", "货坏了", "--kind", "complaint"); r.code != ExitOK || !strings.HasSuffix(r.stdout, "\n规则 Complaint callback 已安排跟进 4：Call back about the complaint，2026-11-20 11:00 到期\n") {
		t.Errorf("log in Chinese: %d %q %q", r.code, r.stdout, r.stderr)
	}
	// Nothing scheduled, nothing said.
	if out := b.must("log", "吴晓东", "second call", "--kind", "call"); strings.Contains(out, "rule ") {
		t.Errorf("a log no rule answered: %q", out)
	}
	if out := b.must("add", "customer", "李娜", "--json"); strings.Contains(out, "rule") || strings.Contains(out, "scheduled") {
		t.Errorf("JSON gained the line: %q", out)
	}
}
