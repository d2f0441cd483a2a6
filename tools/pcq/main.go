// Command pcq is the producer-consumer queue kit's command: it checks
// recorded history files for linearizability (check; the format is
// history/FORMAT.md), runs the stress harness over the kit's queues
// (stress), benchmarks them against a buffered channel (bench), runs every
// native fuzz target of the module in turn (fuzz), and runs the
// producer/consumer program of Python's queue documentation (demo).
//
// Usage:
//
//	pcq <command> [flags]
//	pcq <command> -h
//
// Run pcq -h for the list of commands.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// A command is one subcommand of pcq: run gets the arguments after the
// subcommand's name and returns the process exit code: 0 ok, 1 failure,
// 2 usage error (the flag package's code), and any others the subcommand
// documents.
type command struct {
	name    string
	summary string // one line for pcq -h
	run     func(args []string) int
}

// commands is the table of subcommands, in the order pcq -h lists them.
// Adding a subcommand is one entry here and one file beside this one.
var commands = []command{
	{"stress", "stress campaign: every implementation under many goroutines, histories checked for linearizability", runStress},
	{"check", "check history files for linearizability (exit 0 yes, 1 violation, 2 unknown, 3 bad file)", runCheck},
	{"bench", "throughput and latency of each implementation against a buffered channel; table and plot", runBench},
	{"fuzz", "run every fuzz target in turn for a share of a time budget; table of executions and crashers", runFuzz},
	{"explore", "the controlled scheduler over the implementations: PCT, random or exhaustive schedules, exact replay", runExplore},
	{"demo", "run producers and consumers over a queue; check every item is consumed once", runDemo},
}

// stdout and stderr are where commands write; tests replace them.
var (
	stdout io.Writer = os.Stdout
	stderr io.Writer = os.Stderr
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run dispatches args (without the program name) to a subcommand and
// returns the exit code.
func run(args []string) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch name := args[0]; name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			return run([]string{args[1], "-h"})
		}
		usage(stdout)
		return 0
	default:
		for _, c := range commands {
			if c.name == name {
				return c.run(args[1:])
			}
		}
		fmt.Fprintf(stderr, "pcq: unknown command %q\n", name)
		usage(stderr)
		return 2
	}
}

// usage writes the list of subcommands.
func usage(w io.Writer) {
	fmt.Fprintf(w, "usage: pcq <command> [flags]\n\nCommands:\n")
	width := 0
	for _, c := range commands {
		width = max(width, len(c.name))
	}
	for _, c := range commands {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun 'pcq <command> -h' for a command's flags.\n")
}

// newFlagSet returns a flag set for subcommand name whose -h prints the
// usage line ("pcq name" + synopsis), the description and the flags.
func newFlagSet(name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet("pcq "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: pcq %s %s\n\n%s\n\nFlags:\n", name, synopsis, strings.TrimSpace(description))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args into fs and allows no positional arguments. It
// returns ok, or the exit code to return: 0 after -h, 2 on a usage error
// (the flag package has already printed the error and usage).
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// usageError reports a bad flag value for subcommand fs and returns 2.
func usageError(fs *flag.FlagSet, format string, a ...any) int {
	fmt.Fprintf(fs.Output(), "%s: %s\n", fs.Name(), fmt.Sprintf(format, a...))
	return 2
}

// printFailures writes the error of each name that has one, in the order
// of names, after a command's table, and returns the exit code: 1 if any
// failed, else 0.
func printFailures(out io.Writer, names []string, errs map[string]error) int {
	code := 0
	for _, name := range names {
		if err := errs[name]; err != nil {
			code = 1
			fmt.Fprintf(out, "\n--- %s:\n%v\n", name, err)
		}
	}
	return code
}
