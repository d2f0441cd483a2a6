package instrument

import (
	"go/ast"
	"go/token"
	"strconv"
)

// The import paths the rewrite redirects, and the scheduler's own.
const (
	schedPath        = "github.com/pcqkit/pcq/stress/sched"
	mirrorAtomicPath = schedPath + "/atomic"
	mirrorSyncPath   = schedPath + "/sync"
)

// mirrors maps a standard import path to its drop-in package.
var mirrors = map[string]string{
	"sync/atomic": mirrorAtomicPath,
	"sync":        mirrorSyncPath,
}

// rewrite returns the edits that put file f (source src) under the
// scheduler: mirrored import paths, runtime.Gosched replaced by the
// scheduler's (imported on the line of the runtime import),
// context.AfterFunc by the scheduler's ([afterFuncEdits]), with
// opts.Channels a point before each channel operation ([chanPoints]) and
// selects whose choice the scheduler makes ([selectEdits]), go
// statements turned into calls
// of the scheduler's Go (see [goRewriter]; the scheduler imported after the
// package name if it is not yet), and, if runtime
// is then unused, a `var _ = runtime.Gosched` on the line where the last
// declaration ends. It returns the go statements it leaves as they are.
func rewrite(fset *token.FileSet, f *ast.File, src []byte, n names, opts Options) (edits []edit, kept []*ast.GoStmt) {
	tf := fset.File(f.Pos())
	edits, imported := goschedEdits(tf, f, n.sched)
	afterFuncs := afterFuncEdits(tf, f, n.sched)
	edits = append(edits, afterFuncs...)
	var points []edit
	if opts.Channels {
		points = chanPoints(tf, f, n.sched)
		points = append(points, selectEdits(tf, src, f, n, append(edits, points...))...)
	}
	goEdits, edits, kept := goStatements(src, tf, f, n, append(edits, points...))
	if len(goEdits)+len(points)+len(afterFuncs) > 0 && !imported {
		at := tf.Offset(f.Name.End())
		edits = append(edits, edit{at, at, "; import " + n.sched + " " + strconv.Quote(schedPath)})
	}
	return append(edits, goEdits...), kept
}

// goschedEdits returns the edits of the imports and of runtime.Gosched,
// and whether they import the scheduler.
func goschedEdits(tf *token.File, f *ast.File, schedName string) (edits []edit, imported bool) {
	var runtimeSpec *ast.ImportSpec
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		if mirror, ok := mirrors[path]; ok {
			edits = append(edits, edit{tf.Offset(spec.Path.Pos()), tf.Offset(spec.Path.End()), strconv.Quote(mirror)})
		}
		if path == "runtime" && (spec.Name == nil || spec.Name.Name != "_" && spec.Name.Name != ".") {
			runtimeSpec = spec
		}
	}
	if runtimeSpec == nil {
		return edits, false
	}
	runtimeName := "runtime"
	if runtimeSpec.Name != nil {
		runtimeName = runtimeSpec.Name.Name
	}
	yields, otherUses := goschedCalls(f, runtimeName)
	if len(yields) == 0 {
		return edits, false
	}
	for _, sel := range yields {
		edits = append(edits, edit{tf.Offset(sel.Pos()), tf.Offset(sel.End()), schedName + ".Gosched"})
	}
	edits = append(edits, importSched(tf, f, runtimeSpec, schedName))
	if otherUses == 0 {
		end := tf.Offset(f.Decls[len(f.Decls)-1].End())
		edits = append(edits, edit{end, end, "; var _ = " + runtimeName + ".Gosched"})
	}
	return edits, true
}

// goschedCalls finds the references runtimeName.Gosched (the package, not a
// local variable of that name) and counts the other references to the
// package.
func goschedCalls(f *ast.File, runtimeName string) (yields []*ast.SelectorExpr, otherUses int) {
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		pkg, ok := sel.X.(*ast.Ident)
		if !ok || pkg.Name != runtimeName || pkg.Obj != nil {
			return true
		}
		if sel.Sel.Name == "Gosched" {
			yields = append(yields, sel)
		} else {
			otherUses++
		}
		return true
	})
	return yields, otherUses
}

// importSched imports the scheduler as schedName on the line of the runtime
// import: `"runtime"; name "path"` inside an import block, `import
// "runtime"; import name "path"` for a single import.
func importSched(tf *token.File, f *ast.File, runtimeSpec *ast.ImportSpec, schedName string) edit {
	spec := schedName + " " + strconv.Quote(schedPath)
	at := tf.Offset(runtimeSpec.End())
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if ok && gen.Tok == token.IMPORT && gen.Pos() <= runtimeSpec.Pos() && runtimeSpec.End() <= gen.End() && !gen.Lparen.IsValid() {
			return edit{at, at, "; import " + spec}
		}
	}
	return edit{at, at, "; " + spec}
}
