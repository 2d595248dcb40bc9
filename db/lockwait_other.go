//go:build !linux

package db

import "strconv"

func writeLockHolder(string) (int, bool) { return 0, false }

func processAlive(int) bool { return false }

func describeProcess(pid int) string { return "process " + strconv.Itoa(pid) }
