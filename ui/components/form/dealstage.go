package form

import (
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// DealEditForm is DealForm over an existing deal with its stage too: the
// Stage field moves it (an open stage reopens a closed deal; Won marks it
// won and, unless Record the order is changed to no, records an order for
// its value; Lost marks it lost and needs the reason). stages are the
// pipeline's, in board order. On SubmittedMsg, ToDeal gives the deal's
// fields and ToDealMove the move, if any.
func DealEditForm(d model.Deal, stages []model.Stage, o Options) Model {
	spec := dealSpec(d, o)
	names := make([]string, len(stages))
	current := ""
	for i, st := range stages {
		names[i] = stageLabel(st)
		if st.ID == d.StageID {
			current = names[i]
		}
	}
	if current == "" && len(names) > 0 {
		current = names[0]
	}
	spec.Fields = append(spec.Fields,
		Field{Key: "stage", Label: i18n.N("Stage"), Kind: Choice, Options: names, Initial: current,
			Hint: i18n.N("←/→ moves it: an open stage reopens a closed deal")},
		Field{Key: "reason", Label: i18n.N("Lost reason"), Kind: Text, Initial: d.LostReason, MaxLen: model.MaxShortLen,
			Placeholder: i18n.N("when moved to Lost: went with a competitor, no budget, …"), Aliases: []string{"lost_reason"}},
		Field{Key: "order", Label: i18n.N("Record the order"), Kind: Bool, Initial: "yes",
			Hint: i18n.N("when moved to Won: an order for its value")},
	)
	base := d
	spec.Validate = func(v Values) error {
		if _, err := ToDeal(base, v); err != nil {
			return err
		}
		_, err := ToDealMove(base, stages, v)
		return err
	}
	return New(spec, o)
}

// DealMove is what the Stage field of DealEditForm asks for.
type DealMove struct {
	To          model.Stage
	Moved       bool   // To differs from the deal's stage
	Reason      string // the lost reason (To is a Lost stage)
	RecordOrder bool   // To is a Won stage and the order is wanted
}

// ToDealMove reads the stage fields of a submitted DealEditForm: the stage
// chosen and, for Lost, the reason (required), for Won whether to record
// the order.
func ToDealMove(base model.Deal, stages []model.Stage, v Values) (DealMove, error) {
	name := v.Text("stage")
	var mv DealMove
	found := false
	for _, st := range stages {
		if stageLabel(st) == name {
			mv.To, found = st, true
			break
		}
	}
	if !found {
		return mv, model.Invalid("stage", "%q is not a stage: choose one with ←/→", name)
	}
	mv.Moved = mv.To.ID != base.StageID
	switch mv.To.Kind {
	case model.StageLost:
		mv.Reason = strings.TrimSpace(v.Text("reason"))
		if mv.Moved && mv.Reason == "" {
			return mv, model.Invalid("reason", "say why the deal was lost (went with a competitor, no budget, …)")
		}
	case model.StageWon:
		mv.RecordOrder = v.Bool("order")
	}
	return mv, nil
}

// stageLabel is a stage's name as the Stage field shows it.
func stageLabel(st model.Stage) string { return model.Sanitize(st.Name) }

// DealMoveForm is DealEditForm opened to move the deal to stage to (the
// 360's >, <, w and X): the Stage field shows to, and the focus is on what
// the move still asks — the reason for Lost, the order for Won, else the
// stage. ctrl+s moves it; esc leaves the deal as it was.
func DealMoveForm(d model.Deal, stages []model.Stage, to model.Stage, o Options) Model {
	m := DealEditForm(d, stages, o)
	if in := m.find("stage"); in != nil {
		for i, opt := range in.Options {
			if opt == stageLabel(to) {
				in.choice = i
			}
		}
	}
	p := o.P
	title := p.T("Move deal · %s", d.Title)
	focus := "stage"
	switch {
	case to.Kind == model.StageWon:
		title, focus = p.T("Mark won · %s", d.Title), "order"
	case to.Kind == model.StageLost:
		title, focus = p.T("Mark lost · %s", d.Title), "reason"
	case d.Status != model.DealOpen && d.Status != "":
		title = p.T("Reopen deal · %s", d.Title)
	}
	m.SetTitle(model.Sanitize(title))
	for i := range m.inputs {
		if m.inputs[i].Key == focus {
			m.focusOn(i)
		}
	}
	return m
}
