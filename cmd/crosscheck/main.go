// Command crosscheck reads news articles from many outlets and tells what is
// established, what rests on one source and where the outlets disagree.
//
// Run "crosscheck help" for the subcommands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "add articles from files, directories, URLs, feeds, JSON lines or stdin to the store", cmdIngest},
		{"articles", "list the stored articles", cmdArticles},
		{"show", "print one stored article, cleaned, with its metadata", cmdShow},
		{"stories", "list the stories in the store", cmdStories},
		{"story", "print the brief of one stored story", cmdStory},
		{"brief", "read the given inputs and print one brief per story, without a store", cmdBrief},
		{"entities", "list the people, organisations and places of each story, every spelling merged", cmdEntities},
		{"facts", "list each story's facts and quotes with their status across outlets", cmdFacts},
		{"match", "say whether two names denote the same person or organisation, and why", cmdMatch},
		{"eval", "measure crosscheck on public benchmark data (extraction, names)", cmdEval},
		{"serve", "serve the store over HTTP: JSON API and pages, with an add-articles form", cmdServe},
		{"bench", "ingest a generated corpus and print articles per second and peak memory", cmdBench},
		{"version", "print the version", cmdVersion},
	}
}

// env is what a subcommand may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	log            *slog.Logger
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run executes one command line and returns the exit code.
func run(ctx context.Context, e *env, args []string) int {
	if e.log == nil {
		level := slog.LevelWarn
		if e.getenv("CROSSCHECK_DEBUG") != "" {
			level = slog.LevelDebug
		}
		e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			return run(ctx, e, []string{args[1], "--help"})
		}
		usage(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		var ue usageError
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(e.stderr, "crosscheck %s: %v\nRun 'crosscheck %s --help' for usage.\n", c.name, err, c.name)
			return exitUsage
		case errors.Is(err, errReported):
			return exitFailure
		default:
			fmt.Fprintf(e.stderr, "crosscheck %s: %v\n", c.name, err)
			return exitFailure
		}
	}
	fmt.Fprintf(e.stderr, "crosscheck: unknown command %q\nRun 'crosscheck help' for the commands.\n", args[0])
	return exitUsage
}

// errReported fails a command whose problems were already printed.
var errReported = errors.New("failed")

func usage(w io.Writer) {
	fmt.Fprintln(w, "crosscheck cross-checks news articles from many outlets.")
	fmt.Fprintln(w, "\nUsage: crosscheck <command> [flags] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'crosscheck <command> --help' for a command's flags.")
}

// newFlags returns a flag set whose --help prints the command's synopsis.
func newFlags(e *env, name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "Usage: crosscheck %s %s\n\n%s\n", name, synopsis, strings.TrimSpace(description))
		first := true
		fs.VisitAll(func(f *flag.Flag) {
			if first {
				fmt.Fprintln(w, "\nFlags:")
				first = false
			}
			kind, help := flag.UnquoteUsage(f)
			fmt.Fprintf(w, "  --%s %s\n      %s", f.Name, kind, help)
			if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
				fmt.Fprintf(w, " (default %s)", f.DefValue)
			}
			fmt.Fprintln(w)
		})
	}
	return fs
}

// parse parses args, turning flag errors into usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

func cmdVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "", "Print the version of crosscheck.")
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "crosscheck", version)
	return nil
}
