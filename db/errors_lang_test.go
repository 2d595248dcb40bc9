package db

import (
	"context"
	"strings"
	"testing"

	"github.com/rapportcrm/rapport/model"
	"github.com/rapportcrm/rapport/model/i18n"
)

// TestErrorsReadInTheReadersLanguage: the errors a user meets — a bad
// database path, a refused field, a date that is not one, a customer not
// found — read in Chinese for a Chinese reader and exactly as before
// (err.Error()) in English.
func TestErrorsReadInTheReadersLanguage(t *testing.T) {
	ctx := context.Background()
	zh, en := i18n.New(i18n.Zh), i18n.New(i18n.En)
	d, clk := openTest(t)

	_, dirErr := Open(ctx, t.TempDir(), Options{Now: clk.now})
	_, badEmail := d.CreateCustomer(ctx, &model.Customer{Name: "王伟", Email: "wang@"}, nil)
	_, badDate := model.ParseWhen("2026-02-30", clk.now(), model.MonthFirst, model.Future)
	_, missing := d.FindCustomer(ctx, "Nobody Here")
	for _, c := range []struct {
		err  error
		want string
	}{
		{dirErr, "是文件夹，不是数据库文件"},
		{badEmail, "邮箱：\"wang@\" 不是邮箱地址"},
		{badDate, "只有28天"},
		{missing, "没有叫 \"Nobody Here\" 的客户"},
	} {
		if c.err == nil {
			t.Fatalf("no error where %q was expected", c.want)
		}
		if got := zh.Err(c.err); !strings.Contains(got, c.want) {
			t.Errorf("Chinese %q, want it to contain %q", got, c.want)
		}
		if got := en.Err(c.err); got != c.err.Error() {
			t.Errorf("English %q differs from %q", got, c.err.Error())
		}
	}
}
