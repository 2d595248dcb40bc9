package editor

import (
	"reflect"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

func TestMergeKeepsBothSidesAndNamesClashes(t *testing.T) {
	before := model.Customer{Name: "Acme", Email: "a@x.example", Phone: "1", Industry: "steel"}
	before.Version = 3
	mine := before
	mine.Phone, mine.Industry = "2", "iron"
	now := before
	now.Version = 4
	now.Email, now.Industry = "b@x.example", "iron" // the same value as mine: no clash

	got, theirs, clash := merge(before, mine, now)
	if len(clash) != 0 {
		t.Fatalf("clash %v", clash)
	}
	if got.Email != "b@x.example" || got.Phone != "2" || got.Industry != "iron" || got.Version != 4 {
		t.Fatalf("merged %+v", got)
	}
	if !reflect.DeepEqual(theirs, []string{"email"}) {
		t.Fatalf("theirs %v", theirs)
	}

	now.Phone = "3"
	if _, _, clash = merge(before, mine, now); !reflect.DeepEqual(clash, []string{"phone"}) {
		t.Fatalf("clash %v, want phone", clash)
	}
}
