package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language rapport speaks.
type Lang string

// The languages of the catalog.
const (
	En Lang = "en"
	Zh Lang = "zh"
)

// Detect picks the language from the locale variables, given by value in
// the order POSIX consults them for messages: LC_ALL, then LC_MESSAGES,
// then LANG. The first one set decides: zh* (zh_CN.UTF-8, zh_TW, zh) is
// Chinese, anything else (C.UTF-8, en_US, POSIX) English.
func Detect(lcAll, lcMessages, lang string) Lang {
	for _, v := range []string{lcAll, lcMessages, lang} {
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "zh") {
			return Zh
		}
		return En
	}
	return En
}

// ParseSetting reads a language as a flag or the `lang` setting gives it:
// "zh", "en" or "auto" (also "" and the spellings zh-CN, zh_CN, chinese,
// 中文, english). auto is returned as "".
func ParseSetting(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return "", nil
	case "zh", "zh-cn", "zh_cn", "zh-hans", "chinese", "中文", "简体中文", "cn":
		return Zh, nil
	case "en", "en-us", "en_us", "en-gb", "english", "英文", "英语":
		return En, nil
	}
	return "", fmt.Errorf("language %q: use zh, en or auto", s)
}

// Resolve is the language to speak: the flag's when given, else the book's
// setting when it is not auto, else the one the locale detected.
func Resolve(flag, setting, detected Lang) Lang {
	switch {
	case flag != "":
		return flag
	case setting != "":
		return setting
	case detected != "":
		return detected
	}
	return En
}

// Choice is the language main decided: the --lang flag ("" when not given)
// and the locale's. The book's `lang` setting is applied with For, once the
// book is open.
type Choice struct {
	Flag, Locale Lang
	base         *Printer
}

// NewChoice builds the choice and the catalog once for the process.
func NewChoice(flag, locale Lang) Choice {
	return Choice{Flag: flag, Locale: locale, base: New(Resolve(flag, "", locale))}
}

// For returns the printer for a book whose setting is setting ("" = auto):
// the flag's language, else the setting's, else the locale's.
func (c Choice) For(setting Lang) *Printer {
	lang := Resolve(c.Flag, setting, c.Locale)
	if c.base == nil {
		return New(lang)
	}
	return c.base.With(lang)
}

// Printer is the printer before any book is open (the flag's or the
// locale's language): for usage, flag errors and messages about opening.
func (c Choice) Printer() *Printer { return c.For("") }
