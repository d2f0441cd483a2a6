package lifo

// Deciding a stack history by its bottom values.
//
// Notation. o ≺ p (o precedes p) when o returned before p was called
// (o.ret < p.call): every linearization puts o before p. A stack history
// here has pushes (a put that answered ok: value v, got or never got;
// or a put that never returned whose value was got: it has no return and
// precedes nothing), pops (a get that returned v: v's pop) and empties (a try_get that
// answered empty); values are distinct. A sequence of them is a stack's
// when every pop returns the top and every empty finds nothing.
//
// Facts about stack sequences S (each checked by looking at the stack):
//
//	(R) Removing from S a value's push and its pop, a never-got value's
//	    push, or an empty leaves a stack sequence. (The values in between
//	    sit above the removed one and come off before it; an empty never
//	    sees a value, so none is removed under one.) Hence S restricted to
//	    any set of operations closed under "a push with its pop" is a stack
//	    sequence of that set.
//	(B) In S, let v be the value of the first push. Only empties come
//	    before it (a pop would find nothing). v is at the bottom until its
//	    pop, so S = E0 push(v) S1 pop(v) S2 where E0 are empties, S1 holds
//	    no empty and takes every value it puts off again (S1 is a stack
//	    sequence that ends empty), and S2 is a stack sequence; or, when v
//	    is never got, S = E0 push(v) S1 with no empty in S1.
//
// Let M be the earliest return of a push or pop of the history H. A value
// v is a bottom of H when push(v).call <= M (no push or pop precedes it)
// and:
//
//   - v is never got, and every empty e has e.call <= M (no push or pop
//     precedes it). Then H is linearizable iff H without push(v) and
//     without its empties is. If: take a linearization S' of the rest and
//     put first the empties in order of call, then push(v), then S'. It is
//     a stack sequence (v stays at the bottom, nothing in S' pops below
//     its own values, and S' has no empty left), and it respects ≺ (no
//     push or pop precedes an empty or push(v); the empties in call order
//     respect ≺ among themselves). Only if: by (R).
//
//   - v is got, and with X the least set of pushes and pops other than
//     v's that holds every push and pop that precedes push(v) or pop(v) or
//     a member of X, and the partner of each member (the closure), and E0
//     the empties that precede push(v), pop(v) or a member of X:
//     no member of X is called after pop(v) returned, no never-got value
//     is in X, and every e in E0 has e.call <= M. Then H is linearizable
//     iff X is and Y is, where Y is everything else (H without v, X, E0).
//     If: from linearizations S_X and S_Y build E0 (by call) push(v) S_X
//     pop(v) S_Y. A stack sequence: S_X puts nothing it does not take off
//     again and has no empty, so pop(v) finds v on top and S_Y starts
//     from the empty stack. It respects ≺: no push or pop precedes an
//     empty of E0 or push(v) (call <= M), an empty that precedes one of
//     E0 is in E0 (≺ is transitive), and E0 in call order respects ≺;
//     whatever precedes pop(v) or a member of X is in E0 or X by the
//     closure; pop(v) precedes no member of X. Only if: by (R),
//     restrict a linearization of H to X and to Y (both closed under
//     partners).
//
// Every linearizable H with a push has a bottom: take a linearization S
// and its first pushed value v as in (B). Every push and pop comes after
// push(v), so push(v).call <= M. If v is never got, every empty is in E0
// of S, before every push and pop, so e.call <= M. If v is got, by
// induction on the closure every member of X is in S1 (a push or pop
// that precedes pop(v) or a member of S1 comes before it in S, and it is
// not in E0; S1 holds the partners of its members), so no member of X is
// called after pop(v) returned and none is a never-got value; an empty
// that precedes pop(v) or a member of S1 is in E0 of S, before every
// push and pop, so its call is <= M.
//
// So: H is linearizable iff it has only empties (in order of call they
// are a stack sequence), or it has a bottom and the smaller histories the
// bottom leaves are. Which bottom is taken does not matter: each one's
// split is an "iff". A history with a push and no bottom is not
// linearizable: the operations that remain are a violation on their own.
//
// Computing it. H without v's push and pop is linearizable iff X and Y
// are, too (E0 by call, then S_X, then S_Y is a linearization of it, by
// the same argument; conversely by (R)), hence iff H is: the check
// removes bottoms one by one from a single history and never copies X. ≺ is an interval order, so the
// operations that precede some member of a set are those that return
// before the set's latest call T, and the closure is a fixpoint: from
// T = max(push(v).call, pop(v).call), raise T to the latest call of a
// push or pop, or of its partner, among those that return before T,
// until it stays (peel.Core.Closure). A max segment tree over the
// operations in order of return answers each step in O(log n); v fails when T passes
// pop(v).ret, or when a never-got push or an empty called after M
// returns before T (the earliest return of a never-got push; the
// earliest return among the empties called after M, a suffix minimum).
// The candidates (pushes called by M: they all overlap the instant M, so
// at most as many as operations in flight at once, c) are tried
// never-got first, which need no closure. The whole check is
// O(n c k log n) for n operations and closures reached in k steps: k is
// small on recorded histories (an operation's partner seldom starts a
// chain) and at most n.
