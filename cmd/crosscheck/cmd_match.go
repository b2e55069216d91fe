package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/names"
)

const matchHelp = `
Say whether two names denote the same person (or, with --org, the same
organisation), with the score and the reason: the rule that matched, or the
gender or given-name conflict that keeps them apart. Spelling variants across
Russian, Belarusian and Ukrainian romanisations, Cyrillic and diacritics are
handled: "Maria Kolesnikova" and "Maryia Kalesnikava" are the same person;
"Sergei Tikhanovsky" and "Svetlana Tikhanovskaya" are not.`

func cmdMatch(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "match", `[flags] "NAME A" "NAME B"`, matchHelp)
	org := fs.Bool("org", false, "compare as organisations")
	c.formatFlag(fs, "text", "text", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check("text", "json"); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("want two names, got %d arguments", fs.NArg())
	}
	a, b := fs.Arg(0), fs.Arg(1)
	r := names.Match(a, b)
	if *org {
		r = names.MatchOrg(a, b)
	}
	verdict := "different"
	if r.Same {
		verdict = "same"
	}
	if c.Format == "json" {
		return json.NewEncoder(e.stdout).Encode(map[string]any{
			"a": a, "b": b, "verdict": verdict, "partial": r.Partial, "score": r.Score, "reason": r.Reason,
		})
	}
	extra := ""
	if r.Partial {
		extra = " (partial: one name is a shorter form of the other)"
	}
	fmt.Fprintf(e.stdout, "%s\tscore=%.3f\t%s%s\n", verdict, r.Score, r.Reason, extra)
	return nil
}
