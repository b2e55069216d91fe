package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
)

const entitiesHelp = `
List the people, organisations and places of each story, with every spelling
the outlets use merged under one name, their roles and mention counts. With
inputs, they are read and grouped into stories first; without, the stories
in the store are used (--story narrows to one).`

func cmdEntities(ctx context.Context, e *env, args []string) error {
	return storyItems(ctx, e, args, "entities", entitiesHelp, func(sb crosscheck.StoryBrief) any { return sb.Entities },
		func(tw *tabwriter.Writer, sb crosscheck.StoryBrief) {
			fmt.Fprintln(tw, "TYPE\tNAME\tSPELLINGS (OUTLETS)\tROLES\tMENTIONS")
			for _, en := range sb.Entities {
				var sp []string
				for _, v := range en.Variants {
					sp = append(sp, fmt.Sprintf("%s (%s)", v.Name, strings.Join(v.Outlets, ", ")))
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", en.Type, en.Name, strings.Join(sp, "; "), strings.Join(first(en.Roles, 3), "; "), en.Mentions)
			}
		})
}

const factsHelp = `
List the checkable facts of each story: numbers with what they count and
dates, each with its outlets, independent origins and status (corroborated,
single_source or conflict) and why, then the quotes with their speakers.
With inputs, they are read and grouped into stories first; without, the
stories in the store are used (--story narrows to one).`

func cmdFacts(ctx context.Context, e *env, args []string) error {
	type facts struct {
		Facts     []crosscheck.Fact     `json:"facts"`
		Quotes    []crosscheck.Quote    `json:"quotes"`
		Conflicts []crosscheck.Conflict `json:"conflicts"`
	}
	return storyItems(ctx, e, args, "facts", factsHelp, func(sb crosscheck.StoryBrief) any {
		return facts{sb.Facts, sb.Quotes, sb.Differences.Conflicts}
	}, func(tw *tabwriter.Writer, sb crosscheck.StoryBrief) {
		fmt.Fprintln(tw, "ID\tSTATUS\tORIGINS\tFACT\tOUTLETS")
		for _, f := range sb.Facts {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", f.ID, f.Status, f.IndependentOrigins, f.Text, strings.Join(f.Outlets, ", "))
		}
		for _, q := range sb.Quotes {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s: %q\t%s\n", q.ID, q.Status, q.IndependentOrigins, orDash(q.Speaker), shortTitle(q.Text), strings.Join(q.Outlets, ", "))
		}
		for _, c := range sb.Differences.Conflicts {
			fmt.Fprintf(tw, "%s\tconflict\t\t%s\t\n", c.Item, c.Why)
		}
	})
}

// storyItems builds the briefs of the stories of the inputs or of the
// store, and prints one part of each.
func storyItems(ctx context.Context, e *env, args []string, name, help string, part func(crosscheck.StoryBrief) any, table func(*tabwriter.Writer, crosscheck.StoryBrief)) error {
	c := defaultConfig(e)
	fs := newFlags(e, name, "[flags] [INPUT...]", help)
	c.dbFlag(fs)
	c.readFlags(fs)
	c.clusterFlags(fs)
	story := fs.String("story", "", "only this stored story")
	c.formatFlag(fs, "text", "text", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check("text", "json"); err != nil {
		return err
	}
	var briefs []crosscheck.StoryBrief
	switch {
	case fs.NArg() > 0 && *story != "":
		return usagef("give inputs or --story, not both")
	case fs.NArg() > 0:
		arts, _, err := readInputs(ctx, e, &c, fs.Args())
		if err != nil {
			return err
		}
		for _, g := range pipeline.GroupStories(arts, c.clusterOptions()) {
			briefs = append(briefs, pipeline.AnalyzeStory(g.ID, g.Title, g.Articles))
		}
	case *story != "":
		sb, err := storyBrief(ctx, c.DB, *story)
		if err != nil {
			return err
		}
		briefs = append(briefs, sb)
	default:
		st, err := store.OpenSQLite(ctx, c.DB)
		if err != nil {
			return err
		}
		list, err := st.Stories(ctx, crosscheck.StoryFilter{})
		st.Close()
		if err != nil {
			return err
		}
		for _, s := range list {
			sb, err := storyBrief(ctx, c.DB, s.ID)
			if err != nil {
				return err
			}
			briefs = append(briefs, sb)
		}
	}
	if c.Format == "json" {
		type item struct {
			Story string `json:"story"`
			Title string `json:"title"`
			Items any    `json:"items"`
		}
		out := []item{}
		for _, sb := range briefs {
			out = append(out, item{sb.ID, sb.Title, part(sb)})
		}
		return writeJSON(e.stdout, map[string]any{"stories": out})
	}
	for _, sb := range briefs {
		fmt.Fprintf(e.stdout, "== %s: %s\n", sb.ID, sb.Title)
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		table(tw, sb)
		tw.Flush()
		fmt.Fprintln(e.stdout)
	}
	return nil
}
