//go:build unix

package fileio

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Open opens a file to read, as os.Open does, but without handing it to the
// runtime's poller: a regular file never uses it, and the first os.Open in a
// process sets the poller up (an epoll instance, an event descriptor, and
// eight system calls in all), which every command that reads a file paid
// for nothing. Every file conflictq reads is opened with it.
func Open(name string) (*os.File, error) { return OpenFile(name, os.O_RDONLY, 0) }

// OpenFile opens a file as os.OpenFile does (perm: its permission bits
// only), without the runtime's poller (see Open): mark's lock file. A
// flag's O_NONBLOCK is for the open alone (a pipe at the path does not make
// it wait); the file is blocking after, as a regular file is that
// os.OpenFile opened (the poller refuses it).
func OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, uint32(perm.Perm()))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		if flag&syscall.O_NONBLOCK != 0 {
			// Else os.NewFile would hand the file to the poller.
			if err := syscall.SetNonblock(fd, false); err != nil {
				syscall.Close(fd)
				return nil, &fs.PathError{Op: "open", Path: name, Err: err}
			}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}

// CreateTemp creates a new file with the permissions perm less the
// process's umask, as open(2) gives them, in dir, named prefix and a random
// number, and opens it to write, as os.CreateTemp(dir, prefix+"*") does
// (which makes it 0600); without the runtime's poller, which
// os.CreateTemp set up in every run that writes a file (see Open).
func CreateTemp(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	if dir != "" && !os.IsPathSeparator(dir[len(dir)-1]) {
		dir += string(os.PathSeparator)
	}
	for try := 0; ; try++ {
		name := dir + prefix + strconv.FormatUint(uint64(rand.Uint32()), 10)
		fd, err := syscall.Open(name, syscall.O_RDWR|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, uint32(perm.Perm()))
		switch {
		case err == nil:
			return os.NewFile(uintptr(fd), name), nil
		case err == syscall.EINTR || errors.Is(err, fs.ErrExist) && try < 10000:
			continue
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
}

// rename gives the finished temporary file old its name new, as os.Rename
// does, without os.Rename's look-up of new first (an Lstat, to refuse a
// folder): WriteFilePerm has looked new up already and renames only over a
// regular file, and rename(2) itself refuses a folder (EISDIR). Its error
// names new, the file the user named, not the hidden temporary file
// (attack22 L2: "rename st/.t.json.tmp-N st/t.json: operation not
// permitted"), which is removed after it.
func rename(old, new string) error {
	for {
		err := syscall.Rename(old, new)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			if err == syscall.EPERM || err == syscall.EACCES {
				if why := stickyWhy(new); why != "" {
					return &fs.PathError{Op: "write", Path: new, Err: &whyError{err, why}}
				}
			}
			return &fs.PathError{Op: "write", Path: new, Err: err}
		}
		return nil
	}
}

// stickyWhy says why a rename over path was refused when its folder is
// sticky (as /tmp is) and path is another user's: only the file's owner,
// the folder's owner or root may replace or remove it there. "" when that
// is not why.
func stickyWhy(path string) string {
	dir := filepath.Dir(path)
	dst, err := os.Stat(dir)
	if err != nil || dst.Mode()&fs.ModeSticky == 0 {
		return ""
	}
	fst, err := os.Lstat(path)
	if err != nil {
		return ""
	}
	me := uint32(os.Geteuid())
	owner, ok := fst.Sys().(*syscall.Stat_t)
	dirOwner, dok := dst.Sys().(*syscall.Stat_t)
	if !ok || !dok || owner.Uid == me || dirOwner.Uid == me {
		return ""
	}
	return fmt.Sprintf("the folder %s is sticky (as /tmp is) and the file is another user's (uid %d): there only its owner may replace it; write it elsewhere, or ask its owner to remove it", dir, owner.Uid)
}

// stickyRefusal is the error a rename of files would meet first because a
// file is another user's in a sticky folder (stickyWhy), found before any
// file of a Set is kept or renamed: keeping one there makes a hard link
// that its maker may then not remove either, and every retry would leave
// another (recheck29 N1). nil when none is, and for root, whom the system
// lets replace any file.
func stickyRefusal(files []*pendingFile) error {
	if os.Geteuid() == 0 {
		return nil
	}
	for _, p := range files {
		if why := stickyWhy(p.path); why != "" {
			return &fs.PathError{Op: "write", Path: p.path, Err: &whyError{syscall.EPERM, why}}
		}
	}
	return nil
}

// whyError is a system call's error with why it was refused.
type whyError struct {
	err error
	why string
}

func (e *whyError) Error() string { return e.err.Error() + ": " + e.why }
func (e *whyError) Unwrap() error { return e.err }

// copyDiffers gives out, the copy of the file st that a Set keeps where no
// hard link can be made, the file's owner and group when it may (root may),
// and says how the copy put back would still not be the file: another
// owner, and the file's other hard links, which keep the old file. "" when
// in nothing (recheck29 N5: a rollback said "as they were" of a file now
// another, owned by whoever ran the command).
func copyDiffers(out *os.File, st fs.FileInfo) string {
	was, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	_ = out.Chown(int(was.Uid), int(was.Gid))
	var parts []string
	if now, err := out.Stat(); err == nil {
		if s, ok := now.Sys().(*syscall.Stat_t); ok {
			switch {
			case s.Uid != was.Uid:
				parts = append(parts, fmt.Sprintf("it is owned by you, not by uid %d", was.Uid))
			case s.Gid != was.Gid:
				parts = append(parts, fmt.Sprintf("its group is gid %d, not gid %d", s.Gid, was.Gid))
			}
		}
	}
	if n := int(was.Nlink) - 1; n == 1 {
		parts = append(parts, "its other hard link keeps the old file")
	} else if n > 1 {
		parts = append(parts, fmt.Sprintf("its %d other hard links keep the old file", n))
	}
	return strings.Join(parts, ", and ")
}
