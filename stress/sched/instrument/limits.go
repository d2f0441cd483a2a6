package instrument

import (
	"go/ast"
	"go/token"
	"strings"
)

// maxText is how much of a statement a [Limit] quotes.
const maxText = 60

// linknames lists the //go:linkname directives of f.
func linknames(fset *token.FileSet, f *ast.File) []Limit {
	var limits []Limit
	for _, group := range f.Comments {
		for _, c := range group.List {
			if strings.HasPrefix(c.Text, "//go:linkname ") {
				limits = append(limits, limitAt(fset, c.Pos(), Linkname, c.Text))
			}
		}
	}
	return limits
}

// goLimits lists go statements of a file of source src that the rewrite
// left as they are.
func goLimits(fset *token.FileSet, src []byte, stmts []*ast.GoStmt) []Limit {
	var limits []Limit
	for _, g := range stmts {
		tf := fset.File(g.Pos())
		text := string(src[tf.Offset(g.Pos()):tf.Offset(g.End())])
		limits = append(limits, limitAt(fset, g.Pos(), GoStatement, abridge(text)))
	}
	return limits
}

// goStmts lists every go statement of f.
func goStmts(f *ast.File) []*ast.GoStmt {
	var stmts []*ast.GoStmt
	ast.Inspect(f, func(n ast.Node) bool {
		if g, ok := n.(*ast.GoStmt); ok {
			stmts = append(stmts, g)
		}
		return true
	})
	return stmts
}

// cgoLimit is the Limit of a cgo file f: the line of its import "C".
func cgoLimit(fset *token.FileSet, f *ast.File) Limit {
	for _, spec := range f.Imports {
		if spec.Path.Value == `"C"` {
			return limitAt(fset, spec.Pos(), Cgo, `import "C"`)
		}
	}
	return Limit{Kind: Cgo, File: fset.File(f.Pos()).Name(), Text: "cgo file"}
}

func limitAt(fset *token.FileSet, pos token.Pos, kind LimitKind, text string) Limit {
	p := fset.Position(pos)
	return Limit{Kind: kind, File: p.Filename, Line: p.Line, Text: text}
}

// abridge is the first line of text, cut at maxText characters.
func abridge(text string) string {
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i] + " ..."
	}
	if len(text) > maxText {
		text = text[:maxText] + " ..."
	}
	return text
}
