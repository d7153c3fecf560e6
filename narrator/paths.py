"""Where shipped inputs live and where outputs go. No global mutable state: pure functions."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir(override: str | Path | None = None) -> Path:
    """The shipped data folder (``--data-dir`` > ``NARRATOR_DATA_DIR`` > ``<project>/data``)."""
    return Path(override or os.environ.get("NARRATOR_DATA_DIR") or PROJECT_ROOT / "data")


def prompts_dir(override: str | Path | None = None) -> Path:
    return Path(override or os.environ.get("NARRATOR_PROMPTS_DIR") or PROJECT_ROOT / "prompts")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (temp file in the same folder + rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
