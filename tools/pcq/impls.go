package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	registry "github.com/pcqkit/pcq/internal/impls"
	"github.com/pcqkit/pcq/models"
)

// An impl is one of the kit's queue implementations, as the subcommands
// choose it by name.
type impl struct {
	name string
	kind models.Kind // the order it hands items out in
	// bounded and unbounded say which capacities it takes: >= 1, <= 0.
	bounded, unbounded bool
	new                harness.Factory
}

// impls lists every implementation, by name: the kit's registry's.
var impls = kitImpls()

// kitImpls returns the implementations of the kit's registry.
func kitImpls() []impl {
	var out []impl
	for _, m := range registry.All() {
		out = append(out, impl{m.Name, m.Model, m.Bounded, m.Unbounded, m.New})
	}
	return out
}

// implNames returns the implementations' names, comma-separated.
func implNames() string { return registry.Names() }

// brokenPrefix names a deliberately broken queue of internal/broken, to
// see what a failure looks like: -impl broken:get-twice.
const brokenPrefix = "broken:"

// lookupImpl returns the implementation called name: one of impls, or a
// broken queue named "broken:NAME".
func lookupImpl(name string) (impl, error) {
	if bug, ok := strings.CutPrefix(name, brokenPrefix); ok {
		return lookupBroken(bug)
	}
	i := slices.IndexFunc(impls, func(m impl) bool { return m.name == name })
	if i < 0 {
		return impl{}, fmt.Errorf("unknown implementation %q (want one of %s)", name, implNames())
	}
	return impls[i], nil
}

// capacities returns the option choosing the capacities to run m at:
// asked, if it is 0 or more; else unbounded only for an unbounded-only
// implementation (it has no other), else none (the harness's defaults,
// which leave unbounded out for a bounded-only one).
func (m impl) capacities(asked int) []harness.Option {
	switch {
	case asked >= 0:
		return []harness.Option{harness.WithCapacities(asked)}
	case !m.bounded:
		return []harness.Option{harness.WithCapacities(0)}
	}
	return nil
}

// checkCap reports an error if m cannot take capacity c.
func (m impl) checkCap(c int) error {
	switch {
	case c >= 1 && !m.bounded:
		return fmt.Errorf("%s is unbounded only: capacity must be 0", m.name)
	case c <= 0 && !m.unbounded:
		return fmt.Errorf("%s is bounded only: capacity must be at least 1", m.name)
	}
	return nil
}

// parseImpls parses a comma-separated list of implementation names, or
// "all", as the -impl flag of stress and bench takes it.
func parseImpls(list string) ([]impl, error) {
	if list == "all" {
		return slices.Clone(impls), nil
	}
	var out []impl
	for name := range strings.SplitSeq(list, ",") {
		m, err := lookupImpl(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(out, func(o impl) bool { return o.name == m.name }) {
			out = append(out, m)
		}
	}
	return out, nil
}

// relaxedQueues are the queues of internal/broken correct only under a
// relaxation (pcq stress -relax): broken:lossy, broken:lossy-reorder,
// broken:spurious.
var relaxedQueues = []broken.Bug{
	{Name: "lossy", New: broken.NewLossy},
	{Name: "lossy-reorder", New: broken.NewLossyReorder},
	{Name: "spurious", New: broken.NewSpurious},
}

// lookupBroken returns the broken queue of internal/broken called name,
// with its model: FIFO, or LIFO or priority for broken.Ordered.
func lookupBroken(name string) (impl, error) {
	var names []string
	bugs := append(broken.All(), relaxedQueues...)
	kinds := make([]models.Kind, len(bugs))
	for _, b := range broken.Ordered() {
		bugs, kinds = append(bugs, b.Bug), append(kinds, b.Kind)
	}
	for k, b := range bugs {
		if b.Name == name {
			return impl{name: brokenPrefix + b.Name, kind: kinds[k], bounded: true, unbounded: true, new: b.New}, nil
		}
		names = append(names, b.Name)
	}
	return impl{}, fmt.Errorf("unknown broken queue %q (want one of %s)", name, strings.Join(names, ","))
}
