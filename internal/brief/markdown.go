package brief

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Markdown writes b as Markdown that reads well in a terminal and on
// GitHub. Article text is escaped so that markup in it shows as text.
func Markdown(w io.Writer, b crosscheck.Brief) error {
	p := newPage(b)
	var buf bytes.Buffer
	if len(p.Stories) == 0 {
		buf.WriteString("# crosscheck brief\n\nNo stories.\n")
	}
	for i, s := range p.Stories {
		if i > 0 {
			buf.WriteString("\n---\n\n")
		}
		writeStory(&buf, s)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("brief markdown: %w", err)
	}
	return nil
}

func writeStory(b *bytes.Buffer, s storyView) {
	pf := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	pf("# %s\n\n", md(s.Title))
	line := s.Coverage
	if s.Span != "" {
		line += " · " + s.Span
	}
	pf("%s\n\n", md(line))
	for _, n := range s.Notes {
		pf("> **Note:** %s\n", md(n))
	}
	if len(s.Notes) > 0 {
		b.WriteString("\n")
	}

	if len(s.Outlets) > 0 {
		b.WriteString("## Outlets\n\n")
		for _, o := range s.Outlets {
			for _, a := range o.Articles {
				pf("- **%s**: %s", md(o.Name), md(orDash(a.Title)))
				var extra []string
				if a.Published != "" {
					extra = append(extra, a.Published)
				}
				if a.Note != "" {
					extra = append(extra, a.Note)
				}
				if len(extra) > 0 {
					pf(" (%s)", md(strings.Join(extra, "; ")))
				}
				b.WriteString("\n")
			}
		}
		b.WriteString("\n")
	}

	b.WriteString("## Summary\n\n")
	if len(s.Summary) == 0 {
		b.WriteString("None.\n\n")
	}
	for i, sv := range s.Summary {
		pf("%d. %s", i+1, md(sv.Text))
		if l := citeList(sv.Cites, sv.More); l != "" {
			pf(" [%s]", md(l))
		}
		if sv.SingleSource {
			b.WriteString(" *(single source)*")
		}
		b.WriteString("\n")
	}
	if len(s.Summary) > 0 {
		b.WriteString("\n")
	}

	if len(s.Facts) > 0 {
		b.WriteString("## Facts\n\n| Fact | Value | Outlets | Origins | Status |\n|---|---|---|---|---|\n")
		for _, f := range s.Facts {
			status := md(f.Status)
			if f.Conflict {
				status = "**" + status + "**"
			}
			text := md(f.Text)
			if len(f.Versions) > 0 {
				sep := "; "
				if f.Conflict {
					sep = " vs "
				}
				text += ": " + md(strings.Join(f.Versions, sep))
			}
			if f.Why != "" {
				text += " — " + md(f.Why)
			}
			pf("| %s | %s | %s | %d | %s |\n", text, md(f.Value), md(f.Outlets), f.Origins, status)
		}
		b.WriteString("\n")
	}

	if len(s.Entities) > 0 {
		b.WriteString("## People and organisations\n\n| Name | Type | Spellings (outlets) | Roles | Mentions |\n|---|---|---|---|---|\n")
		for _, e := range s.Entities {
			pf("| %s | %s | %s | %s | %d |\n", md(e.Name), md(e.Type), md(strings.Join(e.Spellings, "; ")), md(e.Roles), e.Mentions)
		}
		b.WriteString("\n")
	}

	if len(s.Quotes) > 0 {
		b.WriteString("## Quotes\n\n")
		for _, q := range s.Quotes {
			pf("- **%s**: “%s” — %s", md(orDash(q.Speaker)), md(q.Text), md(q.Outlets))
			if q.Channel != "" {
				pf(" (%s)", md(q.Channel))
			}
			status := md(q.Status)
			if q.Conflict {
				status = "**" + status + "**"
			}
			pf(" · %s\n", status)
			for _, w := range q.Wordings {
				pf("  - also worded: “%s”\n", md(w))
			}
		}
		b.WriteString("\n")
	}

	if s.HasDifferences() {
		b.WriteString("## Where the outlets differ\n\n")
		if len(s.Conflicts) > 0 {
			b.WriteString("### Conflicts\n\n")
			for _, c := range s.Conflicts {
				pf("- **⚠ %s**: %s", md(c.Kind), md(c.Item))
				if c.Why != "" {
					pf(" — %s", md(c.Why))
				}
				b.WriteString("\n")
				for _, v := range c.Versions {
					pf("  - %s — %s", md(v.Text), md(v.Outlets))
					if v.Note != "" {
						pf(" (%s)", md(v.Note))
					}
					b.WriteString("\n")
				}
			}
			b.WriteString("\n")
		}
		if len(s.Spellings) > 0 {
			b.WriteString("### Spellings\n\n")
			for _, sp := range s.Spellings {
				pf("- **%s**: %s\n", md(sp.Name), md(strings.Join(sp.Variants, "; ")))
			}
			b.WriteString("\n")
		}
		if len(s.Framing) > 0 {
			b.WriteString("### Framing\n\n")
			for _, f := range s.Framing {
				pf("- “%s” — %s; not %s", md(f.Term), md(f.Outlets), md(f.Others))
				if f.Contrast != "" {
					pf(", who say “%s”", md(f.Contrast))
				}
				pf(" (z = %s)\n", f.Score)
			}
			b.WriteString("\n")
		}
	}

	if len(s.Unique) > 0 {
		b.WriteString("## Only in one outlet\n\n")
		for _, g := range s.Unique {
			pf("### %s\n\n", md(g.Outlet))
			for _, u := range g.Items {
				pf("- %s\n", md(u.Text))
			}
			b.WriteString("\n")
		}
	}

	if len(s.Timeline) > 0 {
		b.WriteString("## Timeline\n\n| Date | Precision | Event | Outlets |\n|---|---|---|---|\n")
		for _, t := range s.Timeline {
			pf("| %s | %s | %s | %s |\n", md(t.Date), md(t.Precision), md(t.Text), md(t.Outlets))
		}
		b.WriteString("\n")
	}

	if len(s.Copies) > 0 {
		b.WriteString("## Shared text\n\n")
		for _, c := range s.Copies {
			arrow := "↔"
			if c.Directed {
				arrow = "→"
			}
			var what []string
			if c.Full {
				what = append(what, "near copy")
			}
			what = append(what, count(c.Passages, "passage", "passages"), c.Shared+" shared")
			if c.Reason != "" {
				what = append(what, c.Reason)
			}
			pf("- **%s** %s **%s**: %s", md(c.A), arrow, md(c.B), md(strings.Join(what, ", ")))
			if c.Example != "" {
				pf(" — “%s”", md(c.Example))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
}

func citeList(cs []citeView, more int) string {
	labels := make([]string, 0, len(cs)+1)
	for _, c := range cs {
		labels = append(labels, c.Label)
	}
	if more > 0 {
		labels = append(labels, "+"+strconv.Itoa(more)+" more")
	}
	return strings.Join(labels, ", ")
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// md escapes text for Markdown: markup shows as text (< and > become
// entities, which GitHub shows as the characters), emphasis, code, links
// and table cells cannot be opened, and the text stays on one line.
func md(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = c == ' '
		switch c {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			if entityAt(s[i:]) {
				b.WriteString("&amp;")
			} else {
				b.WriteByte('&')
			}
		case '\\', '`', '*', '_', '[', ']', '|', '~':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// entityAt reports whether s starts with a character reference such as
// "&lt;" or "&#60;", which a Markdown reader would decode.
func entityAt(s string) bool {
	for i := 1; i < len(s) && i < 34; i++ {
		c := s[i]
		switch {
		case c == ';':
			return i > 1
		case c == '#' && i == 1, c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return false
}
