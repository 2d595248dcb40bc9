//go:build unix

package db_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used (user and system), so
// a benchmark can report its cost apart from how busy the machine is.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
