package db

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/rapportcrm/rapport/model"
)

// A file renamed over the book while a command runs: the command commits
// nothing (into the old file), says so with ErrReplaced, and every later
// write refuses too; the new file is untouched.
func TestWriteRefusesWhenTheFileWasReplaced(t *testing.T) {
	ctx := context.Background()
	d, clk := openTest(t)
	mustCustomer(t, d, "Old")
	if err := d.CheckFile(); err != nil {
		t.Fatalf("fresh book: %v", err)
	}
	otherPath := filepath.Join(t.TempDir(), "other.db")
	other, err := Open(ctx, otherPath, Options{Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	mustCustomer(t, other, "New")
	other.Close()
	err = d.Write(ctx, "add customer Late", func(tx *Tx) error {
		if _, err := tx.CreateCustomer(&model.Customer{Name: "Late"}); err != nil {
			return err
		}
		return os.Rename(otherPath, d.Path()) // the sync tool, mid-command
	})
	if !errors.Is(err, ErrReplaced) {
		t.Fatalf("write across a replace: %v", err)
	}
	if _, err := d.CreateCustomer(ctx, &model.Customer{Name: "Later"}, nil); !errors.Is(err, ErrReplaced) {
		t.Fatalf("a later write: %v", err)
	}
	if err := d.CheckFile(); !errors.Is(err, ErrReplaced) {
		t.Fatalf("CheckFile after the replace: %v", err)
	}
	d.Close()
	n, err := Open(ctx, d.Path(), Options{Now: clk.now, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	for _, name := range []string{"Late", "Later", "Old"} {
		if _, err := n.FindCustomer(ctx, name); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s reached the new file: %v", name, err)
		}
	}
	if _, err := n.FindCustomer(ctx, "New"); err != nil {
		t.Errorf("the new file lost its data: %v", err)
	}
	rep, err := n.Check(ctx)
	if err != nil || !rep.OK() {
		t.Errorf("check of the new file: %+v %v", rep, err)
	}
}
