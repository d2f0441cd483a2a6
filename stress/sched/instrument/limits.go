package instrument

import (
	"go/ast"
	"go/token"
	"strings"
)

// maxText is how much of a statement a [Limit] quotes.
const maxText = 60

// fileLimits lists the //go:linkname directives and go statements of f.
func fileLimits(fset *token.FileSet, f *ast.File, src []byte) []Limit {
	var limits []Limit
	for _, group := range f.Comments {
		for _, c := range group.List {
			if strings.HasPrefix(c.Text, "//go:linkname ") {
				limits = append(limits, limitAt(fset, c.Pos(), Linkname, c.Text))
			}
		}
	}
	tf := fset.File(f.Pos())
	ast.Inspect(f, func(n ast.Node) bool {
		if g, ok := n.(*ast.GoStmt); ok {
			text := string(src[tf.Offset(g.Pos()):tf.Offset(g.End())])
			limits = append(limits, limitAt(fset, g.Pos(), GoStatement, abridge(text)))
		}
		return true
	})
	return limits
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
