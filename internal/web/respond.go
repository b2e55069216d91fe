package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// handler is the work of one route. It either writes a response and
// returns nil, or writes nothing and returns an error, which the adapter
// turns into the response.
type handler func(w http.ResponseWriter, r *http.Request) error

// routeKind says how errors are written: JSON for the API, HTML for pages.
type routeKind int

const (
	apiRoute routeKind = iota
	pageRoute
)

// The errors of the HTTP layer that the root package's kinds do not cover.
var (
	errQueueFull    = errors.New("the ingest queue is full; try again shortly")
	errShuttingDown = errors.New("the server is shutting down")
	errUnauthorized = errors.New("this needs the server's token")
	errForbidden    = errors.New("forbidden")
)

// retryAfter is the Retry-After, in seconds, of a full queue.
const retryAfter = "5"

// statusOf maps an error to its HTTP status and the kind named in the
// JSON body. It is the one place where errors become status codes.
func statusOf(err error) (int, string) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, "too_large"
	case errors.Is(err, errQueueFull):
		return http.StatusTooManyRequests, "busy"
	case errors.Is(err, errShuttingDown):
		return http.StatusServiceUnavailable, "unavailable"
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized, "unauthorized"
	case errors.Is(err, errForbidden):
		return http.StatusForbidden, "forbidden"
	}
	kind := crosscheck.KindOf(err)
	switch kind {
	case crosscheck.KindInvalid:
		return http.StatusBadRequest, kind.String()
	case crosscheck.KindNotFound:
		return http.StatusNotFound, kind.String()
	case crosscheck.KindConflict:
		return http.StatusConflict, kind.String()
	}
	return http.StatusInternalServerError, kind.String()
}

// errorBody is the JSON of every API error.
type errorBody struct {
	Error string `json:"error"`
	Kind  string `json:"kind"`
}

// adapt wraps a handler: it checks the Host header, bounds the body, runs
// the handler, writes its error if any, and records the request for
// /metrics under its route pattern.
func (s *Server) adapt(route string, kind routeKind, h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.cfg.Now()
		rec := &recorder{ResponseWriter: w}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		}
		err := s.checkHost(r)
		if err == nil {
			err = h(rec, r)
		}
		switch {
		case err == nil:
		case rec.code != 0:
			// The response had begun; all that is left is to say so.
			s.cfg.Log.Warn("error after the response began", "route", route, "err", err)
		case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
			rec.code = 499 // the client went away; nobody to tell
		default:
			s.writeError(rec, r, kind, err)
		}
		if rec.code == 0 {
			rec.code = http.StatusOK
		}
		s.metrics.observe(route, rec.code, s.cfg.Now().Sub(start))
		s.cfg.Log.Debug("request", "method", r.Method, "path", r.URL.Path, "route", route, "status", rec.code)
	})
}

// writeError writes err as JSON or as an error page. Internal errors are
// logged and shown without their detail.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, kind routeKind, err error) {
	code, name := statusOf(err)
	msg := err.Error()
	if code == http.StatusInternalServerError {
		s.cfg.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	switch code {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		w.Header().Set("Retry-After", retryAfter)
	case http.StatusUnauthorized:
		if kind == pageRoute {
			w.Header().Set("WWW-Authenticate", `Basic realm="crosscheck", charset="UTF-8"`)
		} else {
			w.Header().Set("WWW-Authenticate", `Bearer realm="crosscheck"`)
		}
	}
	if kind == pageRoute {
		if err := s.render(w, code, "error", errorPage{Status: code, Message: msg}); err == nil {
			return
		}
	}
	writeJSON(w, code, errorBody{Error: msg, Kind: name})
}

// writeJSON writes v as indented JSON. The encoder escapes <, > and & so
// that article text cannot become markup even if the JSON is sniffed.
func writeJSON(w http.ResponseWriter, code int, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("web.json: %w", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
	return nil
}

// recorder remembers the status written, for metrics and for knowing
// whether an error can still be written.
type recorder struct {
	http.ResponseWriter
	code int
}

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.ResponseWriter.Write(p)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// secure sets the headers every response carries. The pages have no
// script at all and their one inline style is allowed by its hash.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", s.csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// checkHost refuses, on a loopback server, requests whose Host names
// anything but loopback: a web page whose name was rebound to 127.0.0.1
// (DNS rebinding) must not reach the API through the user's browser.
func (s *Server) checkHost(r *http.Request) error {
	if !s.loopback {
		return nil
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("web: host %q is not this loopback server: %w", r.Host, errForbidden)
}

// auth guards a write: no cross-origin browser request (CSRF; requests
// without browser headers, such as curl's, pass), and the token when the
// server has one.
func (s *Server) auth(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.crossOrigin.Check(r); err != nil {
			return fmt.Errorf("web: %v: %w", err, errForbidden)
		}
		if !s.authorized(r) {
			return fmt.Errorf("web: %w", errUnauthorized)
		}
		return h(w, r)
	}
}

// authorized reports whether r carries the token, as a Bearer token or as
// the password of Basic authentication (which browsers can send from a
// form). The comparison takes the same time whatever the guess.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	var got string
	if scheme, rest, ok := strings.Cut(r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		got = strings.TrimSpace(rest)
	} else if _, pw, ok := r.BasicAuth(); ok {
		got = pw
	}
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(s.cfg.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}
