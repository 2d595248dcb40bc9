package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
)

// keyArgs are the helpers of this package that say their argument through
// the printer, with the index of that argument: the catalog test of
// model/i18n finds p.T, i18n.N and i18n.Errorf keys; this one finds the
// keys that reach the printer through usageErr, argErrorf, newCommand's
// about, runOnID's about and the flags' usages, and the verbs' summaries.
var keyArgs = map[string]int{
	"T": 0, "N": 0, "Errorf": 0, "usageErr": 0, "argErrorf": 0, "newCommand": 2, "runOnID": 4,
	"str": 2, "num": 2, "boolean": 1, "list": 1, "Bool": 2,
}

// TestEveryCLIStringIsInTheCatalog parses ui/cli and main.go and fails on
// any key said through one of those helpers (a literal, a constant or a
// concatenation of them) that the catalog lacks or has without Chinese,
// and on any setting's help text (rapport config) without Chinese.
func TestEveryCLIStringIsInTheCatalog(t *testing.T) {
	zh := map[string]string{}
	for _, m := range i18n.All() {
		zh[m.Key] = m.Zh
	}
	files, _ := filepath.Glob("*.go")
	files = append(files, filepath.Join("..", "..", "main.go"))
	fset := token.NewFileSet()
	var parsed []*ast.File
	consts := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, af)
		for _, d := range af.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, sp := range g.Specs {
					vs := sp.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							if s, ok := literal(vs.Values[i], nil); ok {
								consts[n.Name] = s
							}
						}
					}
				}
			}
		}
	}
	var missing []string
	check := func(pos token.Pos, key string) {
		if key == "" || strings.TrimSpace(zh[key]) != "" {
			return
		}
		p := fset.Position(pos)
		missing = append(missing, p.Filename+":"+strconv.Itoa(p.Line)+": "+strconv.Quote(key))
	}
	// Texts said without arguments (what a verb does, its summary) must hold
	// no verb: a bare "70% of" would print as "70%!o(MISSING)f".
	bare := func(pos token.Pos, key string) {
		if verbs := regexp.MustCompile(`%[^%]`).FindAllString(strings.ReplaceAll(key, "%%", ""), -1); len(verbs) > 0 {
			p := fset.Position(pos)
			t.Errorf("%s:%d: %q is said without arguments but holds %v: write %%%% for a percent sign", p.Filename, p.Line, key, verbs)
		}
	}
	found := 0
	for _, af := range parsed {
		ast.Inspect(af, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch f := x.Fun.(type) {
				case *ast.Ident:
					name = f.Name
				case *ast.SelectorExpr:
					name = f.Sel.Name
				}
				i, ok := keyArgs[name]
				if !ok || i >= len(x.Args) {
					return true
				}
				if key, ok := literal(x.Args[i], consts); ok {
					found++
					check(x.Args[i].Pos(), key)
					if name == "newCommand" || name == "runOnID" {
						bare(x.Args[i].Pos(), key)
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := x.Key.(*ast.Ident); ok && id.Name == "Summary" {
					if key, ok := literal(x.Value, consts); ok {
						found++
						check(x.Value.Pos(), key)
						bare(x.Value.Pos(), key)
					}
				}
			}
			return true
		})
	}
	for _, help := range db.ConfigKeys() {
		found++
		check(token.NoPos, help)
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("%s has no Chinese in the catalog (model/i18n/msgs_cli*.go)", m)
	}
	if found < 300 {
		t.Errorf("found only %d keys: the scan is broken", found)
	}
	if path := os.Getenv("RAPPORT_CLI_MISSING"); path != "" {
		os.WriteFile(path, []byte(strings.Join(missing, "\n")+"\n"), 0o644)
	}
	t.Logf("%d keys said by ui/cli and main.go", found)
}

// literal folds a string literal, a package constant or a concatenation
// of them.
func literal(e ast.Expr, consts map[string]string) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.Ident:
		s, ok := consts[x.Name]
		return s, ok
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(x.X, consts)
		b, ok2 := literal(x.Y, consts)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(x.X, consts)
	case *ast.CallExpr:
		// i18n.N("…") as an argument.
		if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "N" && len(x.Args) == 1 {
			return literal(x.Args[0], consts)
		}
	}
	return "", false
}
