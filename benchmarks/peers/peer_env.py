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


class Server:
    """A server process that prints "listening on http://HOST:PORT/" once ready (creditbench
    serve-reward / serve, the examples/ servers), started with --port 0 on 127.0.0.1. Use as a
    context manager: the process is stopped on exit, failures included. Waits at most `timeout`
    seconds for the line."""

    def __init__(self, command, timeout=60):
        self.command = command
        self.timeout = timeout
        self.process = None
        self.url = None

    def __enter__(self):
        import select
        import time
        self.process = subprocess.Popen(self.command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + self.timeout
        try:
            while time.monotonic() < deadline:
                ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
                if ready:
                    line = self.process.stdout.readline()
                    if line.startswith("listening on "):
                        self.url = line.split()[-1]
                        return self
                    if not line:
                        break
                if self.process.poll() is not None:
                    break
            raise RuntimeError(f"{' '.join(self.command)} did not start: {self.process.stderr.read() if self.process.poll() is not None else 'no listening line in time'}")
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return False
