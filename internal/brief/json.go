package brief

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"

	"github.com/crosscheck/crosscheck"
)

// JSON writes b as indented JSON: {"stories": [...]}, fields in the order
// of the schema (docs/brief-json.md), lists that are empty as [] rather
// than null. Markup in article text comes out as \u003c escapes.
func JSON(w io.Writer, b crosscheck.Brief) error {
	v := withEmptyLists(reflect.ValueOf(b)).Interface()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("brief json: %w", err)
	}
	return nil
}

// withEmptyLists returns a deep copy of v in which every nil slice is an
// empty one, so that a brief built elsewhere encodes the same way as one
// from Build, and the caller's values are left alone. Structs with
// unexported fields, such as time.Time, are copied as they are.
func withEmptyLists(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(withEmptyLists(v.Index(i)))
		}
		return out
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				return v
			}
		}
		out := reflect.New(t).Elem()
		for i := range t.NumField() {
			out.Field(i).Set(withEmptyLists(v.Field(i)))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(withEmptyLists(v.Elem()))
		return p
	}
	return v
}
