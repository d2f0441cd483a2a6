package instrument

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// listedPackage is the part of `go list -json` that the overlay needs.
type listedPackage struct {
	ImportPath string
	Name       string
	Dir        string
	Standard   bool
	GoFiles    []string // relative to Dir, build constraints applied
	CgoFiles   []string
	SFiles     []string
	Module     *listedModule
}

// listPackages runs `go list -json` on the patterns in the current directory.
func listPackages(patterns []string) ([]listedPackage, error) {
	args := append([]string{"list", "-json=ImportPath,Name,Dir,Standard,GoFiles,CgoFiles,SFiles,Module", "--"}, patterns...)
	cmd := exec.Command("go", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("instrument: go list %s: %v: %s", strings.Join(patterns, " "), err, strings.TrimSpace(stderr.String()))
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			return pkgs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("instrument: go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
}
