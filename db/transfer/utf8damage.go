package transfer

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rapportcrm/rapport/model/i18n"
)

// maxStrayRuns is how many runs of invalid bytes a file may hold and still
// be read as UTF-8 when it has no other non-ASCII text ("a few").
const maxStrayRuns = 8

// utf8Damage looks at text that is not valid UTF-8 and says whether it is
// UTF-8 apart from a few damaged bytes: the invalid bytes are at most a
// quarter as many as the valid non-ASCII characters, or, in text that is
// otherwise ASCII and whose high bytes pair up (paired says so: it would
// be taken for GB18030), a few short runs, too short to be Chinese words,
// which GBK writes as runs of four or more high bytes. Lone high bytes
// after ASCII letters stay Windows-1252 (ä, ß, é). lines are the 1-based
// lines holding the damaged bytes.
func utf8Damage(head []byte, paired bool) (lines []int, ok bool) {
	multi, bad, runs, longest := 0, 0, 0, 0
	line, run := 1, 0
	for i := 0; i < len(head); {
		b := head[i]
		if b < utf8.RuneSelf {
			if b == '\n' {
				line++
			}
			run = 0
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			if i+utf8.UTFMax > len(head) && !utf8.FullRune(head[i:]) {
				break // the sample may end inside a character
			}
			bad++
			if run == 0 {
				runs++
				if len(lines) == 0 || lines[len(lines)-1] != line {
					lines = append(lines, line)
				}
			}
			run++
			longest = max(longest, run)
			i++
			continue
		}
		multi++
		run = 0
		i += size
	}
	switch {
	case bad == 0:
		return nil, true
	case multi > 0 && bad*4 <= multi:
		return lines, true
	case multi == 0 && paired && runs <= maxStrayRuns && longest < 4:
		return lines, true
	}
	return nil, false
}

// damageWarning is the report line for a file read as UTF-8 despite
// invalid bytes.
func damageWarning(lines []int) LineError {
	shown := make([]string, 0, 5)
	for _, l := range lines[:min(len(lines), 5)] {
		shown = append(shown, strconv.Itoa(l))
	}
	if len(lines) > 5 {
		return lineError(lines[0], i18n.Errorf("the file is UTF-8 apart from a few invalid bytes (on line %s and %d more), shown as \uFFFD: check those values, or give --encoding if the file is in another encoding",
			strings.Join(shown, ", "), len(lines)-5))
	}
	return lineError(lines[0], i18n.Errorf("the file is UTF-8 apart from a few invalid bytes (on line %s), shown as \uFFFD: check those values, or give --encoding if the file is in another encoding",
		strings.Join(shown, ", ")))
}
