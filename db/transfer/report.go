package transfer

import (
	"errors"
	"fmt"
)

// Import kinds (--kind).
const (
	KindCustomers    = "customers"
	KindInteractions = "interactions"
	KindFollowups    = "followups"
	KindOrders       = "orders"
	KindDeals        = "deals"
)

// Duplicate policies (--on-duplicate).
const (
	DupMerge  = "merge"
	DupSkip   = "skip"
	DupCreate = "create"
)

// ErrBadRows is returned (wrapped) when a file has bad rows and SkipBad is
// not set: nothing was imported, Report.Rejected lists the lines.
var ErrBadRows = errors.New("the file has bad rows; nothing was imported")

// Options say how to import a file.
type Options struct {
	// Name is the file's name, for the undo journal ("import customers.csv").
	Name string
	// Kind is what the rows are (KindCustomers when empty).
	Kind string
	// Encoding overrides detection ("" detects).
	Encoding string
	// Maps overrides header mapping: column header → field name.
	Maps map[string]string
	// OnDuplicate is DupMerge (default), DupSkip or DupCreate.
	OnDuplicate string
	// DryRun plans the import and writes nothing.
	DryRun bool
	// SkipBad imports the good rows of a file that has bad ones.
	SkipBad bool
	// KeepExtra appends the values of unknown columns to the notes.
	KeepExtra bool
	// CreateCustomers lets history imports create customers they cannot
	// find (deals from an accounts column), instead of rejecting the row.
	CreateCustomers bool
}

// LineError is one rejected row.
type LineError struct {
	Line   int
	Reason string
}

// String renders "line N: reason".
func (e LineError) String() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Item is one thing the import did (or would do) with a row.
type Item struct {
	Line   int
	Action string // "create", "merge", "unchanged", "skip"
	Name   string // the customer (or the row's title for history kinds)
	Detail string // what a merge fills in, which row a duplicate repeats, …
}

// Report tells what an import did, or would do in a dry run.
type Report struct {
	Kind       string
	Encoding   string
	Delimiter  string
	HeaderLine int
	Rows       int // data rows read (vCard: cards)
	Created    int
	Merged     int // rows merged into a customer (from the book or the file)
	Unchanged  int // rows that matched a book customer and changed nothing
	Skipped    int // duplicates skipped, rows deleted in the source
	// CustomersCreated counts the customers a history import created
	// (--create-customers).
	CustomersCreated int
	Rejected         []LineError
	Unknown          []string // columns that map to no field
	Items            []Item
	DryRun           bool
	Written          bool // the import was committed
}

func (r *Report) reject(line int, err error) {
	r.Rejected = append(r.Rejected, LineError{Line: line, Reason: err.Error()})
}

// item records what a row does; only a dry run lists them (a real import
// of 100,000 rows reports counts).
func (r *Report) item(line int, action, name, detail string) {
	if !r.DryRun {
		return
	}
	r.Items = append(r.Items, Item{Line: line, Action: action, Name: name, Detail: detail})
}

func delimName(d rune) string {
	switch d {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}
