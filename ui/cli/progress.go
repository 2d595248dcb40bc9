package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/schollz/progressbar/v3"

	"github.com/rapportcrm/rapport/db/transfer"
	"github.com/rapportcrm/rapport/model/i18n"
)

// importProgress shows an import's progress on stderr when stderr is a
// terminal: rows read, rows per second and the time left while reading,
// then the customers written. It is silent otherwise (scripts, tests).
type importProgress struct {
	w     io.Writer
	p     *i18n.Printer
	bar   *progressbar.ProgressBar
	phase string
	start time.Time
}

// newImportProgress returns nil when stderr is not a terminal.
func newImportProgress(w io.Writer, p *i18n.Printer) *importProgress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return nil
	}
	return &importProgress{w: w, p: p}
}

// update is the transfer.Options.Progress callback.
func (p *importProgress) update(pr transfer.Progress) {
	if p.phase != pr.Phase {
		p.finish()
		p.phase, p.start = pr.Phase, time.Now()
		total := pr.Total
		if total <= 0 {
			total = -1
		}
		desc := p.p.T("reading")
		if pr.Phase == transfer.PhaseWrite {
			desc = p.p.T("writing")
		}
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(desc),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	rate := 0.0
	if el := time.Since(p.start).Seconds(); el > 0 {
		rate = float64(pr.Rows) / el
	}
	what := i18n.N("%d rows read, %.0f rows/s")
	if pr.Phase == transfer.PhaseWrite {
		what = i18n.N("%d customers written, %.0f rows/s")
	}
	p.bar.Describe(p.p.T(what, pr.Rows, rate))
	_ = p.bar.Set64(pr.Done)
}

// finish clears the bar of the phase that ended.
func (p *importProgress) finish() {
	if p != nil && p.bar != nil {
		_ = p.bar.Finish()
		fmt.Fprint(p.w, "\r\x1b[K")
		p.bar = nil
	}
}
