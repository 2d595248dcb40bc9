package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/rapportcrm/rapport/db"
	"github.com/rapportcrm/rapport/model/i18n"
)

// importBook remembers how an import opened its book: a dry run on a path
// where no book exists yet plans against an empty book in a temporary
// folder (a dry run needs no book and creates none), and a real import that
// created the book removes it again unless it wrote something (a refused
// import leaves no empty book file behind).
type importBook struct {
	created string // the book file this import created, or ""
	temp    string // the temporary folder of a dry run's book, or ""
	keep    bool   // the import wrote: keep what it created
}

func openImportBook(e *Env, dry bool) (*db.DB, *importBook, error) {
	ib := &importBook{}
	if e.DBPath == "" {
		return nil, ib, i18n.Errorf("no database path: give one with --db PATH or RAPPORT_DB")
	}
	if _, err := os.Stat(e.DBPath); errors.Is(err, fs.ErrNotExist) {
		if dry {
			dir, err := os.MkdirTemp("", "rapport-dry-run-*")
			if err != nil {
				return nil, ib, err
			}
			ib.temp = dir
			b, err := db.Open(e.Ctx, filepath.Join(dir, "book.db"), db.Options{Now: e.Now})
			if err != nil {
				os.RemoveAll(dir)
				return nil, ib, err
			}
			return b, ib, nil
		}
		ib.created = e.DBPath
	}
	b, err := openBook(e, dry)
	if err != nil {
		ib.removeCreated()
		return nil, ib, err
	}
	return b, ib, nil
}

// close closes the book and removes what the import made and must not
// leave behind.
func (ib *importBook) close(b *db.DB) {
	b.Close()
	if ib.temp != "" {
		os.RemoveAll(ib.temp)
	}
	if !ib.keep {
		ib.removeCreated()
	}
}

func (ib *importBook) removeCreated() {
	if ib.created == "" {
		return
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(ib.created + suffix)
	}
}
