package history

import "github.com/pcqkit/pcq/models"

// Operation is one operation of a history: who called what, when it was
// called, when it returned, and what it returned.
type Operation struct {
	Client int           // the caller; one client's operations never overlap
	Input  models.Input  // what was called
	Output models.Output // what it returned; Output.Result == models.Unknown: never returned
	Call   int64         // call time, in any unit of one monotonic clock
	Return int64         // return time; ignored when the result is unknown
	Line   int           // the line of the history file it came from; 0 if none
}

// History is a recorded history with the model it is to be checked against.
type History struct {
	Kind       models.Kind // the order of the queue
	Capacity   int         // 0: unbounded
	Operations []Operation
}
