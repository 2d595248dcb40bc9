package form

import (
	"strconv"
	"time"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// InteractionForm opens a form over i: a new interaction when i.ID is 0
// (i.CustomerID set), with the defaults of logging a call — kind call,
// direction outbound, outcome none, now — and the summary first; else an
// edit. On SubmittedMsg, ToInteraction(i, values) gives the interaction to
// save; then offer NextFollowupPrompt.
func InteractionForm(i model.Interaction, o Options) Model { return New(interactionSpec(i, o), o) }

// LogFromFollowupForm is the log form opened from a follow-up (i on an
// overdue row, or x offering to log what was done): it asks, too, whether
// the follow-up is done (yes unless changed), so logging the call that
// answers it closes it in the same command. heading replaces the title when
// not empty ("Done: Send quote. Log what happened?").
func LogFromFollowupForm(i model.Interaction, f model.Followup, heading string, o Options) Model {
	spec := interactionSpec(i, o)
	if heading != "" {
		spec.Title = heading
	}
	if f.DoneAt == 0 {
		done := Field{Key: "done", Label: i18n.N("Follow-up done"), Kind: Bool, Initial: "yes",
			Help: o.P.T("mark %q done with this log (space toggles)", model.Sanitize(f.Title))}
		spec.Fields = append(spec.Fields[:1], append([]Field{done}, spec.Fields[1:]...)...)
	}
	return New(spec, o)
}

// LogFormTitled is the log form under another title ("Sent? Log the
// message"), for a new interaction prefilled by the caller.
func LogFormTitled(i model.Interaction, heading string, o Options) Model {
	spec := interactionSpec(i, o)
	spec.Title = heading
	return New(spec, o)
}

func interactionSpec(i model.Interaction, o Options) Spec {
	title := o.P.T("Log an interaction")
	date := o.P.T("today")
	if i.ID != 0 {
		title = o.P.T("Edit interaction · %s", i.Summary)
		if i.OccurredAt > 0 {
			loc := time.Local
			if o.Now != nil {
				loc = o.Now().Location()
			}
			date = time.Unix(i.OccurredAt, 0).In(loc).Format("2006-01-02 15:04")
		}
	}
	kind, dir, outcome := i.Kind, i.Direction, i.Outcome
	if kind == "" {
		kind = model.KindCall
	}
	if dir == "" {
		dir = model.Outbound
	}
	if outcome == "" {
		outcome = model.OutcomeNone
	}
	score := ""
	if i.Score >= 0 && i.ID != 0 && i.Kind == model.KindFeedback {
		score = strconv.Itoa(i.Score)
	}
	base := i
	return Spec{
		ID:    IDInteraction,
		Title: title,
		Fields: []Field{
			{Key: "summary", Label: i18n.N("Summary"), Kind: Text, Initial: i.Summary, MaxLen: model.MaxSummaryLen,
				Placeholder: i18n.N("what happened, in a few words")},
			{Key: "kind", Label: i18n.N("Kind"), Kind: Choice, Options: stringsOf(model.InteractionKinds()), Initial: string(kind)},
			{Key: "direction", Label: i18n.N("Direction"), Kind: Choice, Options: stringsOf(model.Directions()), Initial: string(dir)},
			{Key: "outcome", Label: i18n.N("Outcome"), Kind: Choice, Options: stringsOf(model.Outcomes()), Initial: string(outcome)},
			{Key: "score", Label: i18n.N("Score"), Kind: Integer, Initial: score, Min: 0, Max: 10, Hint: i18n.N("0–10, feedback only")},
			{Key: "date", Label: i18n.N("When"), Kind: Date, Mode: model.Past, Initial: date, Required: true,
				Aliases: []string{"occurred_at", "at"}},
			{Key: "body", Label: i18n.N("Details"), Kind: Multiline, Initial: i.Body, MaxLen: model.MaxNotesLen},
		},
		Validate: func(v Values) error {
			_, err := ToInteraction(base, v)
			return err
		},
	}
}

// ToInteraction applies a submitted interaction form to base and validates
// it with model.Interaction.Validate, with the command line's rules: a
// score only for feedback; "when" at its time of day when one is given,
// else now for today and noon for another day; nothing in the future.
func ToInteraction(base model.Interaction, v Values) (model.Interaction, error) {
	i := base
	pickedInto(&i.CustomerID, v)
	i.Summary = v.Text("summary")
	i.Body = v.Text("body")
	i.Kind = model.InteractionKind(v.Text("kind"))
	i.Direction = model.Direction(v.Text("direction"))
	i.Outcome = model.Outcome(v.Text("outcome"))
	i.Score = -1
	if s, ok := v.Int("score"); ok {
		if i.Kind != model.KindFeedback {
			return i, model.Invalid("score", "is for feedback: choose kind feedback, or leave it empty")
		}
		i.Score = s
	}
	if w, ok := v.When("date"); ok {
		t, err := moment(w, v.Now())
		if err != nil {
			return i, err
		}
		i.OccurredAt = t.Unix()
	}
	return i, i.Validate()
}

// moment turns a "when" into a time as the command line's --at does: the
// given time of day, else now for today, else noon. The future is refused.
func moment(w model.When, now time.Time) (time.Time, error) {
	var t time.Time
	switch {
	case w.HasTime:
		t = w.Time(now.Location())
	case w.Day == model.DayOf(now):
		t = now
	default:
		t = w.Day.In(now.Location()).Add(12 * time.Hour)
	}
	if t.After(now) {
		return t, model.Invalid("date", "%s is in the future; log what already happened (schedule what is to come with a follow-up)",
			t.Format("2006-01-02 15:04"))
	}
	return t, nil
}

// stringsOf turns a list of string-like values into strings.
func stringsOf[T ~string](all []T) []string {
	out := make([]string, len(all))
	for i, a := range all {
		out[i] = string(a)
	}
	return out
}
