package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
)

// fuzzParams returns the types of the fuzzed arguments of target (those
// of the function it hands f.Fuzz, after its *testing.T), found in the
// source of its package: in the target's body, or in a function of the
// package it calls (check(f, ...)).
func fuzzParams(t fuzzTarget) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(t.dir, "*_test.go"))
	if err != nil {
		return nil, err
	}
	funcs := make(map[string]*ast.FuncDecl)
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Body != nil {
				funcs[fd.Name.Name] = fd
			}
		}
	}
	if kinds := fuzzLiteralParams(funcs, t.name, make(map[string]bool)); kinds != nil {
		return kinds, nil
	}
	return nil, fmt.Errorf("pcq: %s: no f.Fuzz(func(t *testing.T, ...)) found in its source", t)
}

// fuzzLiteralParams searches the function called name, then the
// functions it calls, for f.Fuzz(func(t *testing.T, args...)) and returns
// the types of args.
func fuzzLiteralParams(funcs map[string]*ast.FuncDecl, name string, seen map[string]bool) []string {
	fd := funcs[name]
	if fd == nil || seen[name] {
		return nil
	}
	seen[name] = true
	var kinds []string
	var callees []string
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || kinds != nil {
			return kinds == nil
		}
		switch fun := call.Fun.(type) {
		case *ast.SelectorExpr:
			if lit, ok := onlyFuncLit(call.Args); ok && fun.Sel.Name == "Fuzz" {
				kinds = literalParams(lit)
			}
		case *ast.Ident:
			callees = append(callees, fun.Name)
		}
		return true
	})
	for _, callee := range callees {
		if kinds != nil {
			break
		}
		kinds = fuzzLiteralParams(funcs, callee, seen)
	}
	return kinds
}

// onlyFuncLit returns the one argument of a call when it is a function
// literal.
func onlyFuncLit(args []ast.Expr) (*ast.FuncLit, bool) {
	if len(args) != 1 {
		return nil, false
	}
	lit, ok := args[0].(*ast.FuncLit)
	return lit, ok
}

// literalParams returns the types of a fuzz function's parameters after
// the first (its *testing.T).
func literalParams(lit *ast.FuncLit) []string {
	var kinds []string
	for _, field := range lit.Type.Params.List {
		kind := types.ExprString(field.Type)
		for range max(len(field.Names), 1) {
			kinds = append(kinds, kind)
		}
	}
	if len(kinds) == 0 || !strings.Contains(kinds[0], "testing.T") {
		return nil
	}
	return kinds[1:]
}
