package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// runMain runs main's run with the locale variables set and a fixed clock.
func runMain(t *testing.T, lang string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", lang)
	t.Setenv("RAPPORT_NOW", "")
	t.Setenv("RAPPORT_TODAY", "2026-11-20")
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// TestMainSpeaksTheLocale: the global flags' refusals, the usage and a
// verb follow LANG (zh* Chinese, anything else English) and --lang.
func TestMainSpeaksTheLocale(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, c := range []struct {
		lang string
		args []string
		code int
		want string
	}{
		{"zh_CN.UTF-8", []string{"--bogus"}, 2, "rapport：未知选项 --bogus；全局选项有"},
		{"C.UTF-8", []string{"--bogus"}, 2, "rapport: unknown flag --bogus; global flags are --db PATH, --lang zh|en|auto, --help and --version (rapport --help)\n"},
		{"zh_CN.UTF-8", []string{"--db"}, 2, "--db 需要一个文件路径"},
		{"C.UTF-8", []string{"--lang"}, 2, "rapport: --lang needs zh, en or auto (rapport --lang zh today)\n"},
		{"C.UTF-8", []string{"--lang", "klingon", "today"}, 2, `rapport: --lang: language "klingon": use zh, en or auto`},
		{"zh_CN.UTF-8", []string{"--help"}, 0, "用法：rapport [--db PATH] [--lang zh|en|auto] [COMMAND] [ARGS]"},
		{"C.UTF-8", []string{"--help", "--lang", "zh"}, 0, "命令："},
		{"zh_CN.UTF-8", []string{"--lang", "en", "--help"}, 0, "Usage: rapport [--db PATH] [--lang zh|en|auto] [COMMAND] [ARGS]"},
		{"C.UTF-8", []string{"help", "today"}, 0, "usage: rapport today [--json] [--exit-code]"},
		{"zh_CN.UTF-8", []string{"help", "today"}, 0, "用法：rapport today [--json] [--exit-code]"},
		{"zh_CN.UTF-8", []string{"--db", missing, "today"}, 1, "rapport today：" + missing + " 还没有 rapport 数据库。"},
		{"C.UTF-8", []string{"--db", missing, "today"}, 1, "rapport today: there is no rapport database at " + missing + " yet.\n"},
	} {
		code, out, errb := runMain(t, c.lang, c.args...)
		if code != c.code || !strings.Contains(out+errb, c.want) {
			t.Errorf("LANG=%s rapport %q: exit %d (want %d), want %q in:\n%s%s", c.lang, c.args, code, c.code, c.want, out, errb)
		}
	}
	t.Setenv("RAPPORT_NOW", "yesterday")
	var errb bytes.Buffer
	t.Setenv("LANG", "zh_CN.UTF-8")
	if code := run([]string{"--db", missing, "today"}, strings.NewReader(""), &bytes.Buffer{}, &errb); code != 2 || !strings.Contains(errb.String(), "不是 RFC 3339 时间") {
		t.Errorf("a bad RAPPORT_NOW: exit %d %s", code, errb.String())
	}
}
