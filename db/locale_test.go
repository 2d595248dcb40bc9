package db

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// The caller passes the locale in; db never reads LANG itself.
func TestNewBookCurrencyComesFromTheLocaleOption(t *testing.T) {
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("LC_ALL", "")
	now := func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local) }
	for _, c := range []struct{ locale, want string }{{"", "USD"}, {"en_US.UTF-8", "USD"}, {"zh_CN.UTF-8", "CNY"}, {"zh_TW", "CNY"}} {
		d, err := Open(context.Background(), filepath.Join(t.TempDir(), "b.db"), Options{Now: now, Locale: c.locale})
		if err != nil {
			t.Fatal(err)
		}
		set, err := loadSettings(context.Background(), d.r)
		d.Close()
		if err != nil || set.Currency != c.want {
			t.Errorf("locale %q: currency %q (%v), want %s", c.locale, set.Currency, err, c.want)
		}
	}
}
