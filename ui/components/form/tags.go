package form

import (
	"strings"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// maxTagLen is the longest tag, in characters: the limit `rapport tag` uses.
const maxTagLen = 60

// TagsForm opens the tags of a customer as one text field holding them
// all, separated by commas (or, when there is no comma, by spaces): edit
// the list and save. On SubmittedMsg, ToTags(current, values) says which
// tags to add and which to remove.
func TagsForm(current []string, o Options) Model {
	now := o.P.T("none yet")
	if len(current) > 0 {
		now = strings.Join(current, ", ")
	}
	cur := append([]string(nil), current...)
	return New(Spec{
		ID:    IDTags,
		Title: o.P.T("Tags"),
		Fields: []Field{
			{Key: "tags", Label: i18n.N("Tags"), Kind: Text, Initial: strings.Join(current, ", "), Placeholder: i18n.N("vip, reseller"),
				Help: o.P.T("separate with commas or spaces · now: %s", now), Aliases: []string{"tag"}},
		},
		Validate: func(v Values) error {
			_, _, err := ToTags(cur, v)
			return err
		},
	}, o)
}

// ToTags compares the submitted list with current (case-insensitively, as
// tag names are unique) and returns the tags to add and to remove. Each tag
// is cleaned like `rapport tag` cleans one (model.CleanInput, at most 60
// characters); a leading + or # is dropped.
func ToTags(current []string, v Values) (add, remove []string, err error) {
	wanted, err := splitTags(v.Get("tags").Raw)
	if err != nil {
		return nil, nil, err
	}
	have := make(map[string]bool, len(current))
	for _, t := range current {
		have[strings.ToLower(t)] = true
	}
	keep := make(map[string]bool, len(wanted))
	for _, t := range wanted {
		keep[strings.ToLower(t)] = true
		if !have[strings.ToLower(t)] {
			add = append(add, t)
		}
	}
	for _, t := range current {
		if !keep[strings.ToLower(t)] {
			remove = append(remove, t)
		}
	}
	return add, remove, nil
}

// splitTags reads the tag list: comma-separated when it has a comma (so a
// tag may hold a space), else space-separated; duplicates dropped.
func splitTags(s string) ([]string, error) {
	s = strings.NewReplacer("，", ",", "、", ",").Replace(s)
	var parts []string
	if strings.Contains(s, ",") {
		parts = strings.Split(s, ",")
	} else {
		parts = strings.Fields(s)
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range parts {
		p = strings.TrimLeft(strings.TrimSpace(p), "+#")
		t, err := model.CleanInput(p, maxTagLen, false)
		if err != nil {
			return nil, withField(err, "tags")
		}
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out, nil
}
