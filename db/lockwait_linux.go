package db

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// walWriteLockOffset is where SQLite's WAL write lock lives in the -shm file
// (WALINDEX_LOCK_OFFSET: the first of its lock bytes is the writer's).
const walWriteLockOffset = 120

// writeLockHolder returns the process that holds the book's write lock (a
// POSIX write lock on the -shm file's writer byte), read from /proc/locks,
// and whether one was found. It never opens the -shm file: closing any
// descriptor of a file drops every POSIX lock this process holds on it,
// SQLite's own included.
func writeLockHolder(path string) (int, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(path+"-shm", &st); err != nil {
		return 0, false
	}
	dev := uint64(st.Dev)
	major := (dev>>8)&0xfff | (dev>>32)&^uint64(0xfff)
	minor := dev&0xff | (dev>>12)&^uint64(0xff)
	want := fmt.Sprintf("%02x:%02x:%d", major, minor, st.Ino)
	b, err := os.ReadFile("/proc/locks")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		// "1: POSIX  ADVISORY  WRITE 4242 fe:00:1234 120 120"; waiters have "->".
		if len(f) != 8 || f[1] != "POSIX" || f[3] != "WRITE" || f[5] != want {
			continue
		}
		start, err1 := strconv.ParseInt(f[6], 10, 64)
		end, err2 := strconv.ParseInt(f[7], 10, 64)
		if f[7] == "EOF" {
			end, err2 = 1<<62, nil
		}
		if err1 != nil || err2 != nil || start > walWriteLockOffset || end < walWriteLockOffset {
			continue
		}
		if pid, err := strconv.Atoi(f[4]); err == nil && pid > 0 && pid != os.Getpid() {
			return pid, true
		}
	}
	return 0, false
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
