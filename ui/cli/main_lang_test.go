package cli_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/ui/internal/tmuxtest"
)

// runMain runs the built rapport binary with the locale variables set and
// a fixed clock (extra are more NAME=value pairs, later ones winning).
func runMain(t *testing.T, bin, lang string, extra []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=", "LC_MESSAGES=", "LANG="+lang, "RAPPORT_NOW=", "RAPPORT_TODAY=2026-11-20")
	cmd.Env = append(cmd.Env, extra...)
	cmd.Stdin = strings.NewReader("")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// TestMainSpeaksTheLocale: the global flags' refusals, the usage and a
// verb follow LANG (zh* Chinese, anything else English) and --lang, in the
// binary main builds.
func TestMainSpeaksTheLocale(t *testing.T) {
	bin := tmuxtest.Build(t)
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
		code, out, errb := runMain(t, bin, c.lang, nil, c.args...)
		if code != c.code || !strings.Contains(out+errb, c.want) {
			t.Errorf("LANG=%s rapport %q: exit %d (want %d), want %q in:\n%s%s", c.lang, c.args, code, c.code, c.want, out, errb)
		}
	}
	if code, _, errb := runMain(t, bin, "zh_CN.UTF-8", []string{"RAPPORT_NOW=yesterday"}, "--db", missing, "today"); code != 2 || !strings.Contains(errb, "不是 RFC 3339 时间") {
		t.Errorf("a bad RAPPORT_NOW: exit %d %s", code, errb)
	}
}
