#!/usr/bin/env python3
"""One-off migration of results/claims/curves/*.csv to the keyed curve store (learnerVersion 1).

Before: one row per value, `configuration,scheme,seed,kind,step,value`, runs found by a
per-file configuration string and the old scheme names (sparse-2x, scar-spans, ...). After:
`key,scheme,seed,kind,step,value` (see Sources/Harness/Claims/CurveStore.swift), each run keyed
by FNV-1a 64 of its whole configuration string plus ";learner=1", schemes in their canonical
spelling. Values are copied as text, so the curves are unchanged bit for bit.

Run only when the golden run (Tests/HarnessTests/GoldenRunTests.swift) passes against the golden
file written by the code that computed the curves: then the learner is unchanged and the stored
curves are what the current code would train. Summarization's SCAR was stored under the old
default options (exact up to 10, else Owen at 500) and is renamed to the action defaults (exact
up to 6, else antithetic at 64): both are exact on its episodes of at most 3 sentences.
The instruction runs were trained on the 279 prompts then eligible (prompts=279 in their key),
so they are not reused for a later prompt set.

Usage: python3 tools/migrate_curve_store.py results/claims/curves
Check: `creditbench reproduce --full --skip-estimators ...` must then train nothing.
"""
import os
import sys

LEARNER_VERSION = 1
PPO_TEXT = "clip=0.2;lambda=0.95;epochs=4;value-lr=0.05"
SENTIMENT = ("policy=gru;vocabulary=300;horizon=8;embedding=32;hidden=32;beta=0.05;lr=0.002;" + PPO_TEXT
             + ";minibatches=1;reference=4x32@0.01;reference-seed=2025;evaluation=128")
ACTIONS = "beta=0.01;lr=0.05;" + PPO_TEXT + ";evaluation=128"
SCAR_TEXT = "alpha=1;exact<=10;estimator=owen;budget=500"
SCAR_ACTIONS = "scar(units=actions;alpha=1;exact<=6;estimator=antithetic;budget=64)"

# file -> (old configuration, new configuration prefix and suffix around scheme/seed, scheme map)
FILES = {
    "sentiment.csv": ("steps=300;batch=32;policy=gru", "task=sentiment", "steps=300;batch=32;" + SENTIMENT, {
        "sparse": "sparse", "sparse-2x": "sparse*2", "abc": "abc(b=0.8)",
        "scar-tokens": f"scar(units=tokens;{SCAR_TEXT})", "scar-spans": f"scar(units=spans:12;{SCAR_TEXT})",
        "scar-sentences": f"scar(units=sentences;{SCAR_TEXT})"}),
    "summarization.csv": ("steps=100;batch=32;split=2025;rouge1", "task=summarization", "steps=100;batch=32;split=2025;rouge1;" + ACTIONS,
                          {"sparse": "sparse", "sparse-2x": "sparse*2", "scar": SCAR_ACTIONS}),
    "instructions.csv": ("steps=100;batch=16;bank=60x1;scar=exact6-antithetic64", "task=instructions", "steps=100;batch=16;prompts=279;bank=60x1;" + ACTIONS,
                         {"sparse": "sparse", "sparse-2x": "sparse*2", "scar": SCAR_ACTIONS}),
}
SHAPE_OLD = "K=5;catalog=200;G=8;users=8;steps=400;lr=0.05;eval=10x2;seed=0"


def fnv1a64(text):
    h = 0xcbf29ce484222325
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def complete_runs(path, configuration):
    """(scheme, seed) -> rows (kind, step, value) of the last complete copy, in first-seen order."""
    pending, complete = {}, {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    assert lines[0] == "configuration,scheme,seed,kind,step,value", f"{path}: not an old-format store"
    for line in lines[1:]:
        cells = line.split(",")
        if len(cells) != 6:
            continue
        if cells[0] != configuration:
            sys.exit(f"{path}: unexpected configuration {cells[0]!r} (expected {configuration!r}); not migrating")
        key = (cells[1], int(cells[2]))
        kind = cells[3]
        if kind == "curve":
            rows = pending.setdefault(key, [])
            steps = [int(r[1]) for r in rows if r[0] == "curve"]
            if steps and int(cells[4]) <= steps[-1]:
                rows = pending[key] = []
            rows.append((kind, cells[4], cells[5]))
        elif kind == "complete":
            rows = pending.pop(key, [])
            if any(r[0] == "curve" for r in rows):
                complete[key] = rows
        elif kind.startswith("total:"):
            pending.setdefault(key, []).append((kind, cells[4], cells[5]))
    return complete


def write(path, runs):
    """runs: list of (configuration, scheme, seed, rows)."""
    out = ["key,scheme,seed,kind,step,value"]
    for configuration, scheme, seed, rows in runs:
        key = fnv1a64(f"{configuration};learner={LEARNER_VERSION}")
        prefix = f"{key},{scheme},{seed}"
        out.append(f"{prefix},configuration,,{configuration}")
        curve = [r for r in rows if r[0] == "curve"]
        totals = sorted((r for r in rows if r[0] != "curve"), key=lambda r: r[0])
        out += [f"{prefix},{kind},{step},{value}" for kind, step, value in curve + totals]
        out.append(f"{prefix},complete,,")
    with open(path + ".new", "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    os.replace(path + ".new", path)


def main(folder):
    for name, (old, task, settings, schemes) in FILES.items():
        path = os.path.join(folder, name)
        runs = complete_runs(path, old)
        write(path, [(f"{task};scheme={schemes[s]};seed={seed};{settings}", schemes[s], seed, rows)
                     for (s, seed), rows in runs.items()])
        print(f"{name}: {len(runs)} runs")
    path = os.path.join(folder, "shape_grpo.csv")
    runs = complete_runs(path, SHAPE_OLD)
    write(path, [(f"{SHAPE_OLD};scheme={s};run={seed}", s, seed, rows) for (s, seed), rows in runs.items()])
    print(f"shape_grpo.csv: {len(runs)} runs")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "results/claims/curves")
