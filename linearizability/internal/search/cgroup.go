package search

import (
	"bufio"
	"bytes"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// cgroupMemory returns the memory limit of the process's control group,
// the smallest along its path up to the root of the hierarchy, in bytes;
// 0 when there is none. root is the file system's root ("/"): the process's
// groups are read from proc/self/cgroup, and the limits from
// sys/fs/cgroup: memory.max in version 2 (the line "0::PATH"),
// memory/memory.limit_in_bytes in version 1 (the line "N:memory:PATH").
func cgroupMemory(root fs.FS) int64 {
	groups, err := fs.ReadFile(root, "proc/self/cgroup")
	if err != nil {
		return 0
	}
	var limit int64
	sc := bufio.NewScanner(bytes.NewReader(groups))
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) != 3 {
			continue
		}
		switch {
		case parts[0] == "0" && parts[1] == "":
			limit = smallestLimit(limit, groupLimit(root, "sys/fs/cgroup", parts[2], "memory.max"))
		case hasController(parts[1], "memory"):
			limit = smallestLimit(limit, groupLimit(root, "sys/fs/cgroup/memory", parts[2], "memory.limit_in_bytes"))
		}
	}
	return limit
}

// hasController reports whether the comma-separated list has c.
func hasController(list, c string) bool {
	for name := range strings.SplitSeq(list, ",") {
		if name == c {
			return true
		}
	}
	return false
}

// groupLimit returns the smallest limit in the file name of the group at
// group in the hierarchy mounted at mount and of its ancestors; 0 when
// none is set. A group not visible there (another cgroup namespace) has
// only the mount's own file read.
func groupLimit(root fs.FS, mount, group, name string) int64 {
	var limit int64
	for dir := path.Clean("/" + group); ; dir = path.Dir(dir) {
		limit = smallestLimit(limit, readLimit(root, path.Join(mount, dir, name)))
		if dir == "/" {
			return limit
		}
	}
}

// readLimit reads a limit file: a number of bytes, or "max" (none); 0
// when it says none or cannot be read. Version 1 says none with a number
// near the largest int64, which every other limit is below.
func readLimit(root fs.FS, name string) int64 {
	text, err := fs.ReadFile(root, name)
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(text)), 10, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}
