"""The compiled search core (numba): tour moves, heatmap-sampled construction, 2-opt/Or-opt local search
and the MCTS-style sampled k-opt of Fu et al. (AAAI 2021), as described by Xia et al. (ICML 2024).

Tours are two arrays: `tour[p]` is the city at position p and `pos[c]` the position of city c. Every move
is written as one or more 2-opt exchanges `exchange(a, b, c, e)`: remove tour edges (a, b) and (c, e),
add (a, c) and (b, e). It reverses whichever side of the tour is shorter (O(min(segment, n - segment)))
and it never relies on the tour's direction, so a sequence of exchanges stays correct even when one of
them flipped the orientation. Undoing an exchange is another exchange, so tentative k-opt moves are
applied for real and rolled back when they do not pay.

The core stays in one file on purpose: numba's on-disk cache notices edits to a function's own file
but not to other modules it calls, so a split would let stale compiled code survive an edit.

Importing this module imports numba (about half a second) and compiles on first call (cached on disk in
a folder outside the repository), so callers import it lazily.
"""

from __future__ import annotations

from solvers.numba_cache import use_numba_cache

use_numba_cache()

import numpy as np  # noqa: E402
from numba import njit  # noqa: E402

EPS = 1e-10  # gains below this are rounding noise, never an improvement


@njit(cache=True)
def seed_rng(seed: int) -> None:
    """Seed numba's own generator (the one np.random uses inside compiled code)."""
    np.random.seed(seed)


@njit(cache=True, inline="always")
def dist(xy: np.ndarray, a: int, b: int) -> float:
    dx = xy[a, 0] - xy[b, 0]
    dy = xy[a, 1] - xy[b, 1]
    return np.sqrt(dx * dx + dy * dy)


@njit(cache=True)
def tour_length(xy: np.ndarray, tour: np.ndarray) -> float:
    n = tour.shape[0]
    s = 0.0
    for i in range(n):
        s += dist(xy, tour[i], tour[(i + 1) % n])
    return s


@njit(cache=True, inline="always")
def succ(tour: np.ndarray, pos: np.ndarray, c: int) -> int:
    p = pos[c] + 1
    return tour[0] if p == tour.shape[0] else tour[p]


@njit(cache=True, inline="always")
def pred(tour: np.ndarray, pos: np.ndarray, c: int) -> int:
    p = pos[c]
    return tour[tour.shape[0] - 1] if p == 0 else tour[p - 1]


@njit(cache=True)
def reverse_path(tour: np.ndarray, pos: np.ndarray, x: int, y: int) -> None:
    """Reverse the path x .. y (following succ); reverses the complement instead when that is shorter
    (the same cycle, direction flipped)."""
    n = tour.shape[0]
    i = pos[x]
    j = pos[y]
    inner = (j - i) % n + 1
    if 2 * inner > n:  # the other side is shorter: reverse succ(y) .. pred(x)
        i, j = (j + 1) % n, (i - 1) % n
        inner = n - inner
    for _ in range(inner // 2):
        a = tour[i]
        b = tour[j]
        tour[i] = b
        pos[b] = i
        tour[j] = a
        pos[a] = j
        i += 1
        if i == n:
            i = 0
        j -= 1
        if j < 0:
            j = n - 1


@njit(cache=True)
def exchange(tour: np.ndarray, pos: np.ndarray, a: int, b: int, c: int, e: int) -> None:
    """2-opt exchange: remove tour edges (a, b), (c, e); add (a, c), (b, e). Needs b, e on the same side
    of a, c (succ(a) == b and succ(c) == e, or pred(a) == b and pred(c) == e)."""
    if succ(tour, pos, a) == b:
        reverse_path(tour, pos, b, c)
    else:
        reverse_path(tour, pos, c, b)


# ---------------------------------------------------------------------------------------- construction


@njit(cache=True)
def sample_tour(xy: np.ndarray, cand: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """A tour built city by city: the next city is drawn among the unvisited candidates of the current one
    with probability proportional to its heatmap weight; with none left, the nearest unvisited city."""
    n = xy.shape[0]
    k = cand.shape[1]
    visited = np.zeros(n, dtype=np.bool_)
    # unvisited cities kept in a swap-remove list so the fallback scan only sees what is left
    left = np.arange(n).astype(np.int64)
    where = np.arange(n).astype(np.int64)
    tour = np.empty(n, dtype=np.int64)
    cur = np.random.randint(n)
    probs = np.empty(k)
    for step in range(n):
        tour[step] = cur
        visited[cur] = True
        m = n - 1 - step  # remove cur from `left`
        w = where[cur]
        last = left[m]
        left[w] = last
        where[last] = w
        if m == 0:
            break
        total = 0.0
        for j in range(k):
            c = cand[cur, j]
            probs[j] = 0.0 if (c < 0 or visited[c]) else weight[cur, j]
            total += probs[j]
        nxt = -1
        if total > 0.0:
            r = np.random.random() * total
            acc = 0.0
            for j in range(k):
                acc += probs[j]
                if probs[j] > 0.0 and r <= acc:
                    nxt = cand[cur, j]
                    break
            if nxt < 0:  # rounding at the top of the wheel
                for j in range(k - 1, -1, -1):
                    if probs[j] > 0.0:
                        nxt = cand[cur, j]
                        break
        if nxt < 0:
            best = np.inf
            for t in range(m):
                c = left[t]
                d = dist(xy, cur, c)
                if d < best:
                    best = d
                    nxt = c
        cur = nxt
    return tour


@njit(cache=True)
def positions(tour: np.ndarray) -> np.ndarray:
    pos = np.empty(tour.shape[0], dtype=np.int64)
    for i in range(tour.shape[0]):
        pos[tour[i]] = i
    return pos


# -------------------------------------------------------------------------------------- local search


@njit(cache=True)
def _try_2opt(xy, cand, tour, pos, a, touched) -> float:
    """Best-gain 2-opt exchange through city a and one of its candidates; applied; returns the gain."""
    best = EPS
    bb = -1
    bc = -1
    be = -1
    for side in range(2):
        b = succ(tour, pos, a) if side == 0 else pred(tour, pos, a)
        dab = dist(xy, a, b)
        for j in range(cand.shape[1]):
            c = cand[a, j]
            if c < 0:
                continue
            dac = dist(xy, a, c)
            if dac >= dab:  # candidates are sorted by distance: no later one can pay either
                break
            e = succ(tour, pos, c) if side == 0 else pred(tour, pos, c)
            if c == b or e == a:
                continue
            g = dab + dist(xy, c, e) - dac - dist(xy, b, e)
            if g > best:
                best = g
                bb = b
                bc = c
                be = e
    if bb < 0:
        return 0.0
    exchange(tour, pos, a, bb, bc, be)
    touched[0] = a; touched[1] = bb; touched[2] = bc; touched[3] = be  # noqa: E702
    touched[4] = -1
    return best


@njit(cache=True)
def or_move(tour, pos, s1, s2, p, nx, c, e, reverse) -> None:
    """Move the segment s1..s2 (p = its predecessor, nx = its successor, both seen from s1 towards s2)
    between c and e, where e is c's neighbour on the same side as s1 is of p. `reverse` inserts it as
    c, s2 .. s1, e; otherwise as c, s1 .. s2, e. Three exchanges at most."""
    exchange(tour, pos, p, s1, c, e)  # p-c, s1-e: the segment now runs backwards before e
    exchange(tour, pos, p, c, nx, s2)  # p-nx, c-s2: p .. nx closed, c s2 .. s1 e
    if not reverse:
        exchange(tour, pos, c, s2, s1, e)  # c-s1, s2-e


@njit(cache=True)
def _try_oropt(xy, cand, tour, pos, s1, touched) -> float:
    """Best-gain Or-opt move of a segment of 1..3 cities starting at s1 (either direction) to between a
    candidate neighbour and its tour neighbour; applied; returns the gain."""
    n = tour.shape[0]
    best = EPS
    rec = np.empty(8, dtype=np.int64)
    for fwd in range(2):
        s2 = s1
        for seg in range(1, 4):
            if seg > 1:
                s2 = succ(tour, pos, s2) if fwd == 0 else pred(tour, pos, s2)
            if seg + 3 > n:
                break
            p = pred(tour, pos, s1) if fwd == 0 else succ(tour, pos, s1)
            nx = succ(tour, pos, s2) if fwd == 0 else pred(tour, pos, s2)
            removed = dist(xy, p, s1) + dist(xy, s2, nx) - dist(xy, p, nx)
            if removed <= EPS:
                continue
            for end in range(2):
                s = s1 if end == 0 else s2
                for j in range(cand.shape[1]):
                    c = cand[s, j]
                    if c < 0:
                        continue
                    if dist(xy, s, c) >= removed:
                        break
                    # c must lie outside the segment
                    inside = False
                    t = s1
                    for _ in range(seg):
                        if t == c:
                            inside = True
                        t = succ(tour, pos, t) if fwd == 0 else pred(tour, pos, t)
                    if inside:
                        continue
                    for side in range(2):
                        # e is c's neighbour in the same direction as s1 follows p
                        e = succ(tour, pos, c) if (fwd == 0) == (side == 0) else pred(tour, pos, c)
                        cc = c
                        ee = e
                        if side == 1:  # the edge seen from the other end: (e, c) in segment direction
                            cc = e
                            ee = c
                        if cc == p or cc == s2:  # (p, s1) or (s2, nx): edges the move removes
                            continue
                        ins = dist(xy, cc, ee)
                        g_rev = removed + ins - dist(xy, cc, s2) - dist(xy, s1, ee)
                        g_fwd = removed + ins - dist(xy, cc, s1) - dist(xy, s2, ee)
                        if g_rev > best:
                            best = g_rev
                            rec[0] = s1; rec[1] = s2; rec[2] = p; rec[3] = nx  # noqa: E702
                            rec[4] = cc; rec[5] = ee; rec[6] = 1  # noqa: E702
                        if g_fwd > best:
                            best = g_fwd
                            rec[0] = s1; rec[1] = s2; rec[2] = p; rec[3] = nx  # noqa: E702
                            rec[4] = cc; rec[5] = ee; rec[6] = 0  # noqa: E702
    if best <= EPS:
        return 0.0
    or_move(tour, pos, rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6] == 1)
    for i in range(6):
        touched[i] = rec[i]
    touched[6] = -1
    return best


@njit(cache=True)
def local_search_from(xy, cand, tour, pos, use_oropt, start) -> float:
    """2-opt (and Or-opt) over candidate neighbours with don't-look bits, starting from the cities in
    `start`, until no move pays; returns the total gain. The queue holds the cities whose neighbourhood
    changed (the endpoints of every changed edge are woken)."""
    n = tour.shape[0]
    queue = np.empty(n, dtype=np.int64)
    inq = np.zeros(n, dtype=np.bool_)
    size = 0
    for c in start:
        if not inq[c]:
            queue[size] = c
            inq[c] = True
            size += 1
    head = 0
    total = 0.0
    touched = np.empty(8, dtype=np.int64)
    while size > 0:
        a = queue[head]
        head = (head + 1) % n
        size -= 1
        inq[a] = False
        g = _try_2opt(xy, cand, tour, pos, a, touched)
        if g <= 0.0 and use_oropt:
            g = _try_oropt(xy, cand, tour, pos, a, touched)
        if g > 0.0:
            total += g
            for i in range(touched.shape[0]):
                c = touched[i]
                if c < 0:
                    break
                if not inq[c]:
                    queue[(head + size) % n] = c
                    size += 1
                    inq[c] = True
    return total


@njit(cache=True)
def local_search(xy, cand, tour, pos, use_oropt) -> float:
    """Local search from every city (see local_search_from)."""
    return local_search_from(xy, cand, tour, pos, use_oropt, tour.copy())


@njit(cache=True)
def segment_swap_kick(tour, pos, max_len) -> np.ndarray:
    """A local double bridge: two adjacent random segments (each 1..max_len cities) swap places,
    A B C D -> A C B D. Returns the cities at the four changed edges (for the local search)."""
    n = tour.shape[0]
    m = max(1, min(max_len, (n - 2) // 3))
    l1 = np.random.randint(1, m + 1)
    l2 = np.random.randint(1, m + 1)
    p0 = np.random.randint(n)
    buf = np.empty(l1 + l2, dtype=np.int64)
    for i in range(l2):
        buf[i] = tour[(p0 + 1 + l1 + i) % n]
    for i in range(l1):
        buf[l2 + i] = tour[(p0 + 1 + i) % n]
    for i in range(l1 + l2):
        q = (p0 + 1 + i) % n
        tour[q] = buf[i]
        pos[buf[i]] = q
    ends = np.empty(6, dtype=np.int64)
    ends[0] = tour[p0]
    ends[1] = buf[0]
    ends[2] = buf[l2 - 1]
    ends[3] = buf[l2]
    ends[4] = buf[l1 + l2 - 1]
    ends[5] = tour[(p0 + l1 + l2 + 1) % n]
    return ends


# ----------------------------------------------------------------------------------------------- MCTS


@njit(cache=True)
def mcts_chunk(xy, cand, weight, visits, state, tour, pos, best_tour, n_sims, alpha, beta, max_depth,
               restart_after, use_oropt, kick, kick_len) -> int:
    """Run `n_sims` simulations of the sampled k-opt search, in place.

    state (float64 array): [0] current length, [1] best length, [2] total simulations M,
    [3] simulations since the last improvement, [4] restarts, [5] improving moves.
    One simulation: pick t1 at random and t2 next to it; repeatedly choose t3 among t2's candidates with
    probability proportional to Z = W/avg(W) + alpha * sqrt(ln(M + 1) / (Q + 1)) (among those keeping the
    partial gain positive), exchange (t2, t1, t3, t4) so that t1-t4 closes the tour, and stop as soon as
    closing gains or at `max_depth` (then everything is rolled back). Improving moves raise the weights
    of their added edges by beta * (exp(gain / L) - 1). After `restart_after` fruitless simulations the
    search restarts from a freshly sampled, locally optimised tour (kick=False, as in Fu et al.), or from
    the best tour so far perturbed by a local double bridge (kick=True); the best tour is kept throughout.
    Improving moves are followed by 2-opt/Or-opt around the changed edges.
    Returns the number of simulations run.
    """
    n = tour.shape[0]
    k = cand.shape[1]
    z = np.empty(k)
    undo = np.empty((max_depth, 4), dtype=np.int64)
    slots = np.empty((max_depth, 2), dtype=np.int64)
    # cities near the latest change (kick or improving move): half the simulations start there, so the
    # k-opt search works where the tour was just disturbed instead of anywhere at random
    focus = np.empty(64, dtype=np.int64)
    n_focus = 0
    for _ in range(n_sims):
        m_total = state[2]
        if n_focus > 0 and np.random.random() < 0.5:
            t1 = focus[np.random.randint(n_focus)]
        else:
            t1 = np.random.randint(n)
        t2 = succ(tour, pos, t1) if np.random.random() < 0.5 else pred(tour, pos, t1)
        g = dist(xy, t1, t2)  # partial gain: removed minus added so far, closing edge excluded
        depth = 0
        gain = 0.0
        while depth < max_depth:
            t2_after_t1 = succ(tour, pos, t2) == t1
            total = 0.0
            avg = 0.0
            for j in range(k):
                c = cand[t2, j]
                avg += weight[t2, j] if c >= 0 else 0.0
            avg = avg / k + 1e-12
            logm = np.log(m_total + 1.0)
            for j in range(k):
                t3 = cand[t2, j]
                z[j] = 0.0
                if t3 < 0 or t3 == t1:
                    continue
                if g - dist(xy, t2, t3) <= EPS:
                    continue
                t4 = succ(tour, pos, t3) if t2_after_t1 else pred(tour, pos, t3)
                if t4 == t2 or t4 == t1:
                    continue
                z[j] = weight[t2, j] / avg + alpha * np.sqrt(logm / (visits[t2, j] + 1.0)) + 1e-12
                total += z[j]
            if total <= 0.0:
                break
            r = np.random.random() * total
            acc = 0.0
            jj = -1
            for j in range(k):
                if z[j] > 0.0:
                    jj = j
                    acc += z[j]
                    if r <= acc:
                        break
            t3 = cand[t2, jj]
            t4 = succ(tour, pos, t3) if t2_after_t1 else pred(tour, pos, t3)
            g = g - dist(xy, t2, t3) + dist(xy, t3, t4)
            exchange(tour, pos, t2, t1, t3, t4)
            undo[depth, 0] = t2
            undo[depth, 1] = t3
            undo[depth, 2] = t1
            undo[depth, 3] = t4
            slots[depth, 0] = t2
            slots[depth, 1] = jj
            visits[t2, jj] += 1.0
            depth += 1
            close = g - dist(xy, t4, t1)
            if close > EPS:
                gain = close
                break
            t2 = t4
        state[2] += 1.0
        if gain > 0.0:
            length = state[0]
            bump = beta * (np.exp(gain / length) - 1.0)
            for d in range(depth):
                weight[slots[d, 0], slots[d, 1]] += bump
            state[0] = length - gain
            ends = np.empty(2 * depth + 2, dtype=np.int64)
            for d in range(depth):
                ends[2 * d] = undo[d, 1]
                ends[2 * d + 1] = undo[d, 3]
            ends[2 * depth] = t1
            ends[2 * depth + 1] = undo[0, 0]
            state[0] -= local_search_from(xy, cand, tour, pos, use_oropt, ends)
            for c in ends:
                if n_focus < focus.shape[0]:
                    focus[n_focus] = c
                    n_focus += 1
            state[3] = 0.0
            state[5] += 1.0
            if state[0] < state[1] - EPS:
                state[1] = state[0]
                best_tour[:] = tour
        else:
            for d in range(depth - 1, -1, -1):  # roll back: the undo of an exchange is an exchange
                exchange(tour, pos, undo[d, 0], undo[d, 1], undo[d, 2], undo[d, 3])
            state[3] += 1.0
            if state[3] >= restart_after:
                if kick:
                    tour[:] = best_tour
                    pos[:] = positions(tour)
                    ends = segment_swap_kick(tour, pos, kick_len)
                    local_search_from(xy, cand, tour, pos, use_oropt, ends)
                    n_focus = 0
                    for c in ends:
                        focus[n_focus] = c
                        n_focus += 1
                else:
                    new = sample_tour(xy, cand, weight)
                    tour[:] = new
                    pos[:] = positions(new)
                    local_search(xy, cand, tour, pos, use_oropt)
                state[0] = tour_length(xy, tour)
                state[3] = 0.0
                state[4] += 1.0
                if state[0] < state[1] - EPS:
                    state[1] = state[0]
                    best_tour[:] = tour
    return n_sims
