//go:build unix

package db

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// walWriteLockOffset is where SQLite's WAL write lock lives in the -shm file
// (WALINDEX_LOCK_OFFSET: the first of its lock bytes is the writer's).
const walWriteLockOffset = 120

// writeLockHolder returns the process that holds the book's write lock, as
// the kernel reports it for the -shm lock byte, and whether one was found.
// A lock held by this process is not reported (POSIX locks are per process).
func writeLockHolder(path string) (int, bool) {
	f, err := os.OpenFile(path+"-shm", os.O_RDONLY, 0)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: walWriteLockOffset, Len: 1}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil || lk.Type == syscall.F_UNLCK || lk.Pid <= 0 {
		return 0, false
	}
	return int(lk.Pid), true
}

// processAlive reports whether pid is a running process.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

// describeProcess names a process for a "waiting for …" line: its command
// line where the system shows it (Linux), else its pid.
func describeProcess(pid int) string {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil || len(b) == 0 {
		return "process " + strconv.Itoa(pid)
	}
	args := strings.Split(strings.TrimRight(string(b), "\x00"), "\x00")
	if len(args) > 0 {
		if i := strings.LastIndexByte(args[0], '/'); i >= 0 {
			args[0] = args[0][i+1:]
		}
	}
	cmd := strings.Join(args, " ")
	if len(cmd) > 80 {
		cmd = cmd[:80] + "…"
	}
	return "`" + cmd + "` (pid " + strconv.Itoa(pid) + ")"
}
