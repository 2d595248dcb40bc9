package model

import (
	"strings"
	"unicode"

	"github.com/rapportcrm/rapport/model/i18n"
)

// Filter is the parsed form of the filter syntax of the Customers screen
// and `rapport list --filter`: free text terms (all must match), `#tag`,
// `tier:A`, `risk:at` / `risk:watch`, `stage:proposal`, `archived:yes`.
type Filter struct {
	Terms    []string // free text, each must match
	Tags     []string // #tag, each must be present
	Tier     Tier     // "" = any
	Risk     Level    // "" = any; LevelAtRisk or LevelWatch
	Stage    string   // stage name or prefix, "" = any
	Archived bool     // show archived customers instead of live ones
	Problems []error  // parts that were not understood, with a hint (catalog errors: p.Err says them)
}

// ParseFilter reads the filter syntax. It never fails, so typing never
// errors: parts it cannot understand are listed in Problems, each with a
// hint, and a filter with problems matches nothing (a mistyped `tier:Z`
// must not look like "every customer").
// A quoted "two words" is one term.
func ParseFilter(s string) Filter {
	var f Filter
	for _, tok := range splitFilter(s) {
		lower := strings.ToLower(tok)
		key, val, hasColon := strings.Cut(lower, ":")
		switch {
		case strings.HasPrefix(tok, "#") && len(tok) > 1:
			f.Tags = append(f.Tags, tok[1:])
		case hasColon && key == "tier":
			t, err := ParseTier(val)
			if err != nil {
				f.Problems = append(f.Problems, i18n.Errorf("%s (use tier:A, tier:B or tier:C)", "tier:"+val))
				continue
			}
			f.Tier = t
		case hasColon && key == "risk":
			switch val {
			case "at", "at_risk", "atrisk", "high":
				f.Risk = LevelAtRisk
			case "watch", "w":
				f.Risk = LevelWatch
			case "ok", "healthy", "low":
				f.Risk = LevelHealthy
			default:
				f.Problems = append(f.Problems, i18n.Errorf("%s (use risk:at or risk:watch)", "risk:"+val))
			}
		case hasColon && key == "stage":
			if val == "" {
				f.Problems = append(f.Problems, i18n.Errorf("%s needs a stage name", "stage:"))
				continue
			}
			f.Stage = tok[len("stage:"):]
		case hasColon && key == "archived":
			switch val {
			case "yes", "y", "true", "1":
				f.Archived = true
			case "no", "n", "false", "0":
				f.Archived = false
			default:
				f.Problems = append(f.Problems, i18n.Errorf("%s (use archived:yes or archived:no)", "archived:"+val))
			}
		default:
			f.Terms = append(f.Terms, tok)
		}
	}
	return f
}

// MatchesNothing reports whether the filter has parts it did not
// understand: such a filter matches no row.
func (f Filter) MatchesNothing() bool { return len(f.Problems) > 0 }

// IsEmpty reports whether the filter narrows nothing.
func (f Filter) IsEmpty() bool {
	return len(f.Terms) == 0 && len(f.Tags) == 0 && f.Tier == "" && f.Risk == "" && f.Stage == "" && !f.Archived && len(f.Problems) == 0
}

func splitFilter(s string) []string {
	var out []string
	var cur strings.Builder
	inQuote := false
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	for _, r := range Sanitize(s) {
		switch {
		case r == '"':
			inQuote = !inQuote
			if !inQuote {
				flush()
			}
		case unicode.IsSpace(r) && !inQuote:
			flush()
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return out
}
