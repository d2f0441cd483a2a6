package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
)

// WriteArtifacts writes a failing outcome's history (history/FORMAT.md) to
// historyPath and its visualisation to visualPath, and returns the paths
// written. A history too large to visualise without culprits gets no
// visualisation; why is in the error, as is any file that could not be
// written. An outcome without operations writes nothing.
func WriteArtifacts(o Outcome, historyPath, visualPath string) (written []string, err error) {
	if len(o.History.Operations) == 0 {
		return nil, nil
	}
	var errs []error
	if err := WriteFile(historyPath, func(w *os.File) error { return history.Write(w, o.History) }); err != nil {
		errs = append(errs, err)
	} else {
		written = append(written, historyPath)
	}
	var html bytes.Buffer
	if err := linearizability.Visualize(o.History, o.Report, &html); err != nil {
		errs = append(errs, fmt.Errorf("no visualisation: %w", err))
	} else if err := WriteFile(visualPath, func(w *os.File) error { _, err := w.Write(html.Bytes()); return err }); err != nil {
		errs = append(errs, err)
	} else {
		written = append(written, visualPath)
	}
	return written, errors.Join(errs...)
}

// WriteFile creates path with fill; a file that could not be filled is
// removed. The error names the file.
func WriteFile(path string, fill func(*os.File) error) error {
	w, err := os.Create(path)
	if err == nil {
		err = fill(w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		_ = os.Remove(path)
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return nil
}
