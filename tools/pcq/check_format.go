package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/pcqkit/pcq/history"
)

// checkFormatHelp is the -format flag's usage.
const checkFormatHelp = "history `format`: pcq (history/FORMAT.md), jepsen (a Jepsen queue test's history.edn, history/JEPSEN.md) or auto (jepsen for a file ending .edn, else pcq) (default auto)"

// historyFormat is the -format flag of pcq check.
type historyFormat string

// The history formats pcq check reads.
const (
	formatAuto   historyFormat = "auto"
	formatPCQ    historyFormat = "pcq"
	formatJepsen historyFormat = "jepsen"
)

func (f *historyFormat) String() string {
	if f == nil || *f == "" {
		return string(formatAuto)
	}
	return string(*f)
}

func (f *historyFormat) Set(s string) error {
	switch historyFormat(s) {
	case formatAuto, formatPCQ, formatJepsen:
		*f = historyFormat(s)
		return nil
	}
	return fmt.Errorf("want pcq, jepsen or auto, not %q", s)
}

// of is the format of the file name: auto picks jepsen for .edn.
func (f historyFormat) of(name string) historyFormat {
	if f != formatAuto && f != "" {
		return f
	}
	if strings.EqualFold(filepath.Ext(name), ".edn") {
		return formatJepsen
	}
	return formatPCQ
}

// readHistory reads the history file name from r in its format.
func (f historyFormat) readHistory(name string, r io.Reader) (history.History, error) {
	if f.of(name) == formatJepsen {
		return history.ReadJepsen(r)
	}
	return history.Read(r)
}
