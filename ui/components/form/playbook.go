package form

import (
	"strconv"
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// IDPlaybook names the playbook rule form.
const IDPlaybook = "playbook"

// anyTier is the tier choice of a rule for every tier.
const anyTier = "any"

// PlaybookForm edits rule r: its name, event (with its days and stage),
// tier and tag, the follow-up's title, its delay (3d, 2h, 0) and time, and
// whether it is on. stages are the pipeline's stages (deal_stage picks one
// by name). Its words are said by o.P, as every form's. On SubmittedMsg,
// ToPlaybook gives the rule.
func PlaybookForm(r model.Playbook, stages []model.Stage, o Options) Model {
	events := make([]string, 0, len(model.PlaybookEvents()))
	for _, e := range model.PlaybookEvents() {
		events = append(events, string(e))
	}
	stageNames := []string{""}
	stage := ""
	for _, s := range stages {
		if s.ArchivedAt == 0 {
			stageNames = append(stageNames, s.Name)
		}
		if s.ID == r.StageID {
			stage = s.Name
		}
	}
	tier := anyTier
	if r.Tier != "" {
		tier = string(r.Tier)
	}
	days := ""
	if r.EventDays > 0 {
		days = strconv.Itoa(r.EventDays)
	}
	after := strconv.Itoa(r.AfterDays) + "d"
	if r.AfterHours > 0 {
		after = strconv.Itoa(r.AfterHours) + "h"
	}
	on := "no"
	if r.Enabled {
		on = "yes"
	}
	base, list := r, stages
	return New(Spec{
		ID:    IDPlaybook,
		Title: o.P.T("Edit rule"),
		Fields: []Field{
			{Key: "name", Label: i18n.N("Name"), Kind: Text, Initial: r.Name, Required: true, MaxLen: 200},
			{Key: "event", Label: i18n.N("Trigger"), Kind: Choice, Options: events, Initial: string(r.Event)},
			{Key: "days", Label: i18n.N("Days"), Kind: Text, Initial: days, Placeholder: "3", Hint: i18n.N("unanswered and every")},
			{Key: "stage", Label: i18n.N("Stage"), Kind: Choice, Options: stageNames, Initial: stage, Hint: i18n.N("deal_stage only")},
			{Key: "tier", Label: i18n.N("Only tier"), Kind: Choice, Options: []string{anyTier, "A", "B", "C"}, Initial: tier},
			{Key: "tag", Label: i18n.N("Only tag"), Kind: Text, Initial: r.Tag, MaxLen: 60},
			{Key: "title", Label: i18n.N("Follow-up"), Kind: Text, Initial: r.Title, Required: true, MaxLen: 200},
			{Key: "delay", Label: i18n.N("Due after"), Kind: Text, Initial: after, Required: true, Placeholder: "3d, 2h, 0", Aliases: []string{"after"}},
			{Key: "time", Label: i18n.N("At"), Kind: Text, Initial: r.AtTime, Placeholder: "10:00"},
			{Key: "on", Label: i18n.N("On"), Kind: Bool, Initial: on, Aliases: []string{"enabled"}},
		},
		Validate: func(v Values) error {
			_, err := ToPlaybook(base, list, v)
			return err
		},
	}, o)
}

// ToPlaybook applies a submitted rule form to base and validates it with
// model.Playbook.Validate.
func ToPlaybook(base model.Playbook, stages []model.Stage, v Values) (model.Playbook, error) {
	r := base
	r.Name, r.Title, r.Tag = strings.TrimSpace(v.Text("name")), strings.TrimSpace(v.Text("title")), strings.TrimSpace(v.Text("tag"))
	ev, err := model.ParsePlaybookEvent(v.Text("event"))
	if err != nil {
		return r, err
	}
	r.Event = ev
	r.EventDays = 0
	if raw := strings.TrimSpace(v.Text("days")); raw != "" && ev.NeedsDays() {
		n, err := strconv.Atoi(raw)
		if err != nil {
			return r, model.Invalid("days", "%q is not a whole number of days", raw)
		}
		r.EventDays = n
	}
	r.StageID = 0
	if ev == model.EventDealStage {
		for _, s := range stages {
			if s.Name == v.Text("stage") {
				r.StageID = s.ID
			}
		}
	}
	r.Tier = ""
	if t := v.Text("tier"); t != anyTier && t != "" {
		r.Tier = model.Tier(t)
	}
	if r.AfterDays, r.AfterHours, err = model.ParseDelay(v.Text("delay")); err != nil {
		return r, err
	}
	r.AtTime = ""
	if raw := strings.TrimSpace(v.Text("time")); raw != "" {
		if r.AtTime, err = model.ParseClock(raw); err != nil {
			return r, model.Invalid("time", "%v", err)
		}
	}
	r.Enabled = v.Bool("on")
	return r, r.Validate()
}
