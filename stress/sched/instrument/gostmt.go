package instrument

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// goRewriter turns the go statements of one file into calls of the
// scheduler's Go, so that the goroutines they start join the schedule:
//
//	go f(a, b)          { pcqgo0, pcqgo1, pcqgo2 := f, a, b; pcqsched.Go(func() { pcqgo0(pcqgo1, pcqgo2) }) }
//	go x.m(y)           { pcqgo0, pcqgo1 := x.m, y; pcqsched.Go(func() { pcqgo0(pcqgo1) }) }
//	go func(v int){}(i) { pcqgo0 := i; pcqsched.Go(func() { func(v int){}(pcqgo0) }) }
//
// The function value and the arguments are evaluated in the caller, at the
// go statement, in their usual order, as the go statement evaluates them;
// the new goroutine only makes the call. What cannot change between the go
// statement and the call is not copied: a function literal, a function
// declared in the package, a package-qualified name, and constant
// arguments (copying an untyped constant would give it its default type).
// The new text keeps every newline of the statement, so no line moves.
type goRewriter struct {
	src    []byte
	tf     *token.File
	names  names
	leaves []edit // the file's other edits (runtime.Gosched), applied inside rewritten statements
	temps  int    // temporaries made so far in the file
	kept   []*ast.GoStmt
}

// names are the identifiers a rewrite needs to know, for one package.
type names struct {
	sched  string          // the scheduler's import name
	temp   string          // the prefix of temporaries: no identifier of the package starts with it
	consts map[string]bool // the package-level constants
	funcs  map[string]bool // the package-level functions
	vars   map[string]bool // the package-level variables and types
}

// builtinConsts are the universe's constants.
var builtinConsts = map[string]bool{"true": true, "false": true, "nil": true, "iota": true}

// builtinFuncs are the universe's functions.
var builtinFuncs = map[string]bool{
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true, "delete": true,
	"imag": true, "len": true, "make": true, "max": true, "min": true, "new": true, "panic": true,
	"print": true, "println": true, "real": true, "recover": true,
}

// goStatements rewrites the outermost go statements of f it can, and
// returns their edits (each with the leaves inside it applied), the leaves
// that lie outside every rewritten statement, and the go statements kept
// as they are: one whose only argument is a call (it may return several
// values, which no temporary can hold without types).
func goStatements(src []byte, tf *token.File, f *ast.File, n names, leaves []edit) (edits, outside []edit, kept []*ast.GoStmt) {
	g := &goRewriter{src: src, tf: tf, names: n, leaves: leaves}
	edits = g.within(f)
	for _, l := range leaves {
		if !covered(l, edits) {
			outside = append(outside, l)
		}
	}
	return edits, outside, g.kept
}

// covered reports whether e lies inside one of edits.
func covered(e edit, edits []edit) bool {
	for _, o := range edits {
		if o.from <= e.from && e.to <= o.to {
			return true
		}
	}
	return false
}

// within returns the edits of the outermost go statements inside n (n
// itself excluded) that can be rewritten; it looks inside those that
// cannot.
func (g *goRewriter) within(n ast.Node) []edit {
	var edits []edit
	ast.Inspect(n, func(m ast.Node) bool {
		stmt, ok := m.(*ast.GoStmt)
		if !ok || m == n {
			return true
		}
		if !g.rewritable(stmt.Call) {
			g.kept = append(g.kept, stmt)
			return true
		}
		edits = append(edits, edit{g.off(stmt.Pos()), g.off(stmt.End()), g.statement(stmt)})
		return false
	})
	return edits
}

func (g *goRewriter) off(p token.Pos) int { return g.tf.Offset(p) }

// rewritable reports whether the call's arguments can be copied into
// temporaries: not a lone call argument, which may be multi-valued.
func (g *goRewriter) rewritable(call *ast.CallExpr) bool {
	if len(call.Args) == 1 && !call.Ellipsis.IsValid() {
		if _, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok && !g.conversion(call.Args[0]) {
			return false
		}
	}
	return true
}

// conversion reports whether e is obviously single-valued: a call of a
// builtin other than recover, or a conversion to a basic type.
func (g *goRewriter) conversion(e ast.Expr) bool {
	call := ast.Unparen(e).(*ast.CallExpr)
	id, ok := call.Fun.(*ast.Ident)
	return ok && id.Obj == nil && !g.names.funcs[id.Name] && !g.names.vars[id.Name] &&
		(builtinFuncs[id.Name] && id.Name != "recover" || basicTypes[id.Name])
}

// basicTypes are the universe's types.
var basicTypes = map[string]bool{
	"bool": true, "byte": true, "rune": true, "string": true, "error": true, "any": true, "uintptr": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true,
}

// statement is the text that replaces stmt.
func (g *goRewriter) statement(stmt *ast.GoStmt) string {
	call := stmt.Call
	var temps, values []string
	prevEnd := stmt.Call.Pos()
	hold := func(e ast.Expr, copyIt bool) string {
		text := g.text(e)
		newlines := strings.Count(string(g.src[g.off(prevEnd):g.off(e.Pos())]), "\n")
		prevEnd = e.End()
		if !copyIt {
			return text
		}
		name := fmt.Sprintf("%s%d", g.names.temp, g.temps)
		g.temps++
		// A value keeps the newlines before it, so that it keeps its lines.
		temps, values = append(temps, name), append(values, strings.Repeat("\n", newlines)+text)
		return name
	}
	fun := hold(call.Fun, !g.fixedFunc(call.Fun))
	args := make([]string, len(call.Args))
	for i, a := range call.Args {
		args[i] = hold(a, !g.constant(a))
	}
	spread := ""
	if call.Ellipsis.IsValid() {
		spread = "..."
	}
	body := fmt.Sprintf("%s.Go(func() { %s(%s%s) })", g.names.sched, fun, strings.Join(args, ", "), spread)
	text := body
	if len(temps) > 0 {
		list := strings.ReplaceAll(strings.Join(values, ", "), ", \n", ",\n")
		text = fmt.Sprintf("{ %s := %s; %s }", strings.Join(temps, ", "), list, body)
	}
	orig := string(g.src[g.off(stmt.Pos()):g.off(stmt.End())])
	if lost := strings.Count(orig, "\n") - strings.Count(text, "\n"); lost > 0 {
		text += strings.Repeat("\n", lost) // the newlines between the arguments
	}
	return text
}

// text is e's source with the leaves and the rewrites of the go statements
// inside it applied.
func (g *goRewriter) text(e ast.Expr) string {
	from, to := g.off(e.Pos()), g.off(e.End())
	nested := g.within(e)
	all := nested
	for _, l := range g.leaves {
		if from <= l.from && l.to <= to && !covered(l, nested) {
			all = append(all, l)
		}
	}
	for i := range all {
		all[i].from -= from
		all[i].to -= from
	}
	return string(apply(g.src[from:to], all))
}

// fixedFunc reports whether the function value of a go statement is the
// same when the goroutine calls it as at the go statement: a function
// literal, a function of the package or of the universe, a name of an
// imported package.
func (g *goRewriter) fixedFunc(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		if e.Obj != nil {
			return e.Obj.Kind == ast.Fun
		}
		return g.names.funcs[e.Name] || builtinFuncs[e.Name] && !g.names.vars[e.Name]
	case *ast.SelectorExpr:
		return g.imported(e)
	}
	return false
}

// imported reports whether e is a name of an imported package.
func (g *goRewriter) imported(e *ast.SelectorExpr) bool {
	pkg, ok := e.X.(*ast.Ident)
	return ok && pkg.Obj == nil && !g.names.vars[pkg.Name] && !g.names.funcs[pkg.Name] && !g.names.consts[pkg.Name]
}

// constant reports whether e is a constant expression (or a name of an
// imported package, which a goroutine reads as the go statement would):
// copying it into a temporary could change its type.
func (g *goRewriter) constant(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		if e.Obj != nil {
			return e.Obj.Kind == ast.Con
		}
		return g.names.consts[e.Name] || builtinConsts[e.Name] && !g.names.vars[e.Name] && !g.names.funcs[e.Name]
	case *ast.SelectorExpr:
		return g.imported(e)
	case *ast.ParenExpr:
		return g.constant(e.X)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && e.Op != token.AND && g.constant(e.X)
	case *ast.BinaryExpr:
		return g.constant(e.X) && g.constant(e.Y)
	}
	return false
}

// packageNames collects the package-level declarations of files and picks
// the scheduler's import name and the temporaries' prefix.
func packageNames(files []sourceFile) names {
	n := names{consts: map[string]bool{}, funcs: map[string]bool{}, vars: map[string]bool{}}
	for _, f := range files {
		for _, decl := range f.ast.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					n.funcs[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					declared(n, d.Tok, spec)
				}
			}
		}
	}
	n.sched = freeName("pcqsched", files)
	n.temp = freePrefix("pcqgo", files)
	return n
}

// declared records the names spec declares.
func declared(n names, tok token.Token, spec ast.Spec) {
	switch s := spec.(type) {
	case *ast.ValueSpec:
		for _, id := range s.Names {
			if tok == token.CONST {
				n.consts[id.Name] = true
			} else {
				n.vars[id.Name] = true
			}
		}
	case *ast.TypeSpec:
		n.vars[s.Name.Name] = true
	}
}

// freePrefix is base, or base followed by a number and "_", that no
// identifier of the files starts with.
func freePrefix(base string, files []sourceFile) string {
	prefix := base
	for i := 2; ; i++ {
		clash := false
		for _, f := range files {
			ast.Inspect(f.ast, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, prefix) {
					clash = true
				}
				return !clash
			})
		}
		if !clash {
			return prefix
		}
		prefix = fmt.Sprintf("%s%d_", base, i)
	}
}
