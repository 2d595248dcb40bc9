package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestEveryMessageHasItsChinese: no message lacks a translation, and a
// translation's placeholders are its key's (same verbs for the same
// arguments, in any order).
func TestEveryMessageHasItsChinese(t *testing.T) {
	for _, m := range All() {
		if m.Key == "" {
			t.Errorf("a message with an empty key (Chinese %q)", m.Zh)
			continue
		}
		if strings.TrimSpace(m.Zh) == "" {
			t.Errorf("%q has no Chinese", m.Key)
			continue
		}
		want := placeholders(m.Key)
		if got := placeholders(m.Zh); !slices.Equal(got, want) {
			t.Errorf("%q: Chinese %q has placeholders %v, the key %v", m.Key, m.Zh, got, want)
		}
		if m.One != "" {
			if got := placeholders(m.One); !slices.Equal(got, want) {
				t.Errorf("%q: singular %q has placeholders %v, the key %v", m.Key, m.One, got, want)
			}
		}
	}
}

// TestOneTranslationPerKey: a key said in two areas has one Chinese.
func TestOneTranslationPerKey(t *testing.T) {
	seen := map[string]Msg{}
	for _, m := range All() {
		if prev, ok := seen[m.Key]; ok && (prev.Zh != m.Zh || prev.One != m.One) {
			t.Errorf("%q has two translations: %q and %q", m.Key, prev.Zh, m.Zh)
		}
		seen[m.Key] = m
	}
}

// TestEveryKeyInTheSourceIsInTheCatalog scans the module's Go files for
// literal keys (x.T("…"), i18n.Errorf("…"), i18n.N("…")) and fails on any
// the catalog does not hold.
func TestEveryKeyInTheSourceIsInTheCatalog(t *testing.T) {
	root := moduleRoot(t)
	have := map[string]bool{}
	for _, m := range All() {
		have[m.Key] = true
	}
	fset := token.NewFileSet()
	found := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			at := -1
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				at = keyArg(fn.X, fn.Sel.Name)
			case *ast.Ident: // model.Invalid inside package model
				if fn.Name == "Invalid" {
					at = 1
				}
			}
			if at < 0 || at >= len(call.Args) {
				return true
			}
			lit, ok := call.Args[at].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			found++
			if !have[key] {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s:%d: %q is not in the catalog (add it, with its Chinese, to model/i18n/msgs_*.go)", rel, fset.Position(lit.Pos()).Line, key)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d literal keys in the source, %d messages in the catalog", found, len(have))
}

// keyArg is the index of the key argument of a call of x.name: 0 for p.T,
// i18n.Errorf and i18n.N, 1 for model.Invalid (field, format, args); -1
// for any other call.
func keyArg(x ast.Expr, name string) int {
	id, _ := x.(*ast.Ident)
	switch {
	case name == "T":
		return 0
	case (name == "Errorf" || name == "N") && id != nil && id.Name == "i18n":
		return 0
	case name == "Invalid" && id != nil && id.Name == "model":
		return 1
	case name == "why" && id != nil && id.Name == "p": // model's date parser's reasons
		return 0
	}
	return -1
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

var verbRE = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*(\d+|\*)?(\.(\d+|\*))?([a-zA-Z%])`)

// placeholders lists a format's verbs as "argument:verb", sorted, so a
// translation may reorder them with %[n] but not change them.
func placeholders(format string) []string {
	var out []string
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		verb := m[6]
		if verb == "%" {
			continue
		}
		n := next
		if m[2] != "" {
			n, _ = strconv.Atoi(m[2])
		}
		if verb == "w" {
			verb = "v"
		}
		out = append(out, strconv.Itoa(n)+":"+verb)
		next = n + 1
	}
	slices.Sort(out)
	return out
}

// TestDateExamplesAreInTheCatalog: model's date examples are a constant
// said through i18n.Errorf, which the source scan cannot see.
func TestDateExamplesAreInTheCatalog(t *testing.T) {
	const key = "try today, tomorrow, fri, +3d, 2026-12-01, 12/01, 明天, 下周一 (optionally with 14:30)"
	if New(Zh).T(key) == key {
		t.Error("the date examples have no Chinese")
	}
}
