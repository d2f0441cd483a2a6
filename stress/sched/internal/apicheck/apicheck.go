// Package apicheck compares the exported API of a mirror package with the
// standard package it mirrors, identifier by identifier: the tests of the
// drop-in packages [github.com/pcqkit/pcq/stress/sched/atomic] and
// [github.com/pcqkit/pcq/stress/sched/sync] use it to prove that an
// instrumented build compiles wherever the original did.
package apicheck

import (
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"sort"
)

// Compare type-checks the packages std and mirror (import paths, from
// source) and returns one line per difference of their exported APIs, sorted:
// an identifier, method or struct field that one has and the other has not,
// or whose kind or signature differs. Types are compared modulo their
// package: std's Mutex and mirror's Mutex are the same name.
func Compare(std, mirror string) ([]string, error) {
	want, err := api(std, std, mirror)
	if err != nil {
		return nil, err
	}
	got, err := api(mirror, std, mirror)
	if err != nil {
		return nil, err
	}
	return diff(want, got), nil
}

// api maps every exported identifier of the package path (and every exported
// method and field of its types, as "Type.Name") to its description.
func api(path, std, mirror string) (map[string]string, error) {
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import(path)
	if err != nil {
		return nil, fmt.Errorf("apicheck: %v", err)
	}
	q := qualifier(std, mirror)
	out := map[string]string{}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		out[name] = describe(obj, q)
		if tn, ok := obj.(*types.TypeName); ok {
			members(name, types.Unalias(tn.Type()), q, out)
		}
	}
	return out, nil
}

// qualifier prints the types of std and mirror unqualified, others by path.
func qualifier(std, mirror string) types.Qualifier {
	return func(p *types.Package) string {
		if p.Path() == std || p.Path() == mirror {
			return ""
		}
		return p.Path()
	}
}

// describe is the kind and type of obj; a type is described by its type
// parameters and, for an interface, its methods (a struct's fields and a
// type's methods are members of their own).
func describe(obj types.Object, q types.Qualifier) string {
	switch obj := obj.(type) {
	case *types.Func:
		return types.TypeString(obj.Type(), q)
	case *types.TypeName:
		t := types.Unalias(obj.Type())
		named, ok := t.(*types.Named)
		if !ok {
			return "type " + types.TypeString(t, q)
		}
		kind := "struct"
		if _, isStruct := named.Underlying().(*types.Struct); !isStruct {
			kind = "type " + types.TypeString(named.Underlying(), q)
		}
		return kind + typeParams(named.TypeParams(), q)
	case *types.Const:
		return "const " + types.TypeString(obj.Type(), q)
	default:
		return "var " + types.TypeString(obj.Type(), q)
	}
}

// typeParams prints a type parameter list with its constraints, or "".
func typeParams(list *types.TypeParamList, q types.Qualifier) string {
	if list.Len() == 0 {
		return ""
	}
	s := "["
	for i := range list.Len() {
		tp := list.At(i)
		if i > 0 {
			s += ", "
		}
		s += tp.Obj().Name() + " " + types.TypeString(tp.Constraint(), q)
	}
	return s + "]"
}

// members adds the exported methods of *t (the method set a caller sees)
// and the exported fields of a struct t to out, keyed "Type.Name".
func members(typeName string, t types.Type, q types.Qualifier, out map[string]string) {
	if _, isInterface := t.Underlying().(*types.Interface); isInterface {
		return // its methods are part of its description
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	for i := range ms.Len() {
		m := ms.At(i).Obj()
		if m.Exported() {
			out[typeName+"."+m.Name()] = "method " + types.TypeString(m.Type(), q)[len("func"):]
		}
	}
	if st, ok := t.Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			f := st.Field(i)
			if f.Exported() {
				out[typeName+"."+f.Name()] = "field " + types.TypeString(f.Type(), q)
			}
		}
	}
}

// diff lists what want has that got has not, what differs, and what got
// has in excess, sorted by name.
func diff(want, got map[string]string) []string {
	var out []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s: missing (want %s)", name, w))
		case g != w:
			out = append(out, fmt.Sprintf("%s: got %s, want %s", name, g, w))
		}
	}
	for name, g := range got {
		if _, ok := want[name]; !ok {
			out = append(out, fmt.Sprintf("%s: not in the standard package (%s)", name, g))
		}
	}
	sort.Strings(out)
	return out
}
