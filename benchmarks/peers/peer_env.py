"""Shared set-up for the peer-check scripts: a private venv with pinned reference packages, and
the CreditBench binary to compare against them.

Each script calls `ensure(["pkg==ver", ...])` first: it creates `.venv-peers` at the project root
if missing, installs the pinned packages there, and re-runs the script with the venv's Python.
`creditbench()` returns the CLI path: $CREDITBENCH_BIN if set, else `.build/release/creditbench`,
built with `swift build -c release` when absent.
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-peers"


def ensure(packages):
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() != VENV.resolve():
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *packages], check=True)
        os.execv(str(python), [str(python), *sys.argv])


def creditbench():
    explicit = os.environ.get("CREDITBENCH_BIN")
    if explicit:
        return explicit
    binary = ROOT / ".build" / "release" / "creditbench"
    if not binary.exists():
        subprocess.run(["swift", "build", "-c", "release", "--product", "creditbench"], cwd=ROOT, check=True)
    return str(binary)


def run_creditbench(arguments, stdin_text=None):
    """Runs the CLI and returns its stdout; a non-zero exit raises with the CLI's message."""
    result = subprocess.run([creditbench(), *arguments], input=stdin_text, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"creditbench {' '.join(arguments)} failed: {result.stderr.strip()}")
    return result.stdout
