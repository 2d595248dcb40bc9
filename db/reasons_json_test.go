package db

import (
	"encoding/json"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// TestAppendReasonsMatchesEncodingJSON: the hand-written encoder of stored
// reasons writes exactly what encoding/json writes for them, so rows
// written before and after it compare equal.
func TestAppendReasonsMatchesEncodingJSON(t *testing.T) {
	texts := []string{"", "Renewal 2027", `say "hi"`, `back\slash`, "<b>&amp;</b>", "王芳的订单", "tab\there", "nl\n", "\x01",
		"bad \xff utf8", "line\u2028sep", "emoji 🙂", "~del\x7f", "a<b", "a>b", "a&b"}
	codes := []string{model.ReasonNoOrder, model.ReasonFewOrders, model.ReasonSmallOrders, model.ReasonLapseBase, model.ReasonStalledDeal,
		model.ReasonCooling, "custom_code", "", "odd\"code"}
	var all []model.Reason
	for i := 0; i < 400; i++ {
		all = append(all, model.Reason{
			Code: codes[i%len(codes)], Points: (i*37)%121 - 20, Text: texts[(i*7)%len(texts)],
			Since: model.Day((i*7919)%40000 - 5000), N: (i*13)%5 - 1, M: (i * 3) % 4,
			Subject: texts[(i*11)%len(texts)], Extra: texts[(i*5)%len(texts)],
		})
		if i%9 == 0 {
			all[i].Since = model.NoDay
		}
	}
	for n := 0; n <= len(all); n += 7 {
		rs := all[:n]
		want := referenceReasonsJSON(rs)
		if got := encodeReasons(rs); got != want {
			t.Fatalf("%d reasons:\n got %s\nwant %s", n, got, want)
		}
	}
	if got := encodeReasons(nil); got != "[]" {
		t.Fatalf("no reasons: %s", got)
	}
}

// referenceReasonsJSON is how reasons were stored through encoding/json.
func referenceReasonsJSON(rs []model.Reason) string {
	out := make([]storedReason, len(rs))
	for i, r := range rs {
		out[i] = storedReason{Code: r.Code, Points: r.Points, Since: int32(r.Since), N: r.N, M: r.M, Subject: r.Subject, Extra: r.Extra}
		if !model.KnownReason(r.Code) {
			out[i].Text = r.Text
		}
	}
	b, _ := json.Marshal(out)
	return string(b)
}
