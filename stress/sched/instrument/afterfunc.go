package instrument

import (
	"go/ast"
	"go/token"
	"strconv"
)

// afterFuncEdits returns the edits that turn every reference to
// context.AfterFunc (the package, not a local variable of that name) into
// the scheduler's AfterFunc, whose f runs in a goroutine of the schedule,
// and, if there is one, a `var _ = context.AfterFunc` on the line where the
// last declaration ends, so that the import stays used.
func afterFuncEdits(tf *token.File, f *ast.File, schedName string) []edit {
	contextName := ""
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		switch {
		case path != "context":
		case spec.Name == nil:
			contextName = "context"
		case spec.Name.Name != "_" && spec.Name.Name != ".":
			contextName = spec.Name.Name
		}
	}
	if contextName == "" {
		return nil
	}
	var edits []edit
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "AfterFunc" {
			return true
		}
		if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == contextName && pkg.Obj == nil {
			edits = append(edits, edit{tf.Offset(sel.Pos()), tf.Offset(sel.End()), schedName + ".AfterFunc"})
		}
		return true
	})
	if len(edits) > 0 {
		end := tf.Offset(f.Decls[len(f.Decls)-1].End())
		edits = append(edits, edit{end, end, "; var _ = " + contextName + ".AfterFunc"})
	}
	return edits
}
