package cli_test

// Whole-process budgets of SPEC §7 on the 100,000-customer reference book:
// `rapport today` under 100 ms on a same-day launch and under 1 s on the
// first run of a new day, and resident memory after it under 80 MB. The
// binary is built once into a temp dir; the book is shared with the db
// benchmarks (cached under os.TempDir()/rapport-bench). Only with -bench:
//
//	go test ./ui/cli/ -run '^$' -bench TodayProcess -benchtime 20x

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rapportcrm/rapport/db/demo"
	"github.com/rapportcrm/rapport/model"
)

// buildRapport builds the rapport binary into a temp dir.
func buildRapport(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "rapport")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/rapportcrm/rapport")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runToday runs `rapport --db path today` for day and returns the child's
// peak resident memory in bytes.
func runToday(b *testing.B, bin, path string, day model.Day) int64 {
	b.Helper()
	cmd := exec.Command(bin, "--db", path, "today")
	cmd.Env = append(os.Environ(), "RAPPORT_TODAY="+day.String(), "RAPPORT_NOW=")
	var errb strings.Builder
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		b.Fatalf("rapport today: %v\n%s", err, errb.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return maxRSSBytes(ru)
	}
	return 0
}

// BenchmarkTodayProcess times `rapport today` as a whole process on the
// reference book: same-day (materialised risk is current: open, read,
// print) and new-day (the first run of a day, with the daily refresh; each
// iteration is the next day on one copy of the book). It reports the
// child's peak resident memory as MB-maxrss.
func BenchmarkTodayProcess(b *testing.B) {
	b.StopTimer()
	now := demo.Morning(time.Now())
	path, err := demo.Cached(context.Background(), filepath.Join(os.TempDir(), "rapport-bench"),
		demo.Options{Customers: demo.ReferenceCustomers, Seed: demo.DefaultSeed}, now)
	if err != nil {
		b.Fatal(err)
	}
	bin := buildRapport(b)
	today := model.DayOf(now)
	b.Run("same-day", func(b *testing.B) {
		runToday(b, bin, path, today) // warm the OS cache
		var peak int64
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			peak = max(peak, runToday(b, bin, path, today))
		}
		b.ReportMetric(float64(peak)/(1<<20), "MB-maxrss")
	})
	b.Run("new-day", func(b *testing.B) {
		b.StopTimer()
		cp := filepath.Join(b.TempDir(), "book.db")
		if err := demo.CopyBook(path, cp); err != nil {
			b.Fatal(err)
		}
		var peak int64
		b.StartTimer()
		for i := 0; i < b.N; i++ {
			peak = max(peak, runToday(b, bin, cp, today.AddDays(i+1)))
		}
		b.ReportMetric(float64(peak)/(1<<20), "MB-maxrss")
	})
}

// maxRSSBytes reads a child's peak resident memory (KiB on Linux, bytes on
// macOS).
func maxRSSBytes(ru *syscall.Rusage) int64 {
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) * 1024
}
