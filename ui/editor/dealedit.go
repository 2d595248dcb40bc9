package editor

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/ui/common"
	"github.com/rapportcrm/rapport/ui/components/form"
)

// editDealCmd saves an edited deal and, when its Stage field changed, moves
// it in the same command (one u undoes both): an open stage reopens a
// closed deal, Won closes it (recording the order when asked), Lost closes
// it with the reason.
func (e *session) editDealCmd(c *common.Common, seq int, base, dl model.Deal, v form.Values) (tea.Cmd, error) {
	mv, err := form.ToDealMove(base, e.t.Stages, v)
	if err != nil {
		return nil, err
	}
	title := common.Clean(dl.Title)
	desc, status := "edit deal "+base.Title, c.T("Saved deal %q", title)+undoHint(c)
	if mv.Moved {
		desc = fmt.Sprintf("edit deal %s and move it to %s", base.Title, mv.To.Name)
		status = movedStatus(c, base, dl, mv)
	}
	return mergingWrite(c, seq, rowEdit[model.Deal]{what: c.T("Deal %q", common.Clean(base.Title)), desc: desc, status: status,
		before: base, mine: dl,
		reread: func(ctx context.Context) (model.Deal, error) { return c.DB.Deal(ctx, base.ID) },
		save: func(tx *db.Tx, row *model.Deal) error {
			if err := tx.UpdateDeal(row); err != nil {
				return err
			}
			if !mv.Moved || row.StageID == mv.To.ID {
				return nil
			}
			_, err := tx.MoveDeal(row.ID, mv.To.ID, mv.Reason, mv.RecordOrder)
			return err
		}}), nil
}

// movedStatus says what the deal form's stage move did.
func movedStatus(c *common.Common, base, dl model.Deal, mv form.DealMove) string {
	title := common.Clean(dl.Title)
	switch {
	case mv.To.Kind == model.StageWon && mv.RecordOrder && base.Status != model.DealWon:
		return c.T("Won %q: order of %s recorded", title, common.MoneyLong(dl.ValueMinor, dl.Currency)) + undoHint(c)
	case mv.To.Kind == model.StageWon:
		return c.T("Won %q, no order recorded", title) + undoHint(c)
	case mv.To.Kind == model.StageLost:
		return c.T("Lost %q: %s", title, common.Clean(mv.Reason)) + undoHint(c)
	case base.Status != model.DealOpen:
		return c.T("Reopened %q in %s", title, common.Clean(mv.To.Name)) + undoHint(c)
	}
	return c.T("Moved %q to %s", title, common.Clean(mv.To.Name)) + undoHint(c)
}
