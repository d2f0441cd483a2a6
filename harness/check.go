package harness

// Check names a check a harness runs on a queue; a failure names the one
// that failed ([FailedCheck]). Its value is the word the reports use.
type Check string

// The checks of the harnesses. The stress and fuzz harnesses run the
// checks from Watchdog to Undecided on each recorded run (in that order,
// the first that fails is reported) and Leak after it; the property
// harness runs Sequence and Protocol.
const (
	Watchdog        Check = "watchdog"        // the run did not finish in time (a hang)
	Contract        Check = "contract"        // an error the queue's contract does not allow
	Conservation    Check = "conservation"    // an item lost, duplicated, or from nowhere
	Order           Check = "order"           // a producer's items out of order (FIFO)
	Tasks           Check = "tasks"           // TaskDone or Join disagree with the items got
	Liveness        Check = "liveness"        // a blocked call not woken by a put or a shutdown
	Shutdown        Check = "shutdown"        // a shut-down queue answering other than ErrShutDown
	Recording       Check = "recording"       // the history is not valid (a recorder bug)
	Linearizability Check = "linearizability" // no order of the operations explains their results
	Undecided       Check = "unknown"         // the checker could not decide (never a pass)
	Leak            Check = "leak"            // goroutines left running after a run
	Sequence        Check = "sequence"        // a call of a random sequence answered other than the model
	Protocol        Check = "protocol"        // a producer-consumer protocol lost, duplicated or hung
)

// String returns the check's word.
func (c Check) String() string { return string(c) }
