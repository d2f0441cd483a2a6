package peel

import "math"

// None stands for no time and no value: before every one of a history.
const None = math.MinInt64
