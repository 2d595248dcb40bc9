package transfer

import (
	"fmt"

	"github.com/rapportcrm/rapport/model/i18n"
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
var ErrBadRows = i18n.Errorf("the file has bad rows; nothing was imported")

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
	// Sheet picks the sheet of an .xlsx workbook (the first when empty).
	Sheet string
	// MapStages maps the file's stage names to the book's (deals):
	// "Value Proposition" → "Qualified". Names not given are mapped by
	// the book's own names, known synonyms, then probability or position.
	MapStages map[string]string
	// Progress, when set, is called as the import reads and writes (about
	// every 2,000 rows, and once at the end of each phase).
	Progress func(Progress)
}

// Progress is how far an import is.
type Progress struct {
	Phase string // PhaseRead (reading and checking rows) or PhaseWrite
	Rows  int    // rows read (PhaseRead) or customers written (PhaseWrite)
	// Done and Total measure the phase: bytes of the file when reading,
	// rows when writing. Total is 0 when unknown.
	Done, Total int64
}

// Progress phases.
const (
	PhaseRead  = "read"
	PhaseWrite = "write"
)

// ColumnUse says what an import does with one column of the file.
type ColumnUse struct {
	Header string
	// Field is the field the column fills; KeptInNotes when it is kept
	// in the notes as "Header: value"; "" when it is not imported.
	Field  string
	Values int // non-empty cells in the column
}

// LineError is one rejected row, or a warning about one.
type LineError struct {
	Line   int
	Reason string // in English
	// Err is the reason as an error that says itself in the reader's
	// language (ReasonIn); nil for a reason made elsewhere as text. It is
	// not in the JSON (--json keeps Reason, in English).
	Err error `json:"-"`
}

// lineError is a LineError with its reason from err.
func lineError(line int, err error) LineError {
	return LineError{Line: line, Reason: err.Error(), Err: err}
}

// String renders "line N: reason".
func (e LineError) String() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// ReasonIn is the reason in p's language (English, exactly Reason, with a
// nil or English p).
func (e LineError) ReasonIn(p *i18n.Printer) string {
	if e.Err == nil || !p.Zh() {
		return e.Reason
	}
	return p.Err(e.Err)
}

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
	// Warnings are values that did not fit their field (kept in the
	// notes) and rows read leniently; their rows were imported.
	Warnings []LineError
	Unknown  []string // columns that map to no field
	// Columns says, for every column of a CSV or xlsx file, which field
	// it fills, whether it is kept in the notes, or that it is not
	// imported, with how many values it has.
	Columns []ColumnUse
	// Stages says how the file's stage names map to the book's (deals),
	// as "Value Proposition → Qualified (by probability 50%)".
	Stages  []string
	Format  string // "csv", "xlsx" or "vcard"
	Sheet   string // the xlsx sheet read
	Items   []Item
	DryRun  bool
	Written bool // the import was committed
}

func (r *Report) reject(line int, err error) {
	r.Rejected = append(r.Rejected, lineError(line, err))
}

func (r *Report) warn(line int, w error) {
	r.Warnings = append(r.Warnings, lineError(line, w))
}

// item records what a row does; a dry run lists every row, a real import
// (of perhaps 100,000 rows) only the merges, which name both lines.
func (r *Report) item(line int, action, name, detail string) {
	if !r.DryRun && action != "merge" {
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
