package i18n

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// Printer says messages in one language. It is immutable and safe to share
// between goroutines; build one per process with New.
type Printer struct {
	lang Lang
	tag  language.Tag
	cat  *catalog.Builder
}

// New returns a Printer of lang over the whole catalog.
func New(lang Lang) *Printer {
	if lang != Zh {
		lang = En
	}
	return &Printer{lang: lang, tag: tagOf(lang), cat: build(all())}
}

// With returns a Printer over the same catalog in another language.
func (p *Printer) With(lang Lang) *Printer {
	if lang != Zh {
		lang = En
	}
	return &Printer{lang: lang, tag: tagOf(lang), cat: p.cat}
}

// Lang is the printer's language.
func (p *Printer) Lang() Lang {
	if p == nil {
		return En
	}
	return p.lang
}

// Zh reports whether the printer speaks Chinese.
func (p *Printer) Zh() bool { return p.Lang() == Zh }

// T says the message key with args in the printer's language. A key the
// catalog lacks is said as it is written, in English. A nil Printer speaks
// English, so code paths without one (tests, JSON) stay in English.
func (p *Printer) T(key string, args ...any) string {
	if p == nil {
		return sprintf(key, args)
	}
	args = p.sayErrors(args)
	r := &renderer{args: args}
	if err := p.cat.Context(p.tag, r).Execute(key); err != nil {
		return sprintf(key, args)
	}
	return r.out.String()
}

// Sayer is an error that can say itself in a language (*Error, and
// model's validation errors).
type Sayer interface {
	error
	SayIn(p *Printer) string
}

// Err says an error in the printer's language: the first Sayer in its
// chain (with what it wraps said the same way), else its text. In English
// it is err.Error(), so context added by wrapping is kept.
func (p *Printer) Err(err error) string {
	if err == nil {
		return ""
	}
	if !p.Zh() {
		return err.Error()
	}
	var s Sayer
	if errors.As(err, &s) {
		return s.SayIn(p)
	}
	return err.Error()
}

// sayErrors renders error arguments through Err, so a translated error
// inside a translated message reads in one language.
func (p *Printer) sayErrors(args []any) []any {
	var out []any
	for i, a := range args {
		if e, ok := a.(error); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = p.Err(e)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// N marks key as a message of the catalog without saying it: for keys kept
// in tables (column titles, key help) and said later with p.T(key).
func N(key string) string { return key }

// Error is an error whose text is a catalog message: Error() is English,
// Printer.Err says it in the reader's language. An error argument (a %w)
// is what it wraps.
type Error struct {
	Key  string
	Args []any
}

// Errorf returns an *Error of key with args.
func Errorf(key string, args ...any) error { return &Error{Key: key, Args: args} }

// Error says the error in English.
func (e *Error) Error() string { return sprintf(e.Key, e.Args) }

// SayIn says the error in p's language.
func (e *Error) SayIn(p *Printer) string { return p.T(e.Key, e.Args...) }

// Unwrap returns the errors among its arguments.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, a := range e.Args {
		if x, ok := a.(error); ok {
			errs = append(errs, x)
		}
	}
	return errs
}

// renderer receives the format the catalog chose (after plural selection)
// and formats it with fmt; it satisfies x/text's catmsg.Renderer.
type renderer struct {
	args []any
	out  strings.Builder
}

// Render formats one chosen message.
func (r *renderer) Render(msg string) { r.out.WriteString(sprintf(msg, r.args)) }

// Arg is the i-th argument (1-based) for plural selection.
func (r *renderer) Arg(i int) any {
	if i < 1 || i > len(r.args) {
		return nil
	}
	return r.args[i-1]
}

func sprintf(format string, args []any) string {
	if len(args) == 0 && !strings.Contains(format, "%") {
		return format
	}
	return fmt.Sprintf(noWrapVerb(format), args...)
}

// noWrapVerb turns %w and %[n]w into %v and %[n]v: Sprintf has no %w.
func noWrapVerb(format string) string {
	if !strings.Contains(format, "w") {
		return format
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		b.WriteByte(format[i])
		if format[i] != '%' || i+1 >= len(format) {
			continue
		}
		j := i + 1
		if format[j] == '%' { // %% is a percent sign
			b.WriteByte('%')
			i = j
			continue
		}
		if format[j] == '[' {
			for j < len(format) && format[j] != ']' {
				j++
			}
			j++
		}
		if j < len(format) && format[j] == 'w' {
			b.WriteString(format[i+1 : j])
			b.WriteByte('v')
			i = j
		}
	}
	return b.String()
}

func tagOf(l Lang) language.Tag {
	if l == Zh {
		return language.SimplifiedChinese
	}
	return language.English
}
