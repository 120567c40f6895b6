"""Value tables for the peer scripts, made with numpy independently of the Swift code.

A table holds v(S) for every coalition S of n players at index sum of 2^i over i in S (player i is
bit i), the layout of CreditBench's JSON and .npy game files.

- `random_soum(n, rng)`: a sum of 2n unanimity games, sizes uniform in 1..n, members uniform,
  weights standard normal: v(S) = sum of w_T over terms T inside S. Its Shapley values are known in
  closed form, phi_i = sum over terms T holding i of w_T / |T|, so they serve as the reference.
- `soum_table(n, seed)`: the same from its own seeded stream.
- `write_json_table(path, values)`: the table as `{"players": n, "values": [...]}` (shortest
  round-trip float text), the file `creditbench estimate --game` reads.
- `shapiq_game(values, n, seen)`: the table as the game function shapiq calls with a 0/1 coalition
  matrix; `seen`, when given, collects the indices of the coalitions it was asked for.

Only numpy is imported here: each script installs its pinned packages (`peer_env.ensure`) first.
"""
import json

import numpy as np


def coalition_members(n):
    """members[s, i]: whether player i is in the coalition with index s (2^n x n booleans)."""
    return ((np.arange(2**n)[:, None] >> np.arange(n)) & 1).astype(bool)


def random_soum(n, rng):
    """A random sum of unanimity games drawn from `rng`: its value table and closed-form Shapley values."""
    members = coalition_members(n)
    values = np.zeros(2**n)
    shapley = np.zeros(n)
    for _ in range(2 * n):
        term = rng.choice(n, size=rng.integers(1, n + 1), replace=False)
        weight = rng.standard_normal()
        values += weight * members[:, term].all(axis=1)
        shapley[term] += weight / len(term)
    return values, shapley


def soum_table(n, seed):
    """`random_soum` from `numpy.random.default_rng(seed)`."""
    return random_soum(n, np.random.default_rng(seed))


def write_json_table(path, values):
    """Writes the table in CreditBench's JSON game format."""
    n = int(len(values)).bit_length() - 1
    assert len(values) == 2**n, "a value table has 2^n entries"
    path.write_text(json.dumps({"players": n, "values": np.asarray(values, dtype=float).tolist()}))


def shapiq_game(values, n, seen=None):
    """shapiq's game function over the table: rows of a 0/1 coalition matrix to their values."""
    powers = 1 << np.arange(n, dtype=np.int64)

    def game(coalitions):
        index = np.atleast_2d(coalitions).astype(np.int64) @ powers
        if seen is not None:
            seen.update(index.tolist())
        return values[index]

    return game
