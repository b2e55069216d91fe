package crosscheck

import (
	"errors"
	"fmt"
)

// Kind classifies errors so that the command line and the HTTP API can map
// them to exit codes and status codes in one place each.
type Kind int

// The error kinds. The zero value is KindInternal so that an unclassified
// error is never mistaken for the caller's fault.
const (
	KindInternal Kind = iota
	KindInvalid
	KindNotFound
	KindConflict
)

func (k Kind) String() string {
	switch k {
	case KindInvalid:
		return "invalid"
	case KindNotFound:
		return "not_found"
	case KindConflict:
		return "conflict"
	default:
		return "internal"
	}
}

// Error is an error with a kind and the operation that failed.
type Error struct {
	Kind Kind
	Op   string // the operation, such as "store.article"
	Err  error
}

func (e *Error) Error() string {
	if e.Op == "" {
		return e.Err.Error()
	}
	return e.Op + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error of the given kind.
func Errorf(kind Kind, op, format string, args ...any) error {
	return &Error{Kind: kind, Op: op, Err: fmt.Errorf(format, args...)}
}

// KindOf reports the kind of the first *Error in err's chain, or
// KindInternal when there is none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}
