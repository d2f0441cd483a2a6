package instrument

import (
	"fmt"
	"path/filepath"
)

// markerFile is the file the overlay adds to each package it instruments.
const markerFile = "zz_pcq_instrumented.go"

// addMarker adds to the overlay a file of package p whose init tells the
// scheduler that p was built instrumented (sched.MarkInstrumented), so that
// a binary knows what it was built with ([Instrumented]).
func addMarker(dir string, p listedPackage, res *Result) error {
	if len(p.GoFiles) == 0 || p.Name == "" {
		return nil
	}
	// The import's name is file-scoped but must not clash with a
	// package-level name: one no package spells.
	src := fmt.Sprintf("package %s\n\nimport pcqInstrumentedMarkSched %q\n\nfunc init() { pcqInstrumentedMarkSched.MarkInstrumented(%q) }\n",
		p.Name, schedPath, p.ImportPath)
	copyPath := filepath.Join(dir, filepath.FromSlash(p.ImportPath), markerFile)
	if err := writeFile(copyPath, []byte(src)); err != nil {
		return err
	}
	res.Replace[filepath.Join(p.Dir, markerFile)] = copyPath
	return nil
}
