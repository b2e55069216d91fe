package cluster

import (
	"encoding/json"
	"fmt"
	"time"
)

// stateVersion changes whenever the snapshot layout does.
const stateVersion = 1

// state is the whole clusterer but its options and the inverted index,
// which is rebuilt on Restore. Terms are named by their keys, since term ids
// are not stable across runs.
type state struct {
	Version   int               `json:"version"`
	N         int               `json:"n"`
	Added     int               `json:"added"`
	Seq       int               `json:"seq"`
	Clock     time.Time         `json:"clock,omitzero"`
	Terms     []termState       `json:"terms"`
	Stories   []storyState      `json:"stories"`
	Successor map[string]string `json:"successor,omitempty"`
}

type termState struct {
	Key string `json:"k"`
	DF  int32  `json:"df"`
}

type storyState struct {
	Seq        int       `json:"seq"`
	Title      string    `json:"title"`
	TitleGiven bool      `json:"title_given,omitempty"`
	Articles   []string  `json:"articles"`
	First      time.Time `json:"first,omitzero"`
	Last       time.Time `json:"last,omitzero"`
	LastAdded  int       `json:"last_added"`
	Terms      []int     `json:"terms"` // indexes into state.Terms
	Weights    []float64 `json:"weights"`
	// The cached norms and heads travel too: recomputing them at another
	// moment would round differently and could tip a later decision.
	Norms [numKinds]float64 `json:"norms"`
	NormN int               `json:"norm_n"`
	Heads []int             `json:"heads,omitempty"`
	// Members are the articles' own vectors while the story may still be
	// split; older snapshots have none, and their stories are not split.
	Members []memberState `json:"members,omitempty"`
	// Apart are the numbers of the stories a split set apart from this
	// one; older snapshots have none.
	Apart []int `json:"apart,omitempty"`
}

type memberState struct {
	ID        string    `json:"id"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Terms     []int     `json:"terms"` // indexes into state.Terms
	Weights   []float64 `json:"weights"`
}

// Snapshot returns the state of c, so that a clusterer restored from it
// assigns the articles that follow exactly as c would have.
func (c *Clusterer) Snapshot() ([]byte, error) {
	st := state{
		Version:   stateVersion,
		N:         c.n,
		Added:     c.added,
		Seq:       c.seq,
		Clock:     c.clock,
		Successor: c.successor,
	}
	index := make(map[int32]int, len(c.vocab))
	for id, t := range c.terms {
		if t.key == "" {
			continue
		}
		index[int32(id)] = len(st.Terms)
		st.Terms = append(st.Terms, termState{t.key, t.df})
	}
	refs := func(ids []int32) []int {
		out := make([]int, len(ids))
		for i, id := range ids {
			out[i] = index[id]
		}
		return out
	}
	for _, s := range c.live() {
		var members []memberState
		for _, m := range s.members {
			members = append(members, memberState{m.id, m.title, m.published, refs(m.vec.terms), m.vec.weights})
		}
		st.Stories = append(st.Stories, storyState{
			Seq:        s.seq,
			Title:      s.title,
			TitleGiven: s.titleGiven,
			Articles:   s.articles,
			First:      s.first,
			Last:       s.last,
			LastAdded:  s.lastAdded,
			Terms:      refs(s.terms),
			Weights:    s.weights,
			Norms:      s.norms,
			NormN:      s.normN,
			Heads:      refs(s.heads),
			Members:    members,
			Apart:      s.apart,
		})
	}
	b, err := json.Marshal(st)
	if err != nil {
		return nil, fmt.Errorf("cluster: snapshot: %w", err)
	}
	return b, nil
}

// Restore replaces the state of c with a snapshot; c keeps its options.
func (c *Clusterer) Restore(data []byte) error {
	var st state
	if err := json.Unmarshal(data, &st); err != nil {
		return fmt.Errorf("cluster: restore: %w", err)
	}
	if st.Version != stateVersion {
		return fmt.Errorf("cluster: restore: snapshot version %d, want %d", st.Version, stateVersion)
	}
	fresh := New(c.opts)
	fresh.n, fresh.added, fresh.seq, fresh.clock = st.N, st.Added, st.Seq, st.Clock
	if st.Successor != nil {
		fresh.successor = st.Successor
	}
	ids := make([]int32, len(st.Terms))
	for i, t := range st.Terms {
		if _, dup := fresh.vocab[t.Key]; dup || t.Key == "" {
			return fmt.Errorf("cluster: restore: empty or repeated term %q", t.Key)
		}
		ids[i] = fresh.intern(t.Key)
		fresh.terms[ids[i]].df = t.DF
	}
	term := func(i int) (int32, error) {
		if i < 0 || i >= len(ids) {
			return 0, fmt.Errorf("cluster: restore: term %d out of range", i)
		}
		return ids[i], nil
	}
	for _, ss := range st.Stories {
		if len(ss.Terms) != len(ss.Weights) {
			return fmt.Errorf("cluster: restore: story s%d has %d terms and %d weights", ss.Seq, len(ss.Terms), len(ss.Weights))
		}
		s := &story{
			pos:        make(map[int32]int32, len(ss.Terms)),
			seq:        ss.Seq,
			slot:       int32(len(fresh.stories)),
			title:      ss.Title,
			titleGiven: ss.TitleGiven,
			articles:   ss.Articles,
			first:      ss.First,
			last:       ss.Last,
			lastAdded:  ss.LastAdded,
			apart:      ss.Apart,
		}
		fresh.stories = append(fresh.stories, s)
		fresh.liveCount++
		for i, ti := range ss.Terms {
			id, err := term(ti)
			if err != nil {
				return err
			}
			fresh.addWeight(s, id, ss.Weights[i])
		}
		s.norms, s.normN = ss.Norms, ss.NormN
		for _, ti := range ss.Heads {
			id, err := term(ti)
			if err != nil {
				return err
			}
			s.heads = append(s.heads, id)
		}
		for _, ms := range ss.Members {
			if len(ms.Terms) != len(ms.Weights) {
				return fmt.Errorf("cluster: restore: a member of story s%d has %d terms and %d weights", ss.Seq, len(ms.Terms), len(ms.Weights))
			}
			v := &vector{normN: -1}
			for i, ti := range ms.Terms {
				id, err := term(ti)
				if err != nil {
					return err
				}
				v.terms = append(v.terms, id)
				v.weights = append(v.weights, ms.Weights[i])
			}
			s.members = append(s.members, member{id: ms.ID, title: ms.Title, published: ms.Published, vec: v})
		}
		if len(s.members) != len(s.articles) {
			s.members = nil
		}
	}
	*c = *fresh
	return nil
}
