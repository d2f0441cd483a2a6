package instrument

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// Overlay instruments the packages named by patterns (import paths or
// patterns, as for `go list`, resolved in the current directory's module):
// it writes the rewritten copies of their Go files under dir and dir's
// overlay.json, for `go test -overlay <Result.Overlay>`. A package of the
// module cache is instrumented in a copy of its module, put in place by
// the go.mod at Result.Modfile (`go test -modfile <Result.Modfile>`). A
// standard package, or one of the scheduler's own, cannot be instrumented.
func Overlay(dir string, patterns ...string) (*Result, error) {
	return OverlayWith(dir, Options{}, patterns...)
}

// OverlayWith is [Overlay] with the rewrite's options.
func OverlayWith(dir string, opts Options, patterns ...string) (*Result, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("instrument: %v", err)
	}
	pkgs, err := listPackages(patterns)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("instrument: no package matches %s", strings.Join(patterns, " "))
	}
	modcache, err := goEnv("GOMODCACHE")
	if err != nil {
		return nil, err
	}
	copies := &moduleCopies{dir: dir, modcache: modcache, copied: map[string]string{}}
	res := &Result{Replace: map[string]string{}}
	for _, p := range pkgs {
		if err := instrumentable(p); err != nil {
			return nil, err
		}
		if p.Dir, err = copies.packageDir(p); err != nil {
			return nil, err
		}
		if err := instrumentPackage(dir, p, opts, res); err != nil {
			return nil, err
		}
		if err := addMarker(dir, p, res); err != nil {
			return nil, err
		}
		res.Packages = append(res.Packages, p.ImportPath)
	}
	if res.Modfile, err = copies.writeModfile(); err != nil {
		return nil, err
	}
	res.Overlay = filepath.Join(dir, "overlay.json")
	return res, writeOverlayJSON(res.Overlay, res.Replace)
}

// instrumentable refuses the packages whose redirection would be a cycle
// or a change of the standard library.
func instrumentable(p listedPackage) error {
	switch {
	case p.Standard:
		return fmt.Errorf("instrument: %s is a standard package", p.ImportPath)
	case p.ImportPath == schedPath || p.ImportPath == mirrorAtomicPath || p.ImportPath == mirrorSyncPath ||
		strings.HasPrefix(p.ImportPath, schedPath+"/internal/"):
		return fmt.Errorf("instrument: %s is part of the scheduler", p.ImportPath)
	}
	return nil
}

// sourceFile is one parsed file of a package.
type sourceFile struct {
	path string
	src  []byte
	ast  *ast.File
}

// instrumentPackage writes p's rewritten Go files under dir and adds them
// and p's limits to res. Cgo files are reported, not rewritten.
func instrumentPackage(dir string, p listedPackage, opts Options, res *Result) error {
	fset := token.NewFileSet()
	goFiles, err := parseFiles(fset, p.Dir, p.GoFiles)
	if err != nil {
		return err
	}
	cgoFiles, err := parseFiles(fset, p.Dir, p.CgoFiles)
	if err != nil {
		return err
	}
	n := packageNames(append(goFiles, cgoFiles...))
	for _, f := range goFiles {
		edits, kept := rewrite(fset, f.ast, f.src, n, opts)
		res.Limits = append(res.Limits, linknames(fset, f.ast)...)
		res.Limits = append(res.Limits, goLimits(fset, f.src, kept)...)
		if len(edits) == 0 {
			continue
		}
		copyPath := filepath.Join(dir, filepath.FromSlash(p.ImportPath), filepath.Base(f.path))
		if err := writeFile(copyPath, apply(f.src, edits)); err != nil {
			return err
		}
		res.Replace[f.path] = copyPath
	}
	for _, f := range cgoFiles {
		res.Limits = append(res.Limits, cgoLimit(fset, f.ast))
		res.Limits = append(res.Limits, linknames(fset, f.ast)...)
		res.Limits = append(res.Limits, goLimits(fset, f.src, goStmts(f.ast))...)
	}
	for _, name := range p.SFiles {
		res.Limits = append(res.Limits, Limit{Kind: Assembly, File: filepath.Join(p.Dir, name), Text: "assembly file"})
	}
	return nil
}

// parseFiles reads and parses the named files of dir, comments included.
func parseFiles(fset *token.FileSet, dir string, names []string) ([]sourceFile, error) {
	var files []sourceFile
	for _, name := range names {
		path := filepath.Join(dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("instrument: %v", err)
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("instrument: %v", err)
		}
		files = append(files, sourceFile{path, src, f})
	}
	return files, nil
}

// freeName is base, or base followed by the smallest number from 2 up, that
// no identifier of the files spells (an import under it cannot clash with a
// declaration of the package).
func freeName(base string, files []sourceFile) string {
	used := map[string]bool{}
	for _, f := range files {
		ast.Inspect(f.ast, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				used[id.Name] = true
			}
			return true
		})
	}
	name := base
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	return name
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("instrument: %v", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("instrument: %v", err)
	}
	return nil
}

// writeOverlayJSON writes the overlay file of the go command.
func writeOverlayJSON(path string, replace map[string]string) error {
	data, err := json.MarshalIndent(struct{ Replace map[string]string }{replace}, "", "\t")
	if err != nil {
		return fmt.Errorf("instrument: %v", err)
	}
	return writeFile(path, append(data, '\n'))
}
