package fileio

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// workDir is the working folder, asked of the system at most once: a
// Guard's checks and writes of one run all start from the same folder, and
// each of them asked getcwd again (14 times for a test and its key). A nil
// *workDir asks at every use, as a lone WriteFile or Canonical does.
type workDir struct {
	wd    string // "" when it could not be found
	asked bool
}

// absolute is path made absolute from the working folder as the system
// knows it (getcwd: one system call, its links resolved), where
// filepath.Abs asks os.Getwd, which looks up "." and $PWD (two) and may
// give a path through a link ($PWD as the shell kept it).
func (w *workDir) absolute(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	var wd string
	if w == nil {
		wd = getwd()
	} else {
		if !w.asked {
			w.wd, w.asked = getwd(), true
		}
		wd = w.wd
	}
	if wd == "" {
		return filepath.Clean(path)
	}
	return filepath.Join(wd, path)
}

// getwd is the working folder, "" when it cannot be found.
func getwd() string {
	wd, err := syscall.Getwd()
	if err != nil || !syscall.ImplementsGetwd {
		if wd, err = os.Getwd(); err != nil {
			return ""
		}
	}
	return wd
}

// absolute is path made absolute from the working folder (workDir.absolute).
func absolute(path string) string { return (*workDir)(nil).absolute(path) }

// output is a path to check or write, looked up once for all that its
// check and its write ask of it: where it is (located, made absolute), and
// what is there (Lstat; Stat only for a link, since for anything else it
// finds the same). Each part is looked up when first asked. An output is
// looked up afresh for each write, just before it (Guard.WriteFileIn):
// what is at the name then decides how it is written.
type output struct {
	path string
	wd   *workDir

	loc, abs string // located(path), absolute(loc)
	located  bool

	lst     fs.FileInfo // os.Lstat(path)
	lerr    error
	lstated bool

	st      fs.FileInfo // os.Stat(path)
	sterr   error
	statted bool
}

// lookUp is path to be looked up from wd (nil: the working folder is asked
// when needed).
func lookUp(path string, wd *workDir) *output { return &output{path: path, wd: wd} }

// where is the output's path located (its folder's links resolved as the
// system resolves them: located) and that made absolute.
func (o *output) where() (loc, abs string) {
	if !o.located {
		o.loc = located(o.path)
		o.abs, o.located = o.wd.absolute(o.loc), true
	}
	return o.loc, o.abs
}

// device reports whether the output is a path under /dev/ or a process's
// file descriptor (IsDevice).
func (o *output) device() bool {
	_, abs := o.where()
	return isDeviceAbs(abs)
}

// lstat is os.Lstat of the output.
func (o *output) lstat() (fs.FileInfo, error) {
	if !o.lstated {
		o.lst, o.lerr = os.Lstat(o.path)
		o.lstated = true
	}
	return o.lst, o.lerr
}

// stat is os.Stat of the output: its Lstat when that is no link (a file
// that cannot be looked up without following its last link cannot be
// looked up following it either).
func (o *output) stat() (fs.FileInfo, error) {
	if !o.statted {
		lst, err := o.lstat()
		switch {
		case err != nil:
			o.st, o.sterr = nil, err
		case lst.Mode()&fs.ModeSymlink == 0:
			o.st = lst
		default:
			o.st, o.sterr = os.Stat(o.path)
		}
		o.statted = true
	}
	return o.st, o.sterr
}

// canonical is the output's path made absolute with its links resolved
// (Canonical).
func (o *output) canonical() string {
	// A file that is no link (the usual output, replaced with --force) or
	// no file at all is its folder resolved and its name: looked up once,
	// where reading it as a link, then resolving the whole path, looked it
	// up twice more.
	if st, err := o.lstat(); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		_, abs := o.where()
		return abs
	}
	// A link to a file not yet written names that file (a few links deep).
	path := o.path
	for range 8 {
		target, err := os.Readlink(path)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			// Beside the link as the system finds it (located: a ".."
			// after a link is taken after the link).
			target = filepath.Dir(located(path)) + string(os.PathSeparator) + target
		}
		path = target
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	} else {
		path = located(path)
	}
	return o.wd.absolute(path)
}

// sameAs reports whether o and p name one file: the same existing file, or
// one not yet written named two ways (SamePath).
func (o *output) sameAs(p *output) bool {
	so, eo := o.stat()
	sp, ep := p.stat()
	if eo == nil && ep == nil {
		return os.SameFile(so, sp)
	}
	return o.canonical() == p.canonical()
}
