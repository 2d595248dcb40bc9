package detail

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
	"github.com/rapportcrm/rapport/ui/common"
)

// closedShown is how many closed deals the 360 lists (newest first).
const closedShown = 5

// dealKeys are the 360's keys on a deal line. Each opens the deal form
// with the stage it asks for, so the move is seen and confirmed (ctrl+s)
// and a lost reason or the won order is asked there.
type dealKeys struct {
	Next key.Binding // the next open stage
	Prev key.Binding // the previous open stage; on a closed deal, reopen
	Won  key.Binding
	Lost key.Binding
}

func newDealKeys() dealKeys {
	return dealKeys{
		Next: key.NewBinding(key.WithKeys(">", "shift+right"), key.WithHelp(">", i18n.N("deal to next stage"))),
		Prev: key.NewBinding(key.WithKeys("<", "shift+left"), key.WithHelp("<", i18n.N("deal to previous stage/reopen"))),
		Won:  key.NewBinding(key.WithKeys("w"), key.WithHelp("w", i18n.N("deal won"))),
		Lost: key.NewBinding(key.WithKeys("X"), key.WithHelp("X", i18n.N("deal lost"))),
	}
}

func (k dealKeys) all() []key.Binding { return []key.Binding{k.Next, k.Prev, k.Won, k.Lost} }

// loadDeals reads what the deal keys need besides the 360: the customer's
// most recently closed deals and the pipeline's stages.
func loadDeals(ctx context.Context, d *db.DB, id int64) (closed []model.Deal, stages []model.Stage, err error) {
	all, err := d.CustomerDeals(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	for _, dl := range all {
		if dl.Status != model.DealOpen {
			closed = append(closed, dl)
		}
	}
	sort.SliceStable(closed, func(i, j int) bool { return closed[i].ClosedAt > closed[j].ClosedAt })
	if len(closed) > closedShown {
		closed = closed[:closedShown]
	}
	stages, err = d.Stages(ctx)
	return closed, stages, err
}

// buildClosed adds the closed deals section.
func (v *Model) buildClosed(add func(kind detailItemKind, idx int, text string)) {
	if len(v.closed) == 0 {
		return
	}
	loc, p := v.c.Now().Location(), v.c.P
	add(itemText, 0, "")
	add(itemTitle, 0, p.T("Recently closed deals (%d)", len(v.closed)))
	for i, dl := range v.closed {
		line := fmt.Sprintf("  %s · %s", common.Clean(dl.Title), dealStatusText(p, dl.Status))
		if dl.ClosedAt > 0 {
			line += " " + time.Unix(dl.ClosedAt, 0).In(loc).Format("2006-01-02")
		}
		line += " · " + common.MoneyLong(dl.ValueMinor, dl.Currency)
		if dl.Status == model.DealLost && dl.LostReason != "" {
			line += " · " + common.Clean(dl.LostReason)
		}
		add(itemClosedDeal, i, line)
	}
}

// selectedDeal is the deal under the cursor, open or closed.
func (v *Model) selectedDeal() (model.Deal, bool) {
	it, ok := v.selectedItem()
	switch {
	case ok && it.kind == itemDeal:
		return v.d.Deals[it.idx], true
	case ok && it.kind == itemClosedDeal:
		return v.closed[it.idx], true
	}
	return model.Deal{}, false
}

// syncDeals enables the deal keys for the deal under the cursor.
func (v *Model) syncDeals() {
	dl, ok := v.selectedDeal()
	live := ok && v.d.Customer.ArchivedAt == 0
	v.dkeys.Next.SetEnabled(live && dl.Status == model.DealOpen)
	v.dkeys.Prev.SetEnabled(live)
	v.dkeys.Won.SetEnabled(live && dl.Status != model.DealWon)
	v.dkeys.Lost.SetEnabled(live && dl.Status != model.DealLost)
}

// dealKey handles a deal key: it asks for the deal form opened on the
// stage the key means. It reports whether msg was a deal key.
func (v *Model) dealKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := v.dkeys
	dl, _ := v.selectedDeal()
	var to model.Stage
	var ok bool
	switch {
	case key.Matches(msg, k.Next):
		to, ok = v.stepStage(dl, 1)
	case key.Matches(msg, k.Prev):
		to, ok = v.stepStage(dl, -1)
	case key.Matches(msg, k.Won):
		to, ok = v.stageOfKind(model.StageWon)
	case key.Matches(msg, k.Lost):
		to, ok = v.stageOfKind(model.StageLost)
	default:
		for _, b := range k.all() {
			if common.DisabledKey(msg, b) {
				return v.dealKeyReason(msg), true
			}
		}
		return nil, false
	}
	if !ok {
		return common.StatusCmd(v.noStage(dl, msg)), true
	}
	sel, _ := v.Selection()
	return func() tea.Msg { return common.EditRequestMsg{Action: common.ActEdit, Sel: sel, Stage: to} }, true
}

// dealKeyReason says why a deal key does not apply.
func (v *Model) dealKeyReason(msg tea.KeyMsg) tea.Cmd {
	dl, ok := v.selectedDeal()
	p := v.c.P
	switch {
	case !ok:
		return common.StatusCmd(p.T(">, <, w and X move a deal: select one under Open deals or Recently closed deals"))
	case v.d.Customer.ArchivedAt != 0:
		return common.StatusCmd(p.T("%s is archived: R restores it first", common.Clean(v.d.Customer.Name)))
	case common.DisabledKey(msg, v.dkeys.Next):
		return common.StatusCmd(p.T("%q is %s: < reopens it", common.Clean(dl.Title), dealStatusText(p, dl.Status)))
	}
	return common.StatusCmd(p.T("%q is already %s", common.Clean(dl.Title), dealStatusText(p, dl.Status)))
}

// openStages are the pipeline's open stages in board order.
func (v *Model) openStages() []model.Stage {
	var out []model.Stage
	for _, st := range v.stages {
		if st.Kind == model.StageOpen {
			out = append(out, st)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Position < out[j].Position })
	return out
}

// stepStage is the open stage dir (1 or -1) from an open deal's; a closed
// deal reopens into the last open stage.
func (v *Model) stepStage(dl model.Deal, dir int) (model.Stage, bool) {
	open := v.openStages()
	if len(open) == 0 {
		return model.Stage{}, false
	}
	if dl.Status != model.DealOpen {
		return open[len(open)-1], true
	}
	for i, st := range open {
		if st.ID == dl.StageID {
			if j := i + dir; j >= 0 && j < len(open) {
				return open[j], true
			}
			return model.Stage{}, false
		}
	}
	return model.Stage{}, false
}

// stageOfKind is the first stage of kind k.
func (v *Model) stageOfKind(k model.StageKind) (model.Stage, bool) {
	for _, st := range v.stages {
		if st.Kind == k {
			return st, true
		}
	}
	return model.Stage{}, false
}

// noStage says why a deal key found no stage to go to.
func (v *Model) noStage(dl model.Deal, msg tea.KeyMsg) string {
	stage, p := common.Clean(v.d.StageName[dl.StageID]), v.c.P
	switch {
	case key.Matches(msg, v.dkeys.Next):
		return p.T("%s is the last open stage: nothing after it (w marks the deal won, X lost)", stage)
	case key.Matches(msg, v.dkeys.Prev):
		return p.T("%s is the first stage: nothing before it", stage)
	case key.Matches(msg, v.dkeys.Won):
		return p.T("This pipeline has no Won stage (see rapport stages)")
	}
	return p.T("This pipeline has no Lost stage (see rapport stages)")
}
