package peel

// ScanClosure computes the closure of the got push v by a plain scan,
// for explanations (see Closure), stopping once it passes the return of
// v's get: the threshold t reached, and late, the one called last of the
// operation that raised t last and its partner.
func (c *Core) ScanClosure(v int32) (t int64, late int32) {
	limit := c.Ops[c.Ops[v].Partner].Ret
	t, raiser := c.Span(v), v
	for k := 0; k < len(c.ByRet) && c.Rets[k] < t && t <= limit; k++ {
		o := c.ByRet[k]
		if op := &c.Ops[o]; c.Present[o] && op.Kind != Empty && op.Partner >= 0 {
			if r := max(op.Call, c.Ops[op.Partner].Call); r > t {
				t, raiser = r, o
			}
		}
	}
	if r := &c.Ops[raiser]; c.Ops[r.Partner].Call > r.Call {
		return t, r.Partner
	}
	return t, raiser
}

// LastEmpty returns the present empty called last.
func (c *Core) LastEmpty() int32 {
	es := c.Empties.Ops
	return es[len(es)-1]
}

// OpName is "put" or "get".
func (c *Core) OpName(o int32) string {
	if c.Ops[o].Kind == Push {
		return "put"
	}
	return "get"
}
