package instrument

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// The go command refuses an overlay of a file beneath GOMODCACHE. A package
// of another module is therefore instrumented in a copy of its module (under
// dir/modcache/path@version), which the go.mod written to dir/go.mod
// (for `-modfile`) puts in place of the original with a replace directive.

// listedModule is the module of a listed package.
type listedModule struct {
	Path    string
	Version string
	Dir     string
}

// moduleCopies copies modules out of the module cache, each once.
type moduleCopies struct {
	dir      string            // the overlay directory
	modcache string            // GOMODCACHE
	copied   map[string]string // module path -> its copy
}

// packageDir is where p's files are to be read: its own directory, or the
// same directory in a copy of its module if it lies in the module cache.
func (c *moduleCopies) packageDir(p listedPackage) (string, error) {
	if p.Module == nil || !within(p.Dir, c.modcache) {
		return p.Dir, nil
	}
	root, ok := c.copied[p.Module.Path]
	if !ok {
		root = filepath.Join(c.dir, "modcache", filepath.FromSlash(p.Module.Path)+"@"+p.Module.Version)
		if err := copyModule(p.Module, root); err != nil {
			return "", err
		}
		c.copied[p.Module.Path] = root
	}
	rel, err := filepath.Rel(p.Module.Dir, p.Dir)
	if err != nil {
		return "", fmt.Errorf("instrument: %v", err)
	}
	return filepath.Join(root, rel), nil
}

// writeModfile writes dir/go.mod, the main module's go.mod with a replace
// directive per copied module, and dir/go.sum, a copy of the main module's;
// it returns "" if no module was copied.
func (c *moduleCopies) writeModfile() (string, error) {
	if len(c.copied) == 0 {
		return "", nil
	}
	gomod, err := goEnv("GOMOD")
	if err != nil {
		return "", err
	}
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("instrument: a package of the module cache is instrumented through the main module's go.mod, and there is none")
	}
	data, err := os.ReadFile(gomod)
	if err != nil {
		return "", fmt.Errorf("instrument: %v", err)
	}
	for path, root := range c.copied {
		data = fmt.Appendf(data, "\nreplace %s => %s\n", path, root)
	}
	modfile := filepath.Join(c.dir, "go.mod")
	if err := writeFile(modfile, data); err != nil {
		return "", err
	}
	sum, err := os.ReadFile(strings.TrimSuffix(gomod, ".mod") + ".sum")
	if err != nil && !os.IsNotExist(err) {
		return "", fmt.Errorf("instrument: %v", err)
	}
	return modfile, writeFile(filepath.Join(c.dir, "go.sum"), sum)
}

// within reports whether path lies beneath dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// copyModule copies the module m to root; a module without a go.mod (one
// from before modules) gets the go.mod the go command synthesizes for it.
// The copy's language version is at least [minGoVersion].
func copyModule(m *listedModule, root string) error {
	if err := copyTree(m.Dir, root); err != nil {
		return err
	}
	gomod := filepath.Join(root, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		data = []byte("module " + m.Path + "\n")
	}
	return writeFile(gomod, raiseGoVersion(data))
}

// minGoVersion is the language version the rewrite needs: its calls of the
// scheduler's generic functions (sched.RecvCase) infer type arguments.
const minGoVersion = "1.18"

// raiseGoVersion returns the go.mod data with its go directive raised to
// minGoVersion if it is older or missing. The loops' semantics, the one
// change of meaning since, come with go 1.22: an older module keeps its.
func raiseGoVersion(data []byte) []byte {
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == "go" {
			if olderThan(f[1], minGoVersion) {
				lines[i] = "go " + minGoVersion
			}
			return []byte(strings.Join(lines, "\n"))
		}
	}
	return append(data, []byte("\ngo "+minGoVersion+"\n")...)
}

// olderThan compares two go versions "1.N" or "1.N.P" by their minor
// number.
func olderThan(v, than string) bool {
	minor := func(v string) int {
		parts := strings.Split(v, ".")
		if len(parts) < 2 {
			return 0
		}
		n, _ := strconv.Atoi(parts[1])
		return n
	}
	return minor(v) < minor(than)
}

// copyTree copies the regular files beneath from to to, writable.
func copyTree(from, to string) error {
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(to, rel), data)
	})
	if err != nil {
		return fmt.Errorf("instrument: copying module %s: %v", from, err)
	}
	return nil
}

// goEnv is the value of `go env name`.
func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("instrument: go env %s: %v", name, err)
	}
	return string(bytes.TrimSpace(out)), nil
}
