package model

import (
	"strings"
	"testing"
)

func TestParseCareDay(t *testing.T) {
	good := map[string]string{
		"1988-05-12": "1988-05-12", "1988-5-2": "1988-05-02", "1988/05/12": "1988-05-12",
		"19880512": "1988-05-12", "--0512": "--05-12", "--05-12": "--05-12", "05-12": "--05-12",
		"1988-05-12T00:00:00Z": "1988-05-12", "1988年5月12日": "1988-05-12", "5月12日": "--05-12",
		"--02-29": "--02-29", "2000-02-29": "2000-02-29",
	}
	for in, want := range good {
		got, err := ParseCareDay(in)
		if err != nil || got != want {
			t.Errorf("ParseCareDay(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "tomorrow", "1988-13-01", "1988-02-30", "1999-02-29", "1800-01-01", "--13-01", "12"} {
		if got, err := ParseCareDay(in); err == nil {
			t.Errorf("ParseCareDay(%q) = %q, want an error", in, got)
		} else if !strings.Contains(err.Error(), "date") {
			t.Errorf("ParseCareDay(%q) error %q does not say what to write", in, err)
		}
	}
}

func TestNextCareDay(t *testing.T) {
	from, _ := ParseDay("2027-03-01")
	cases := []struct {
		day    string
		yearly bool
		want   string
		ok     bool
	}{
		{"1988-03-05", true, "2027-03-05", true},
		{"1988-02-10", true, "2028-02-10", true},
		{"--03-01", true, "2027-03-01", true},
		{"2000-02-29", true, "2028-02-29", true}, // 2027 has no 29 February: next is 2028's
		{"2027-06-30", false, "2027-06-30", true},
		{"2026-06-30", false, "", false},
		{"2030-01-01", true, "", false}, // before it first happened
	}
	for _, c := range cases {
		got, ok := NextCareDay(c.day, c.yearly, from)
		if ok != c.ok || ok && got.String() != c.want {
			t.Errorf("NextCareDay(%s, %v) = %s, %v; want %s, %v", c.day, c.yearly, got, ok, c.want, c.ok)
		}
	}
	// 29 February falls on the 28th in a year without it.
	feb, _ := ParseDay("2027-02-20")
	if got, _ := NextCareDay("--02-29", true, feb); got.String() != "2027-02-28" {
		t.Errorf("29 Feb in 2027 = %s, want 2027-02-28", got)
	}
	if n := CareYears("1988-03-05", from); n != 39 {
		t.Errorf("CareYears = %d, want 39", n)
	}
	if n := CareYears("--03-05", from); n != 0 {
		t.Errorf("CareYears without a year = %d, want 0", n)
	}
}

func TestCareDateValidate(t *testing.T) {
	ok := CareDate{CustomerID: 1, Kind: CareLabelled, Label: "contract renewal", Day: "2027-03-31"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []CareDate{
		{Kind: CareBirthday, Day: "1988-05-12"},
		{CustomerID: 1, Kind: CareLabelled, Day: "2027-03-31"},
		{CustomerID: 1, Kind: "wedding", Day: "2027-03-31"},
		{CustomerID: 1, Kind: CareBirthday, Day: "1988-13-12", Yearly: true},
		{CustomerID: 1, Kind: CareLabelled, Label: "x", Day: "--03-31"},
	} {
		if err := c.Validate(); err == nil {
			t.Errorf("%+v validated", c)
		}
	}
}
