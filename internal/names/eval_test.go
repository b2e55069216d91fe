package names

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name, in string
		want     Counts
		schemas  int
	}{
		{
			"csv with schema",
			"case_group,schema,name1,name2,is_match\n" +
				"a,Person,Maria Kolesnikova,Maryia Kalesnikava,true\n" +
				"a,Person,Kolesnikov,Kolesnikova,false\n" +
				"a,Person,\"Lukashenko, Alexander\",Viktor Lukashenko,1\n" +
				"a,Company,AFP,Agence France-Presse,1\n",
			Counts{TP: 2, FN: 1, TN: 1}, 2,
		},
		{
			"tsv without schema",
			"name1\tname2\tis_match\n" +
				"Sergei Tikhanovsky\tSvetlana Tikhanovskaya\tfalse\n" +
				"Sviatlana Tsikhanouskaya\tSvetlana Tikhanovskaya\tTRUE\n",
			Counts{TP: 1, TN: 1}, 1,
		},
		{"header only", "name1,name2,is_match\n", Counts{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Evaluate(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("Evaluate: got error %v, want nil", err)
			}
			if rep.Overall != tt.want {
				t.Errorf("Evaluate: got %+v, want %+v", rep.Overall, tt.want)
			}
			if len(rep.BySchema) != tt.schemas {
				t.Errorf("Evaluate: got %d schemas, want %d", len(rep.BySchema), tt.schemas)
			}
			if len(rep.Errors) != tt.want.FP+tt.want.FN {
				t.Errorf("Evaluate: got %d errors listed, want %d", len(rep.Errors), tt.want.FP+tt.want.FN)
			}
		})
	}
}

func TestEvaluateErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty input", ""},
		{"missing column", "name1,name2\nA,B\n"},
		{"bad label", "name1,name2,is_match\nA,B,maybe\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Evaluate(strings.NewReader(tt.in)); err == nil {
				t.Errorf("Evaluate(%q): got nil error, want one", tt.in)
			}
		})
	}
}

func TestReportWrite(t *testing.T) {
	rep, err := Evaluate(strings.NewReader("schema,name1,name2,is_match\nPerson,Kalesnikava,Kolesnikova,true\nPerson,Kolesnikov,Kolesnikova,true\n"))
	if err != nil {
		t.Fatalf("Evaluate: got error %v, want nil", err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf); err != nil {
		t.Fatalf("Write: got error %v, want nil", err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	last := lines[len(lines)-1]
	if want := "names: P=1.000 R=0.500 F1=0.667 n=2"; last != want {
		t.Errorf("last line: got %q, want %q", last, want)
	}
	if !strings.HasPrefix(lines[0], "names[Person]: ") {
		t.Errorf("first line: got %q, want the Person line", lines[0])
	}
}

// TestEvaluateCases runs the shared evaluation set and holds the Person rows
// to F1 ≥ 0.90 with precision ≥ 0.95.
func TestEvaluateCases(t *testing.T) {
	f, err := os.Open("../../../shared/eval/names/cases.csv")
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("evaluation set ../../../shared/eval/names/cases.csv is absent; skipping")
	}
	if err != nil {
		t.Fatalf("opening the evaluation set: %v", err)
	}
	defer f.Close()
	rep, err := Evaluate(f)
	if err != nil {
		t.Fatalf("Evaluate: got error %v, want nil", err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf); err != nil {
		t.Fatalf("Write: got error %v, want nil", err)
	}
	t.Log("\n" + buf.String())
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if re := regexp.MustCompile(`^names: P=\d\.\d{3} R=\d\.\d{3} F1=\d\.\d{3} n=\d+$`); !re.MatchString(lines[len(lines)-1]) {
		t.Errorf("last line: got %q, want \"names: P=0.xxx R=0.xxx F1=0.xxx n=N\"", lines[len(lines)-1])
	}
	p := rep.BySchema["Person"]
	if p.N() == 0 {
		t.Fatal("no Person rows in the evaluation set")
	}
	if p.F1() < 0.90 {
		t.Errorf("Person F1: got %.3f, want at least 0.900", p.F1())
	}
	if p.Precision() < 0.95 {
		t.Errorf("Person precision: got %.3f, want at least 0.950", p.Precision())
	}
	if testing.Verbose() {
		for _, e := range rep.Errors {
			kind := "FN"
			if !e.Want {
				kind = "FP"
			}
			t.Logf("%s %s | %s | %s | %s", kind, e.Schema, e.Name1, e.Name2, e.Got.Reason)
		}
	}
}
