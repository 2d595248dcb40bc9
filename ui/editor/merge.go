package editor

import (
	"context"
	"errors"
	"reflect"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
)

// rowEdit is the save of an edited row that can merge with another
// writer: before is the row as the form opened over it, mine the row the
// form made of it, reread loads it as the file holds it now, and save
// writes a row (its version is the one checked).
type rowEdit[T any] struct {
	what   string // "Customer Acme Ltd", for messages
	desc   string // the undo journal's name
	status string // the status line of a clean save
	before T
	mine   T
	reread func(context.Context) (T, error)
	save   func(tx *db.Tx, row *T) error
}

// mergingWrite saves e as one command. When another writer changed the
// row since the form opened (model.ErrConflict), it rereads the row: if
// the other writer changed only fields the user left alone, the user's
// fields are applied over the row as it is now and saved (the status says
// what was merged); only when both changed the same field to different
// values does the form ask (Conflict names the fields).
func mergingWrite[T any](c *common.Common, seq int, e rowEdit[T]) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.DBCtx()
		defer cancel()
		mine := e.mine
		err := c.DB.Write(ctx, e.desc, func(tx *db.Tx) error { return e.save(tx, &mine) })
		if !errors.Is(err, model.ErrConflict) {
			return editSavedMsg{Seq: seq, Status: e.status, Err: err}
		}
		now, rerr := e.reread(ctx)
		if rerr != nil {
			msg := editSavedMsg{Seq: seq, Err: err, Conflict: c.T("%s changed since you opened it", common.Clean(e.what))}
			if errors.Is(rerr, model.ErrNotFound) {
				msg.Conflict = c.T("%s was removed since you opened it", common.Clean(e.what))
			}
			return msg
		}
		merged, theirs, clash := merge(e.before, e.mine, now)
		if len(clash) > 0 {
			return editSavedMsg{Seq: seq, Err: err,
				Conflict: c.T("%s changed since you opened it (%s)", common.Clean(e.what), fieldNames(c, clash))}
		}
		err = c.DB.Write(ctx, e.desc, func(tx *db.Tx) error { return e.save(tx, &merged) })
		if errors.Is(err, model.ErrConflict) {
			// A third change landed meanwhile: let the user look.
			return editSavedMsg{Seq: seq, Err: err, Conflict: c.T("%s changed again while saving", common.Clean(e.what))}
		}
		status := e.status
		if err == nil && len(theirs) > 0 {
			status = strings.TrimSuffix(status, undoHint(c)) + c.T(", merged with a change made elsewhere (%s)", fieldNames(c, theirs)) + undoHint(c)
		}
		return editSavedMsg{Seq: seq, Status: status, Err: err}
	}
}

// merge applies the user's changes (before → mine) over now, the row as
// another writer left it. theirs names the fields the other writer
// changed; clash the fields both changed to different values (then merged
// is not to be saved). Meta (id, version, times) comes from now.
func merge[T any](before, mine, now T) (merged T, theirs, clash []string) {
	merged = now
	vb, vm, vn := reflect.ValueOf(before), reflect.ValueOf(mine), reflect.ValueOf(now)
	out := reflect.ValueOf(&merged).Elem()
	if vb.Kind() != reflect.Struct {
		return merged, nil, []string{"the row"}
	}
	for i := 0; i < vb.NumField(); i++ {
		f := vb.Type().Field(i)
		if f.Anonymous || !f.IsExported() {
			continue // Meta: bookkeeping, not the user's
		}
		b, m, n := vb.Field(i).Interface(), vm.Field(i).Interface(), vn.Field(i).Interface()
		mineChanged, theirsChanged := !reflect.DeepEqual(b, m), !reflect.DeepEqual(b, n)
		name := strings.ToLower(f.Name)
		switch {
		case mineChanged && theirsChanged && !reflect.DeepEqual(m, n):
			clash = append(clash, name)
		case mineChanged:
			out.Field(i).Set(vm.Field(i))
		case theirsChanged:
			theirs = append(theirs, name)
		}
	}
	return merged, theirs, clash
}

// fieldNames lists the fields merge named, in the reader's language.
func fieldNames(c *common.Common, names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = model.FieldName(c.P, n)
	}
	return strings.Join(out, c.T(", "))
}
