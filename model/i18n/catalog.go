package i18n

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// Msg is one message of the catalog: its key (the English text, and the
// English plural "other" form), the English singular when the message has
// plural forms, and the Chinese.
type Msg struct {
	Key string
	One string
	Zh  string
}

// All returns every message of the catalog, area by area.
func All() []Msg { return all() }

func all() []Msg {
	var out []Msg
	for _, area := range [][]Msg{cliMessages(), appMessages(), screenMessages(), modelMessages(), validationMessages(), storeMessages(), importMessages(), dateMessages(), careMessages(), playbookMessages(), gapMessages()} {
		out = append(out, area...)
	}
	return out
}

// build fills an x/text catalog with msgs: English (with its plural forms
// on the first argument) and Simplified Chinese, English the fallback.
func build(msgs []Msg) *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, m := range msgs {
		if m.One != "" {
			_ = b.Set(language.English, m.Key, plural.Selectf(1, "", plural.One, m.One, plural.Other, m.Key))
		} else {
			_ = b.SetString(language.English, m.Key, m.Key)
		}
		if m.Zh != "" {
			_ = b.SetString(language.SimplifiedChinese, m.Key, m.Zh)
		}
	}
	return b
}
