package sync

import "sync"

// Locker is [sync.Locker] itself (an alias): the mirror's Mutex and RWMutex
// satisfy it, and a Locker passes freely between mirrored and unmirrored
// code.
type Locker = sync.Locker
