package instrument

import (
	"go/ast"
	"go/token"
)

// chanPoints returns the edits that put a scheduling point before every
// statement of f that operates on a channel — a send, a receive, a select,
// a close — in the statement's own part (an if's init and condition, not
// the statements of its blocks, nor function literals,
// which have their own): `pcqsched.Point("select", nil); select {`, on the
// statement's line. A channel operation is a synchronisation like an
// atomic: without the point, the code between two atomics runs as one step
// however many channel operations it holds, and a lock built on a channel
// (a buffered channel of one) would never be seen held. Go and defer
// statements get none (their calls run elsewhere); nor does a range over a
// channel, nor len or cap of one (without types, a channel is known only
// by the operators applied to it).
func chanPoints(tf *token.File, f *ast.File, schedName string) []edit {
	var edits []edit
	point := func(at token.Pos, what string) {
		off := tf.Offset(at)
		edits = append(edits, edit{off, off, schedName + `.Point("` + what + `", nil); `})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		for _, list := range stmtLists(n) {
			for _, s := range list {
				if what := chanOp(s); what != "" {
					point(s.Pos(), what)
				}
			}
		}
		return true
	})
	return edits
}

// stmtLists returns the statement lists n holds directly.
func stmtLists(n ast.Node) [][]ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return [][]ast.Stmt{n.List}
	case *ast.CaseClause:
		return [][]ast.Stmt{n.Body}
	case *ast.CommClause:
		return [][]ast.Stmt{n.Body}
	}
	return nil
}

// chanOp names the first channel operation of statement s's own part, or
// returns "".
func chanOp(s ast.Stmt) string {
	switch s := s.(type) {
	case *ast.LabeledStmt:
		return chanOp(s.Stmt)
	case *ast.SelectStmt:
		return "select"
	case *ast.SendStmt:
		return "chan send"
	case *ast.GoStmt, *ast.DeferStmt, *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return ""
	case *ast.IfStmt:
		return chanOpIn(s.Init, s.Cond)
	case *ast.SwitchStmt:
		return chanOpIn(s.Init, s.Tag)
	case *ast.TypeSwitchStmt:
		return chanOpIn(s.Init, s.Assign)
	case *ast.ForStmt:
		return chanOpIn(s.Init, s.Cond)
	case *ast.RangeStmt:
		return chanOpIn(s.X)
	}
	return chanOpIn(s)
}

// chanOpIn names the first channel operation in nodes, function literals
// left out, or returns "".
func chanOpIn(nodes ...ast.Node) string {
	what := ""
	for _, n := range nodes {
		if n == nil || what != "" {
			continue
		}
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.UnaryExpr:
				if m.Op == token.ARROW {
					what = "chan receive"
				}
			case *ast.SendStmt:
				what = "chan send"
			case *ast.CallExpr:
				if id, ok := m.Fun.(*ast.Ident); ok && id.Name == "close" && id.Obj == nil && len(m.Args) == 1 {
					what = "close"
				}
			}
			return what == ""
		})
	}
	return what
}
