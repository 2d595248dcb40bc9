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

// TestPlaybookVerbsInChinese: rapport playbook's output and the --help of
// the verbs added with playbooks and care speak Chinese under --lang zh;
// English is as it was and the JSON is the same in both.
func TestPlaybookVerbsInChinese(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "王芳")
	zh := b.zh("playbook", "list")
	for _, w := range []string{"规则", "何时", "做什么", "按时", "新增客户", "3 天后", "开"} {
		if zh.code != ExitOK || !strings.Contains(zh.stdout, w) {
			t.Errorf("playbook list in Chinese lacks %q: %d\n%s%s", w, zh.code, zh.stdout, zh.stderr)
		}
	}
	if en := b.must("playbook", "list"); !strings.Contains(en, "RULE") || !strings.Contains(en, "customer added") || !strings.Contains(en, "#1  on  First revisit") {
		t.Errorf("playbook list in English:\n%s", en)
	}
	if r := b.zh("playbook", "add", "新客回访", "--when", "customer_added", "--title", "回访", "--after", "2d", "--tier", "A"); r.stdout != "已添加规则 8：新客回访 — 何时：新增客户（A 类），\"回访\" 2 天后\n" {
		t.Errorf("playbook add in Chinese: %q %q", r.stdout, r.stderr)
	}
	if out := b.must("playbook", "edit", "新客回访", "--after", "3d"); out != "rule 8 saved: 新客回访 — when customer added (tier A), \"回访\" +3 d\n" {
		t.Errorf("playbook edit in English: %q", out)
	}
	if r := b.zh("playbook", "off", "新客回访"); r.stdout != "规则 8 已关闭：新客回访\n" {
		t.Errorf("playbook off in Chinese: %q", r.stdout)
	}
	if out := b.must("playbook", "on", "新客回访"); out != "rule 8 on: 新客回访\n" {
		t.Errorf("playbook on in English: %q", out)
	}
	if r := b.zh("playbook", "edit", "新客回访", "--after", "5x"); r.code != ExitUsage || !strings.Contains(r.stderr, "--after：\"5x\" 不是延后时间") {
		t.Errorf("a bad --after in Chinese: %d %q", r.code, r.stderr)
	}
	if r := b.zh("playbook", "add", "X", "--when", "order", "--title", "t", "--after", "1d", "--dry-run"); !strings.HasPrefix(r.stdout, "试运行：X 在最近 30 天内会安排 0 条跟进（未保存任何内容）\n") {
		t.Errorf("dry run in Chinese: %q %q", r.stdout, r.stderr)
	}
	if r := b.zh("playbook", "remove", "新客回访"); r.stdout != "已删除规则 8：新客回访\n" {
		t.Errorf("playbook remove in Chinese: %q", r.stdout)
	}
	zj, ej := b.zh("playbook", "list", "--json"), b.run("playbook", "list", "--json")
	if zj.stdout != ej.stdout || ej.stdout == "" {
		t.Errorf("playbook list --json differs between languages")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"playbook", "add", "--help"}, "规则在客户身上发生某件事时安排一条跟进"},
		{[]string{"playbook", "list", "--help"}, "列出规则"},
		{[]string{"playbook", "on", "--help"}, "开启一条规则"},
		{[]string{"care", "--help"}, "今日的关怀部分"},
		{[]string{"date", "add", "--help"}, "值得记住的日子"},
		{[]string{"date", "list", "--help"}, "列出客户的关怀日期"},
		{[]string{"holiday", "list", "--help"}, "列出今日关怀部分会问候的节日"},
		{[]string{"holiday", "add", "--help"}, "在关怀部分添加一个节日"},
		{[]string{"template", "show", "--help"}, "显示一条话术"},
		{[]string{"template", "list", "--help"}, "列出话术"},
		{[]string{"contact", "edit", "--help"}, "修改客户的一位联系人"},
	} {
		r := b.zh(c.args...)
		if r.code != ExitOK || !strings.Contains(r.stdout, c.want) {
			t.Errorf("%q in Chinese lacks %q: %d\n%s%s", c.args, c.want, r.code, r.stdout, r.stderr)
		}
	}
	if out := b.must("playbook", "add", "--help"); !strings.Contains(out, "A rule schedules a follow-up when something happens to a customer:") {
		t.Errorf("playbook add --help in English:\n%s", out)
	}
}

// TestRiskRefitWordsInChinese: rapport risk refit says the weights in words
// in the reader's language; the JSON keeps in_words in English.
func TestRiskRefitWordsInChinese(t *testing.T) {
	b := newBook(t)
	b.must("add", "customer", "王芳")
	if r := b.zh("risk", "refit"); r.code != ExitOK || !strings.Contains(r.stdout, "\n有订单的客户还太少，无法学习：使用标准权重\n") {
		t.Errorf("Chinese: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if out := b.must("risk", "refit"); !strings.Contains(out, "\ntoo few customers with orders to learn from yet: the standard weights are used\n") {
		t.Errorf("English: %q", out)
	}
	if r := b.zh("risk", "refit", "--json"); !strings.Contains(r.stdout, `"in_words": "too few customers with orders to learn from yet: the standard weights are used"`) {
		t.Errorf("JSON in Chinese: %q", r.stdout)
	}
}
