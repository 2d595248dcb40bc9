package transfer

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// customerCSV generates n customer rows: unique emails and phones, every
// tenth with tags, a mix of English and Chinese names.
func customerCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Name,Company,Email,Phone,Tags,Notes\r\n")
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Customer %d", i)
		if i%3 == 0 {
			name = fmt.Sprintf("王芳%d", i)
		}
		tags := ""
		if i%10 == 0 {
			tags = "vip;华东"
		}
		fmt.Fprintf(&b, "%s,Company %d,c%d@example.com,+86 138 %04d %04d,%s,\"note for %d, with a comma\"\r\n", name, i%5000, i, i/10000, i%10000, tags, i)
	}
	return b.Bytes()
}

// realisticHeader is an Outlook/CRM-style contact export: 44 columns, of
// which some are fields, some are kept in the notes and some are not
// imported.
var realisticHeader = []string{"First Name", "Last Name", "Display Name", "Company", "Department", "Job Title",
	"E-mail Address", "E-mail 2 Address", "Business Phone", "Mobile Phone", "Home Phone", "Business Fax",
	"Business Street", "Business City", "Business State", "Business Postal Code", "Business Country/Region",
	"Web Page", "Birthday", "Categories", "Notes", "Lead Source", "Rating", "Industry", "Lead Status",
	"Assistant's Name", "Manager's Name", "Spouse", "Hobby", "Language", "Location", "Mileage", "Office Location",
	"Profession", "Referred By", "Sensitivity", "Priority", "Private", "Account", "Billing Information",
	"Directory Server", "Internet Free Busy", "User 1", "User 2"}

// writeRealisticCSV writes contact rows until the file reaches size bytes
// (or n rows when size is 0) and returns the rows written. Names, emails
// and mobiles are unique; every row has two tags, a job title at a company
// (a contact person), a phone, a city and a rating; half have notes and a
// department, a third an address and a birthday, a quarter a fax and a web
// page, a fifth a second email; every 50th has two numbers in its phone
// cell and every 40th an extension alone.
func writeRealisticCSV(tb testing.TB, path string, n int, size int64) int {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(strings.Join(realisticHeader, ",") + "\r\n")
	var written int64
	rows := 0
	cities := []string{"Shanghai", "北京", "Shenzhen", "杭州", "London", "Berlin"}
	tiers := []string{"Hot", "Warm", "Cold", "A", "B"}
	for i := 0; (n == 0 || i < n) && (size == 0 || written < size); i++ {
		first, last := "Wei"+strconv.Itoa(i), "Zhang"
		if i%3 == 0 {
			first, last = "芳"+strconv.Itoa(i), "王"
		}
		phone := fmt.Sprintf("010-6%03d %04d", i%1000, i%10000)
		if i%50 == 0 {
			phone = fmt.Sprintf("1377%07d(南)1391%07d(北)", i, i)
		} else if i%40 == 0 {
			phone = strconv.Itoa(8000 + i%1000)
		}
		// Real exports are sparse: most optional columns are filled on
		// some rows only.
		opt := func(every int, v string) string {
			if i%every == 0 {
				return v
			}
			return ""
		}
		rec := []string{first, last, "", fmt.Sprintf("Company %d Ltd", i%7000), opt(2, "Sales"), "Purchasing Manager",
			fmt.Sprintf("user%d@example%d.com", i, i%97), opt(5, fmt.Sprintf("u%d@mail.example", i)), phone,
			fmt.Sprintf("+86 139 %04d %04d", i/10000, i%10000), "", opt(4, fmt.Sprintf("+86 21 %08d", i)),
			opt(3, fmt.Sprintf("\"%d Nanjing Road, Building %d\"", i%900, i%30)), cities[i%len(cities)], "", opt(3, fmt.Sprintf("%06d", i%1000000)), opt(3, "China"),
			opt(4, fmt.Sprintf("https://example%d.com", i%97)), opt(3, fmt.Sprintf("19%02d-%02d-%02d", 50+i%50, 1+i%12, 1+i%28)),
			"Customers;Region " + strconv.Itoa(i%20), opt(2, fmt.Sprintf("\"Met at fair %d, asked for a quote\"", i%300)), "Trade show",
			tiers[i%len(tiers)], "Manufacturing", "Working - Contacted", "", "", "", "", "Chinese", "", "", "", "", "", "Normal", "", "False", "", "", "", "", "", ""}
		line := strings.Join(rec, ",") + "\r\n"
		w.WriteString(line)
		written += int64(len(line))
		rows++
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return rows
}

func benchImport(b *testing.B, dry bool) {
	raw := customerCSV(100000)
	ctx := context.Background()
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d := openAt(b, filepath.Join(b.TempDir(), "bench.db"))
		c0 := cpuTime()
		b.StartTimer()
		rep, err := ImportCSV(ctx, d, raw, Options{Name: "bench.csv", DryRun: dry})
		if err != nil || rep.Created != 100000 {
			b.Fatalf("%v %+v", err, rep.Created)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		b.StartTimer()
	}
	b.ReportMetric(float64(100000*b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(100000*b.N)/cpu.Seconds(), "rows/cpu-s")
}

// BenchmarkImportCustomers100k imports 100,000 customer rows into a fresh
// book (SPEC §7: at least 10,000 rows per second).
func BenchmarkImportCustomers100k(b *testing.B) { benchImport(b, false) }

// BenchmarkImportCustomers100kDryRun plans the same import without writing.
func BenchmarkImportCustomers100kDryRun(b *testing.B) { benchImport(b, true) }

// BenchmarkImportRealistic100k imports a realistic 100,000-row contact
// file with 44 columns from disk (ImportFile: streamed), with tags, a
// contact person and notes on every row, into a fresh book.
func BenchmarkImportRealistic100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "contacts.csv")
	rows := writeRealisticCSV(b, path, 100000, 0)
	benchFile(b, path, rows)
}

// BenchmarkImportRealistic50MB imports a 50 MB file of the same rows and
// reports the process's peak resident memory during the import.
func BenchmarkImportRealistic50MB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "contacts.csv")
	rows := writeRealisticCSV(b, path, 0, 50<<20)
	benchFile(b, path, rows)
}

func benchFile(b *testing.B, path string, rows int) {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var peak, heap int64
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d := openAt(b, filepath.Join(b.TempDir(), "bench.db"))
		runtime.GC()
		resetPeakRSS()
		stop := make(chan struct{})
		done := make(chan uint64)
		go sampleHeap(stop, done)
		c0 := cpuTime()
		b.StartTimer()
		rep, err := ImportFile(ctx, d, path, Options{Name: "contacts.csv"})
		if err != nil || rep.Created != rows {
			b.Fatalf("%v: created %d of %d", err, rep.Created, rows)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		close(stop)
		if h := int64(<-done); h > heap {
			heap = h
		}
		if p := peakRSS(); p > peak {
			peak = p
		}
		d.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
	// The machine is shared: rows per second of CPU time (all threads,
	// the GC's included) does not depend on what else runs.
	b.ReportMetric(float64(rows*b.N)/cpu.Seconds(), "rows/cpu-s")
	b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
	b.ReportMetric(float64(rows), "rows")
	if peak > 0 {
		b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
	}
	b.ReportMetric(float64(heap)/(1<<20), "peak-Go-heap-MB")
}

// sampleHeap reports the largest Go heap seen (sampled every 20 ms) when
// stop closes.
func sampleHeap(stop <-chan struct{}, done chan<- uint64) {
	var peak uint64
	var m runtime.MemStats
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		runtime.ReadMemStats(&m)
		if m.HeapInuse > peak {
			peak = m.HeapInuse
		}
		select {
		case <-stop:
			done <- peak
			return
		case <-t.C:
		}
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// resetPeakRSS resets the kernel's peak resident set size of this process
// (Linux; elsewhere peakRSS reports 0 and the metric is left out).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS returns the process's peak resident set size in bytes (VmHWM).
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "VmHWM:"), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
