package db

import (
	"encoding/json"
	"strconv"

	"github.com/rapportcrm/rapport/model"
)

// appendReasons appends rs as stored in customer_stats (a JSON array of
// storedReason), byte for byte what encoding/json makes of them, without
// reflection: the daily refresh encodes some 30,000 rows' reasons.
func appendReasons(b []byte, rs []model.Reason) []byte {
	b = append(b, '[')
	for i, r := range rs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"code":`...)
		b = appendJSONText(b, r.Code)
		b = append(b, `,"points":`...)
		b = strconv.AppendInt(b, int64(r.Points), 10)
		if r.Text != "" && !model.KnownReason(r.Code) {
			b = append(b, `,"text":`...)
			b = appendJSONText(b, r.Text)
		}
		if since := int32(r.Since); since != 0 {
			b = append(b, `,"since":`...)
			b = strconv.AppendInt(b, int64(since), 10)
		}
		if r.N != 0 {
			b = append(b, `,"n":`...)
			b = strconv.AppendInt(b, int64(r.N), 10)
		}
		if r.M != 0 {
			b = append(b, `,"m":`...)
			b = strconv.AppendInt(b, int64(r.M), 10)
		}
		if r.Subject != "" {
			b = append(b, `,"subject":`...)
			b = appendJSONText(b, r.Subject)
		}
		if r.Extra != "" {
			b = append(b, `,"extra":`...)
			b = appendJSONText(b, r.Extra)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendJSONText appends s as encoding/json quotes it: printable ASCII
// other than the characters it escapes is copied, anything else goes
// through encoding/json.
func appendJSONText(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
