"""Load and validate the tidy observations table; find authorities by code or name.

>>> from narrator.catalog import load_catalog
>>> ds = load_dataset(chart_ids=load_catalog().ids)   # doctest: +SKIP
>>> ds.authority("leicester").code                      # doctest: +SKIP
'E06000016'
"""

from __future__ import annotations

import difflib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from narrator.errors import DataError, UnknownAuthorityError
from narrator.models import UNITS, Authority, Observation
from narrator.paths import data_dir
from narrator.text import slugify

#: columns of data/observations.csv, in order (data/README.md documents each)
COLUMNS: tuple[str, ...] = (
    "authority_code",
    "authority_name",
    "authority_kind",
    "region_code",
    "region_name",
    "synthetic",
    "chart_id",
    "measure",
    "breakdown",
    "period",
    "period_end",
    "value",
    "unit",
    "denominator",
    "suppressed",
    "status",
    "source",
    "table",
    "cell",
    "note",
)
KEY: tuple[str, ...] = (
    "authority_code",
    "chart_id",
    "measure",
    "breakdown",
    "period",
    "unit",
    "denominator",
    "source",
)
REQUIRED_NONEMPTY: tuple[str, ...] = (
    "authority_code",
    "authority_name",
    "authority_kind",
    "chart_id",
    "measure",
    "period",
    "period_end",
    "unit",
    "source",
)
KINDS = {"council", "region", "england"}
STATUSES = {"reported", "missing", "not_applicable"}
NON_NEGATIVE_UNITS = {"count", "per_100k", "percent", "gbp_thousands_per_100k", "per_km2", "days"}
_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no", ""}


@dataclass(frozen=True)
class Dataset:
    """Validated observations plus lookups. Build with :func:`load_dataset`."""

    observations: tuple[Observation, ...]
    authorities: dict[str, Authority]
    files: tuple[str, ...] = ()
    #: council code -> its similar councils, nearest first (``data/peers.csv``, see
    #: :mod:`narrator.peers`); empty when the data comes without peer lists
    peers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _by_auth_chart: dict[tuple[str, str], list[Observation]] = field(
        default_factory=dict, repr=False
    )

    @classmethod
    def of(
        cls,
        observations: Sequence[Observation],
        authorities: dict[str, Authority],
        files: Sequence[str] = (),
        peers: dict[str, tuple[str, ...]] | None = None,
    ) -> Dataset:
        """A dataset over already validated observations (builds the lookup index)."""
        by_auth_chart: dict[tuple[str, str], list[Observation]] = defaultdict(list)
        for obs in observations:
            by_auth_chart[(obs.authority_code, obs.chart_id)].append(obs)
        return cls(
            observations=tuple(observations),
            authorities=authorities,
            files=tuple(files),
            peers=dict(peers or {}),
            _by_auth_chart=dict(by_auth_chart),
        )

    def for_chart(self, authority_code: str, chart_id: str) -> list[Observation]:
        """Observations of one authority for one chart (empty list when none)."""
        return self._by_auth_chart.get((authority_code, chart_id), [])

    @property
    def england(self) -> Authority | None:
        """Real England (the comparator of real councils)."""
        return self._englands.get(False)

    @cached_property
    def _englands(self) -> dict[bool, Authority]:
        return {a.synthetic: a for a in self.authorities.values() if a.kind == "england"}

    def england_for(self, authority: Authority) -> Authority | None:
        """England as comparator: the real one, or the synthetic set's own England."""
        return self._englands.get(authority.synthetic)

    def region_of(self, authority: Authority) -> Authority | None:
        return self.authorities.get(authority.region_code) if authority.region_code else None

    def councils(self, *, synthetic: bool | None = None) -> list[Authority]:
        """Councils sorted by name; ``synthetic`` filters real (False) or fictional (True)."""
        return sorted(
            (
                a
                for a in self.authorities.values()
                if a.kind == "council" and (synthetic is None or a.synthetic == synthetic)
            ),
            key=lambda a: a.name,
        )

    def authority(self, query: str) -> Authority:
        """Find an authority by ONS code, name or slug, case-insensitively.

        Raises :class:`UnknownAuthorityError` with close matches when nothing matches.
        """
        q = query.strip().lower()
        for a in self.authorities.values():
            if q in (a.code.lower(), a.name.lower(), a.slug):
                return a
        names = [a.name for a in self.authorities.values()]
        close = difflib.get_close_matches(query, names, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownAuthorityError(f"unknown authority {query!r}{hint}")


def _bool(raw: str, file: str, row: int, column: str) -> bool:
    low = raw.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise DataError(f"expected true/false, got {raw!r}", file=file, row=row, field=column)


#: a plain decimal number: no thousands separators or underscores ("1,2,3" is not 123)
_PLAIN_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _number(raw: str, file: str, row: int, column: str) -> float | None:
    text = raw.strip()
    if not text:
        return None
    if not _PLAIN_NUMBER_RE.fullmatch(text):
        raise DataError(
            f"not a number: {raw!r} (plain digits and one decimal point; no thousands "
            "separators or underscores)",
            file=file,
            row=row,
            field=column,
        )
    value = float(text)
    if math.isnan(value) or math.isinf(value):
        raise DataError(f"not a finite number: {raw!r}", file=file, row=row, field=column)
    return value


def positive_number(raw: str, file: str, row: int, column: str) -> float:
    """A plain positive number (an area, a population), else a :class:`DataError` naming the
    file, row and column."""
    value = _number(raw, file, row, column) if _PLAIN_NUMBER_RE.fullmatch(raw.strip()) else None
    if value is None or value <= 0:
        raise DataError(
            f"expected a positive number, got {raw!r}", file=file, row=row, field=column
        )
    return value


def _read_frame(path: Path, columns: Sequence[str] = COLUMNS) -> pd.DataFrame:
    """A CSV file read as text, with ``columns`` required and one row at least."""
    if not path.exists():
        raise DataError("file not found", file=str(path))
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:  # the line and column of the bad byte
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(
            f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {column}", file=str(path), row=line
        ) from None
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataError(f"cannot parse CSV: {first_line}", file=str(path)) from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(f"missing column(s): {', '.join(missing)}", file=str(path), row=1)
    if frame.empty:
        raise DataError("no rows: the file has a header only", file=str(path), row=2)
    return frame


def _observations(
    frame: pd.DataFrame, file: str, chart_ids: Iterable[str] | None
) -> Iterable[tuple[int, dict[str, str], Observation]]:
    known_charts = set(chart_ids) if chart_ids is not None else None
    records = frame[list(COLUMNS)].to_dict("records")
    for i, rec in enumerate(records):
        row = i + 2  # 1-based line number in the file, after the header line
        for column in REQUIRED_NONEMPTY:
            if not rec[column].strip():
                raise DataError("empty value", file=file, row=row, field=column)
        if known_charts is not None and rec["chart_id"] not in known_charts:
            close = difflib.get_close_matches(rec["chart_id"], sorted(known_charts), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise DataError(
                f"unknown chart id {rec['chart_id']!r}{hint}", file=file, row=row, field="chart_id"
            )
        if rec["unit"] not in UNITS:
            raise DataError(f"unknown unit {rec['unit']!r}", file=file, row=row, field="unit")
        if rec["authority_kind"] not in KINDS:
            raise DataError(
                f"authority_kind must be one of {sorted(KINDS)}, got {rec['authority_kind']!r}",
                file=file,
                row=row,
                field="authority_kind",
            )
        status = rec["status"].strip() or "reported"
        if status not in STATUSES:
            raise DataError(
                f"status must be one of {sorted(STATUSES)}, got {status!r}",
                file=file,
                row=row,
                field="status",
            )
        value = _number(rec["value"], file, row, "value")
        if value is not None and value < 0 and rec["unit"] in NON_NEGATIVE_UNITS:
            raise DataError(
                f"negative {rec['unit']} value {value:g}", file=file, row=row, field="value"
            )
        period_end = _number(rec["period_end"], file, row, "period_end")
        if period_end is None or period_end != int(period_end) or not 1900 <= period_end <= 2100:
            raise DataError(
                f"period_end must be a year such as 2024, got {rec['period_end']!r}",
                file=file,
                row=row,
                field="period_end",
            )
        suppressed = _bool(rec["suppressed"], file, row, "suppressed")
        if value is None and status == "reported" and not suppressed:
            raise DataError(
                "value is empty but status is 'reported' (use missing/not_applicable or "
                "suppressed=true)",
                file=file,
                row=row,
                field="value",
            )
        obs = Observation(
            authority_code=rec["authority_code"],
            chart_id=rec["chart_id"],
            measure=rec["measure"],
            breakdown=rec["breakdown"],
            period=rec["period"],
            period_end=int(period_end or 0),
            value=value,
            unit=rec["unit"],
            denominator=rec["denominator"],
            suppressed=suppressed,
            status=status,  # type: ignore[arg-type]
            source=rec["source"],
            table=rec["table"],
            cell=rec["cell"],
            note=rec["note"],
        )
        yield row, rec, obs


def load_dataset(
    paths: Sequence[Path | str] | None = None,
    *,
    chart_ids: Iterable[str] | None = None,
    data_root: Path | str | None = None,
) -> Dataset:
    """Read and validate observation CSV files (default: ``data/observations.csv``).

    ``chart_ids`` (the catalogue's ids) enables the unknown-chart check. Every problem raises
    :class:`DataError` naming the file, the 1-based line and the column.
    """
    files = [Path(p) for p in paths] if paths else [data_dir(data_root) / "observations.csv"]
    chart_ids = list(chart_ids) if chart_ids is not None else None
    observations: list[Observation] = []
    authorities: dict[str, Authority] = {}
    seen: dict[tuple[str, ...], tuple[str, int]] = {}
    for path in files:
        file = str(path)
        frame = _read_frame(path)
        for row, rec, obs in _observations(frame, file, chart_ids):
            key = tuple(rec[k] for k in KEY)
            if key in seen:
                first_file, first_row = seen[key]
                raise DataError(
                    f"duplicate key {dict(zip(KEY, key, strict=True))} (first seen in "
                    f"{first_file} row {first_row})",
                    file=file,
                    row=row,
                    field="authority_code",
                )
            seen[key] = (file, row)
            auth = Authority(
                code=rec["authority_code"],
                name=rec["authority_name"],
                kind=rec["authority_kind"],  # type: ignore[arg-type]
                region_code=rec["region_code"],
                region_name=rec["region_name"],
                synthetic=_bool(rec["synthetic"], file, row, "synthetic"),
            )
            known = authorities.setdefault(auth.code, auth)
            if known != auth:
                raise DataError(
                    f"authority {auth.code} is described differently than on an earlier row "
                    f"({known.name!r}/{known.region_code!r} vs {auth.name!r}/{auth.region_code!r})",
                    file=file,
                    row=row,
                    field="authority_name",
                )
            observations.append(obs)
    _check_unique_slugs(authorities, files)
    peer_file = data_dir(data_root) / PEERS_FILE
    peers = read_peer_lists(peer_file, authorities) if not paths and peer_file.exists() else {}
    return Dataset.of(observations, authorities, [str(f) for f in files], peers)


PEERS_FILE = "peers.csv"
#: columns of data/peers.csv, written by ``narrator peers --write`` and ``narrator data build``
PEER_COLUMNS: tuple[str, ...] = (
    "authority_code", "authority_name", "rank", "peer_code", "peer_name", "distance",
    "model_version",
)  # fmt: skip


def read_peer_lists(path: Path, authorities: dict[str, Authority]) -> dict[str, tuple[str, ...]]:
    """Each council's similar councils from ``data/peers.csv``, nearest (rank 1) first.

    Every council and peer must be a council of the dataset, never its own peer, and ranks run
    1, 2, 3 ... per council; anything else is a :class:`DataError` naming the row and column."""
    frame = _read_frame(path, PEER_COLUMNS)
    file = str(path)
    lists: dict[str, list[str]] = defaultdict(list)
    for i, rec in enumerate(frame.to_dict("records")):
        row = i + 2  # 1-based, after the header line
        for column in ("authority_code", "peer_code"):
            code = rec[column]
            known = authorities.get(code)
            if known is None or known.kind != "council":
                raise DataError(
                    f"not a council of the data: {code!r}", file=file, row=row, field=column
                )
        rank = _number(rec["rank"], file, row, "rank")
        own = lists[rec["authority_code"]]
        if rank != len(own) + 1:
            raise DataError(
                f"expected rank {len(own) + 1}, got {rec['rank']!r}",
                file=file, row=row, field="rank",
            )  # fmt: skip
        if rec["peer_code"] == rec["authority_code"] or rec["peer_code"] in own:
            raise DataError(
                f"{rec['peer_code']} listed twice or as its own peer",
                file=file, row=row, field="peer_code",
            )  # fmt: skip
        own.append(rec["peer_code"])
    return {code: tuple(codes) for code, codes in lists.items()}


def _check_unique_slugs(authorities: dict[str, Authority], files: list[Path]) -> None:
    by_slug: dict[str, str] = {}
    for a in authorities.values():
        other = by_slug.setdefault(slugify(a.name), a.code)
        if other != a.code:
            raise DataError(
                f"authorities {other} and {a.code} share the output name {a.slug!r}",
                file=", ".join(map(str, files)),
                field="authority_name",
            )
