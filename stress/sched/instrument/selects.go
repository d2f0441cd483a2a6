package instrument

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// selectEdits rewrites each select statement of f with two communication
// cases or more into a switch on the scheduler's Select, whose choice
// among ready cases is deterministic in a managed goroutine (Go's select
// chooses at random, which no schedule could replay):
//
//	select {                    switch pcqsel0, pcqsel1 := pcqsched.RecvCase(a), pcqsched.SendCase(b, x); pcqsched.Select(false, pcqsel0, pcqsel1) {
//	case v, ok := <-a:          case 0: v, ok := pcqsel0.V, pcqsel0.OK;
//	case b <- x:                case 1:
//	}                           ; default: panic("..."); }
//
// The channels and sent values are evaluated on entering the statement, in
// source order, as Go's select evaluates them; a receive's assignment
// happens in its case; break still leaves the statement, a label still
// names it. Every line keeps its number: a select whose case heads span
// several lines, or hold another edit, is left as it is.
func selectEdits(tf *token.File, src []byte, f *ast.File, n names, others []edit) []edit {
	var edits []edit
	count := 0
	ast.Inspect(f, func(node ast.Node) bool {
		s, ok := node.(*ast.SelectStmt)
		if !ok {
			return true
		}
		sel := selectRewrite{tf: tf, src: src, n: n, prefix: fmt.Sprintf("%ssel%d_", n.temp, count)}
		if e, ok := sel.edits(s, others); ok {
			edits = append(edits, e...)
			count++
		}
		return true
	})
	return edits
}

// selectRewrite is the rewrite of one select statement.
type selectRewrite struct {
	tf     *token.File
	src    []byte
	n      names
	prefix string // of the cases' temporaries
}

func (r selectRewrite) off(p token.Pos) int     { return r.tf.Offset(p) }
func (r selectRewrite) line(p token.Pos) int    { return r.tf.Line(p) }
func (r selectRewrite) text(e ast.Node) string  { return string(r.src[r.off(e.Pos()):r.off(e.End())]) }
func (r selectRewrite) temp(i int) string       { return fmt.Sprintf("%s%d", r.prefix, i) }
func (r selectRewrite) call(name string) string { return r.n.sched + "." + name }
func (r selectRewrite) within(e edit, c *ast.CommClause) bool {
	return r.off(c.Pos()) <= e.from && e.to <= r.off(c.Colon)+1
}

// edits returns the edits of s, or false if s stays as it is.
func (r selectRewrite) edits(s *ast.SelectStmt, others []edit) ([]edit, bool) {
	var comms []*ast.CommClause
	hasDefault := false
	for _, stmt := range s.Body.List {
		c := stmt.(*ast.CommClause)
		if c.Comm == nil {
			hasDefault = true
			continue
		}
		if r.line(c.Pos()) != r.line(c.Colon) || containsEdit(others, func(e edit) bool { return r.within(e, c) }) {
			return nil, false
		}
		comms = append(comms, c)
	}
	if len(comms) < 2 {
		return nil, false // a lone case has no choice to make
	}
	var temps, cases []string
	var edits []edit
	for i, c := range comms {
		caseExpr, assign, ok := r.comm(c.Comm, r.temp(i))
		if !ok {
			return nil, false
		}
		temps, cases = append(temps, r.temp(i)), append(cases, caseExpr)
		edits = append(edits, edit{r.off(c.Pos()), r.off(c.Colon) + 1, fmt.Sprintf("case %d:%s", i, assign)})
	}
	head := fmt.Sprintf("switch %s := %s; %s(%v, %s)", strings.Join(temps, ", "), strings.Join(cases, ", "),
		r.call("Select"), hasDefault, strings.Join(temps, ", "))
	kw := r.off(s.Select)
	edits = append(edits, edit{kw, kw + len("select"), head})
	if !hasDefault {
		// Select never returns -1 then; the default keeps a select whose
		// every case returns a terminating statement, as a switch is one
		// only with a default.
		end := r.off(s.Body.Rbrace)
		edits = append(edits, edit{end, end, `; default: panic("pcq: unreachable: sched.Select without a default"); `})
	}
	return edits, true
}

// comm returns the case value of communication comm and the assignment its
// case starts with (" v, ok := t.V, t.OK;"), or false for a form it does
// not know.
func (r selectRewrite) comm(comm ast.Stmt, temp string) (caseExpr, assign string, ok bool) {
	switch c := comm.(type) {
	case *ast.SendStmt:
		return fmt.Sprintf("%s(%s, %s)", r.call("SendCase"), r.text(c.Chan), r.text(c.Value)), "", true
	case *ast.ExprStmt:
		if ch, ok := received(c.X); ok {
			return fmt.Sprintf("%s(%s)", r.call("RecvCase"), r.text(ch)), "", true
		}
	case *ast.AssignStmt:
		ch, ok := received(c.Rhs[0])
		if !ok || len(c.Lhs) > 2 {
			return "", "", false
		}
		lhs := make([]string, len(c.Lhs))
		for i, l := range c.Lhs {
			lhs[i] = r.text(l)
		}
		rhs := temp + ".V"
		if len(lhs) == 2 {
			rhs += ", " + temp + ".OK"
		}
		return fmt.Sprintf("%s(%s)", r.call("RecvCase"), r.text(ch)), fmt.Sprintf(" %s %s %s;", strings.Join(lhs, ", "), c.Tok, rhs), true
	}
	return "", "", false
}

// received returns the channel of a receive expression <-ch.
func received(e ast.Expr) (ast.Expr, bool) {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return nil, false
	}
	return u.X, true
}

// containsEdit reports whether one of edits satisfies in.
func containsEdit(edits []edit, in func(edit) bool) bool {
	for _, e := range edits {
		if in(e) {
			return true
		}
	}
	return false
}
