package prio

// Deciding a priority queue history by the ends of its busy periods.
//
// Notation as in package lifo: o ≺ p when o.ret < p.call. A history here
// has pushes (a put that answered ok, or one that never returned whose
// value was got: no return, it precedes nothing), pops (a get that
// returned v) and empties (a try_get that answered empty); values are
// distinct. A sequence of them is a priority queue's when every pop
// returns the smallest value present and every empty finds nothing.
//
//	(R) Removing from a priority queue sequence S a value's push and pop,
//	    a never-got value's push, or an empty leaves one: a pop's value
//	    is still present and still the smallest, an empty still finds
//	    nothing. Hence S restricted to a set of operations closed under
//	    partners is a priority queue sequence of it.
//	(I) A push(L) whose L is larger than every value of a sequence S_X
//	    that pops every value it pushes and has no empty can be put into
//	    S_X anywhere: no pop's smallest value changes. And some place
//	    respects ≺: just after the last operation x with x ≺ push(L).
//	    An operation y with push(L) ≺ y comes after it, since x ≺ y.
//	(P) In S = E0 push(a) ..., E0 empties, the first busy period B runs
//	    from push(a) until the queue is next empty; B holds no empty. If
//	    the queue is empty again, let L be B's largest value: when pop(L)
//	    takes L as the smallest, every other value of B is gone, so pop(L)
//	    ends B. Then S = E0 B' pop(L) S2 with B' holding push(L) and
//	    values smaller than L, each with its push and pop. If the queue is
//	    never empty again, every empty is in E0 and the largest value L of
//	    the history is never got (its pop would empty the queue).
//
// Let M be the earliest return of a push or pop of H.
//
// A never-got peel: L is never got, L is the largest value put in H,
// and every empty e has e.call <= M. Then H is linearizable iff H
// without push(L) and its empties is. If: take a linearization S' of the
// rest (no empties), put push(L) in by (I) (S' may leave values in: L,
// the largest, still changes no pop), and put first the empties in order
// of call: no push or pop precedes them (call <= M), and push(L).ret >= M.
// Only if: by (R).
//
// A got peel: L is got; X is the least set of pushes and pops other than
// L's that holds every push and pop that precedes push(L) or pop(L) or a
// member of X, and the partner of each member (the closure); E0 the
// empties that precede push(L), pop(L) or a member of X. Conditions:
// every value in X is smaller than L; no never-got value is in X; no
// member of X is called after pop(L) returned; every e in E0 has
// e.call <= M. Then H is linearizable iff X and Y are, Y being the rest
// (H without L, X, E0). If: from linearizations S_X, S_Y build
// E0 (by call), S_X with push(L) put in by (I), pop(L), S_Y. A priority
// queue sequence: S_X pops all it pushes (no never-got value, closed
// under partners), so pop(L) finds only L, and S_Y starts empty. It
// respects ≺: E0 as in the never-got peel (an empty that precedes one of
// E0 is in E0); whatever precedes push(L), pop(L) or a member of X is in
// E0 or X; pop(L) precedes no member of X and not push(L). Only if: by
// (R), restricting a linearization of H to X and to Y. Likewise H
// without L's push and pop is linearizable iff X and Y are, so iff H is:
// the check removes L's push and pop and nothing else.
//
// Every linearizable H with a push has a peel. Take a linearization S
// as in (P). If the queue is never empty again, the never-got peel of L
// holds. Otherwise by induction on the closure every member of X is in
// B' (what precedes push(L), pop(L) or a member is before it in S and is
// no empty; B is closed under partners): values smaller than L, none
// never got, none called after pop(L) returned (it is before pop(L)); an
// empty of E0 is before B, so no push or pop precedes it: call <= M.
// Which peel is taken does not matter: each is an "iff". So H is
// linearizable iff it has only empties, or it has a peel and H without
// the peeled value is; a history with a push or pop and no peel is a
// violation on its own.
//
// Choosing candidates. The never-got peel has one candidate: the largest
// value present. For a got peel, let L be B's largest value in a
// linearization S as in (P) and o_M an operation returning at M.
//
//   - If pop(L).call <= M, L is among the present pops called by M: they
//     all overlap the instant M, so they are at most c, the number of
//     operations in flight at once.
//   - Otherwise o_M ≺ pop(L), so o_M is in B. Grow Z from o_M's value:
//     Z := the closure of its push and pop; while Z's largest value L'
//     is larger than the value grown from, add L''s push and pop and
//     close again. B holds o_M's value and is closed, so Z stays inside
//     B; it ends with Z closed, holding its largest value L∞'s push and
//     pop. Then the got peel of L∞ holds: its closure X is inside Z
//     (values at most L∞, none never got); every member of X is before
//     pop(L∞) in S (by induction: what precedes a member is before it;
//     a member push(a) has a < L∞, so pop(a) is before pop(L∞), which
//     takes the smallest value; a member pop(a) has push(a) before it),
//     so none is called after pop(L∞) returned; an empty preceding one
//     of them is before B in S, so its call is <= M.
//
// So each step needs at most c+2 candidates. Any other candidate whose
// conditions hold may be peeled too (each peel is an "iff"): the check
// first tries a hint, the largest value left in the set the last growth
// reached, which spares growing a long busy period again for each of its
// values. Computing a closure is lifo's: ≺ is an interval order, so the
// closure is all that returns before a time T (and partners), T the
// fixpoint of raising T to the latest call, of an operation or its
// partner, among the operations that return before T; a max segment tree
// over the operations by return answers each raise in O(log n). A
// second max tree over the values by return gives the largest value in
// a closure. The check is O(n c k log n) for closures reached in k
// raises.
