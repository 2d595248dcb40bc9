package cli

import (
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
