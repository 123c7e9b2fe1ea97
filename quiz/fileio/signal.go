package fileio

import "os"

// ExitOnSignal ends the program when a signal comes on ch (a channel
// signal.Notify fills): it removes the temporary files of the writes in
// flight (RemoveTempsForExit), then calls die, which must not return (cmd's
// dieOf: the signal's own exit, 130, 143 or 129 in a shell). It returns at
// once; the signal is waited for in a goroutine.
//
// A signal that came while a Set's files took their names is not lost
// (attack24 M1: the command then exited 0 about a quarter of the time, its
// handler's goroutine not yet run when Commit returned): Commit asks the
// handler, once every signal sent before has reached ch (flushSignals),
// whether one is waiting, and if so waits for the program's end.
func ExitOnSignal(ch <-chan os.Signal, die func(os.Signal)) {
	ask := make(chan chan bool)
	inFlight.Lock()
	signalAsk = ask
	inFlight.Unlock()
	prepareFlush()
	go func() {
		for {
			var sig os.Signal
			select {
			case sig = <-ch:
			case reply := <-ask:
				select {
				case sig = <-ch:
					reply <- true
				default:
					reply <- false
					continue
				}
			}
			RemoveTempsForExit()
			die(sig)
		}
	}()
}

// signalAsk is the channel on which Commit asks ExitOnSignal's goroutine
// whether a signal waits; nil without one. Guarded by inFlight's lock.
var signalAsk chan chan bool

// signalWaits reports whether a signal sent before it was called waits
// for ExitOnSignal's goroutine (ask), which then ends the program. It
// does not return when the goroutine has taken one already: that
// goroutine is ending the program.
func signalWaits(ask chan chan bool) bool {
	flushSignals()
	reply := make(chan bool, 1)
	ask <- reply
	return <-reply
}
