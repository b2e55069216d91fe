package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

const accept = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.9, */*;q=0.5"

// isURL reports whether an input names an http or https URL.
func isURL(s string) bool {
	scheme, _, ok := strings.Cut(s, "://")
	if !ok {
		return false
	}
	scheme = strings.ToLower(scheme)
	return scheme == "http" || scheme == "https"
}

// hostSource is the Source fallback for a URL: its host without "www.".
func hostSource(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func newClient(opts Options) *http.Client {
	var c http.Client
	if opts.Client != nil {
		c = *opts.Client
	}
	switch t := c.Transport.(type) {
	case nil:
		c.Transport = newTransport(opts.DenyPrivate)
	case *http.Transport:
		if opts.DenyPrivate {
			t = t.Clone()
			t.DialContext = newDialer(true).DialContext
			t.Proxy = nil
			c.Transport = t
		}
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > opts.MaxRedirects {
			return fmt.Errorf("%w (the limit is %d)", ErrTooManyRedirects, opts.MaxRedirects)
		}
		if !isURL(req.URL.String()) {
			return fmt.Errorf("%w: redirect to %s", ErrUnsupported, req.URL.Redacted())
		}
		if opts.DenyPrivate {
			return checkLiteral(req.URL)
		}
		return nil
	}
	return &c
}

func newTransport(denyPrivate bool) *http.Transport {
	t := &http.Transport{
		Proxy:                  http.ProxyFromEnvironment,
		DialContext:            newDialer(denyPrivate).DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           100,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	if denyPrivate {
		t.Proxy = nil
	}
	return t
}

func newDialer(denyPrivate bool) *net.Dialer {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	if denyPrivate {
		// Control sees the address actually being dialled, after DNS, for
		// the first request and every redirect alike.
		d.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip, err := netip.ParseAddr(host)
			if err != nil {
				return fmt.Errorf("%w: cannot check %q", ErrPrivate, address)
			}
			return checkAddr(ip)
		}
	}
	return d
}

// privateError is a refused address and why it was refused.
type privateError struct {
	addr   netip.Addr
	reason string
}

func (e *privateError) Error() string {
	return fmt.Sprintf("%v: %v is %s", ErrPrivate, e.addr, e.reason)
}

func (e *privateError) Unwrap() error { return ErrPrivate }

// nonPublic lists ranges that netip.Addr's methods do not cover.
var nonPublic = []struct {
	prefix netip.Prefix
	reason string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), `a "this network" address`},
	{netip.MustParsePrefix("100.64.0.0/10"), "a shared (carrier-grade NAT) address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "a local NAT64 address"},
	{netip.MustParsePrefix("fec0::/10"), "a site-local address"},
}

var sixToFour = netip.MustParsePrefix("2002::/16")

// checkAddr refuses an address that is not on the public internet.
func checkAddr(ip netip.Addr) error {
	ip = ip.Unmap()
	reason := ""
	switch {
	case ip.IsLoopback():
		reason = "a loopback address"
	case ip.IsPrivate():
		reason = "a private address"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		reason = "a link-local address"
	case ip.IsUnspecified():
		reason = "an unspecified address"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		reason = "a multicast address"
	case sixToFour.Contains(ip):
		// 6to4 embeds an IPv4 address, which may itself be private.
		b := ip.As16()
		if err := checkAddr(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})); err != nil {
			reason = "a 6to4 address embedding a non-public one"
		}
	}
	for _, n := range nonPublic {
		if reason == "" && n.prefix.Contains(ip) {
			reason = n.reason
		}
	}
	if reason != "" {
		return &privateError{addr: ip, reason: reason}
	}
	return nil
}

// checkLiteral refuses a URL whose host is a non-public IP address. Names
// are checked when dialled.
func checkLiteral(u *url.URL) error {
	if ip, err := netip.ParseAddr(u.Hostname()); err == nil {
		return checkAddr(ip)
	}
	return nil
}

// errFetchTimeout is the cause of a fetch's own deadline, to tell it from the
// caller's.
var errFetchTimeout = errors.New("fetch deadline")

// get requests rawURL and checks the response's status and length. On
// success the caller reads and closes the body and then calls done; explain
// words errors from reading the body.
func (r *Reader) get(ctx context.Context, rawURL string) (resp *http.Response, done func(), explain func(error) error, err error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" || !isURL(rawURL) {
		return nil, nil, nil, fmt.Errorf("%w: not a valid http or https URL", ErrUnsupported)
	}
	if r.opts.DenyPrivate {
		if err := checkLiteral(u); err != nil {
			return nil, nil, nil, err
		}
	}
	fctx, cancel := context.WithTimeoutCause(ctx, r.opts.Timeout, errFetchTimeout)
	explain = func(err error) error {
		if errors.Is(context.Cause(fctx), errFetchTimeout) {
			return fmt.Errorf("%w after %v", ErrTimeout, r.opts.Timeout)
		}
		var pe *privateError
		if errors.As(err, &pe) {
			return pe
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			// The Item names the URL already.
			return ue.Err
		}
		return err
	}
	req, err := http.NewRequestWithContext(fctx, http.MethodGet, u.String(), nil)
	if err != nil {
		cancel()
		return nil, nil, nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", accept)
	resp, err = r.client.Do(req)
	if err != nil {
		err = explain(err)
		cancel()
		return nil, nil, nil, err
	}
	fail := func(err error) (*http.Response, func(), func(error) error, error) {
		// Reading a little lets the connection be reused.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		resp.Body.Close()
		cancel()
		return nil, nil, nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fail(fmt.Errorf("%w %s", ErrStatus, resp.Status))
	}
	if resp.ContentLength > r.opts.MaxBytes {
		return fail(fmt.Errorf("%w: %d bytes, larger than the %s limit", ErrTooLarge, resp.ContentLength, sizeString(r.opts.MaxBytes)))
	}
	return resp, cancel, explain, nil
}

// readURL fetches one URL input and emits what it holds.
func (r *Reader) readURL(ctx context.Context, rawURL string, send func(Item) error) error {
	resp, done, explain, err := r.get(ctx, rawURL)
	if err != nil {
		return send(fail(rawURL, err))
	}
	defer done()
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	o := origin{input: rawURL, ref: rawURL, url: final, source: hostSource(final), size: resp.ContentLength}
	return r.readStream(ctx, o, resp.Body, resp.Header.Get("Content-Type"), explain, send)
}

// fetchPage fetches the page a feed item or a JSON line links to, as one
// document. It returns the URL it ended at.
func (r *Reader) fetchPage(ctx context.Context, link string) (prepared, string, error) {
	resp, done, explain, err := r.get(ctx, link)
	if err != nil {
		return prepared{}, "", err
	}
	defer done()
	defer resp.Body.Close()
	data, err := readAll(resp.Body, r.opts.MaxBytes, resp.ContentLength)
	switch {
	case errors.Is(err, ErrTooLarge):
		return prepared{}, "", fmt.Errorf("%w: larger than the %s limit", ErrTooLarge, sizeString(r.opts.MaxBytes))
	case err != nil:
		return prepared{}, "", explain(err)
	}
	p, err := prepare(data, resp.Header.Get("Content-Type"), false)
	return p, resp.Request.URL.String(), err
}
