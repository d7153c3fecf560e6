"""Similar councils: an open, documented peer model (``data/peers.yaml``).

Every council with all the features is a point: the features are standardised across councils
(mean 0, standard deviation 1), weighted, and a council's peers are the ``k`` nearest councils
in Euclidean distance, never itself. Councils missing a feature (new councils without IMD 2019
figures, for instance) or listed under ``exclude`` have no peers and are no one's peer; why is
recorded. The features come from the shipped data: the observations and ``data/areas.csv``
(people per km², :mod:`narrator.databuild.areas`).

>>> round(distance({"a": 0.0, "b": 3.0}, {"a": 4.0, "b": 0.0}), 1)
5.0
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from narrator.data import PEER_COLUMNS, Dataset, positive_number
from narrator.errors import NarratorError
from narrator.paths import data_dir

COUNCIL_TYPES = {"E06": "unitary", "E08": "metropolitan", "E09": "london", "E10": "county"}
_MEASURES = {
    "imd_score": ("deprivation_rank", "average deprivation score", ""),
    "most_deprived": (
        "deprivation_rank", "small areas (LSOAs) in the most deprived 10% in England", "",
    ),
    "adults_18_64": ("population", "adults aged 18-64", ""),
    "adults_65": ("population", "adults aged 65+", ""),
}  # fmt: skip


AREAS_FILE = "areas.csv"


class PeerError(NarratorError):
    """The peer model's config is broken or a council has no peers."""


class PeerModel(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: int
    k: int
    weights: dict[str, float]
    exclude: dict[str, str]


class Peer(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    distance: float
    #: the features that make them alike: the smallest weighted gaps first
    closest_on: list[str]


def load_model(path: Path | None = None) -> PeerModel:
    path = path or data_dir() / "peers.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return PeerModel(**raw)
    except (OSError, yaml.YAMLError, TypeError, ValueError) as exc:
        raise PeerError(f"{path}: not a peer model: {exc}") from None


def distance(a: dict[str, float], b: dict[str, float]) -> float:
    """Euclidean distance between two points given as feature -> weighted standard score."""
    return math.sqrt(sum((a[f] - b[f]) ** 2 for f in a))


def load_densities(path: Path) -> dict[str, float]:
    """People per km² of each council in ``data/areas.csv`` (see
    :mod:`narrator.databuild.areas`); a missing or non-positive figure is a ``DataError``
    naming its row and column."""
    if not path.exists():
        return {}
    out: dict[str, float] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row, rec in enumerate(csv.DictReader(fh), 2):
            area, people = (
                positive_number(rec.get(column) or "", str(path), row, column)
                for column in ("area_km2", "population_2020")
            )
            out[rec["authority_code"]] = people / area
    return out


def raw_features(
    dataset: Dataset, densities: dict[str, float] | None = None
) -> tuple[dict[str, dict[str, float]], dict[str, str]]:
    """Each council's features before standardising, and why a council has none
    (``densities``: people per km², when the model uses them)."""
    values: dict[tuple[str, str], float] = {}
    for obs in dataset.observations:
        for name, (chart, measure, breakdown) in _MEASURES.items():
            if (obs.chart_id, obs.measure, obs.breakdown) == (chart, measure, breakdown):
                if obs.value is not None and not obs.suppressed:
                    values[(obs.authority_code, name)] = float(obs.value)
    features: dict[str, dict[str, float]] = {}
    missing: dict[str, str] = {}
    for council in dataset.councils(synthetic=False):
        code = council.code
        have = {n: values.get((code, n)) for n in _MEASURES}
        lacking = [n for n, v in have.items() if v is None]
        kind = COUNCIL_TYPES.get(code[:3])
        if densities and code not in densities:
            lacking.append("density")
        if lacking or kind is None:
            missing[code] = "no " + ", ".join(lacking or ["council type"])
            continue
        adults = have["adults_18_64"] + have["adults_65"]  # type: ignore[operator]
        row = {
            "imd_score": have["imd_score"],
            "most_deprived": have["most_deprived"],
            "older_share": have["adults_65"] / adults,  # type: ignore[operator]
            "adults_log": math.log10(adults),
        }
        if densities:
            row["density_log"] = math.log10(densities[code])
        row |= {f"type_{t}": float(kind == t) for t in COUNCIL_TYPES.values()}
        features[code] = row  # type: ignore[assignment]
    return features, missing


def standardise(
    features: dict[str, dict[str, float]], weights: dict[str, float]
) -> dict[str, dict[str, float]]:
    """Weighted standard scores: (value - mean) / sd * weight, per feature across councils
    (a ``type_*`` feature takes the ``type`` weight)."""
    if not features:
        return {}
    names = list(next(iter(features.values())))
    out: dict[str, dict[str, float]] = {code: {} for code in features}
    for name in names:
        column = [row[name] for row in features.values()]
        mean = sum(column) / len(column)
        sd = math.sqrt(sum((v - mean) ** 2 for v in column) / len(column)) or 1.0
        weight = weights.get("type" if name.startswith("type_") else name, 0.0)
        for code, row in features.items():
            out[code][name] = (row[name] - mean) / sd * weight
    return out


class Peers:
    """The peer lists of every council (see the module docstring)."""

    def __init__(
        self, dataset: Dataset, model: PeerModel | None = None, areas: Path | None = None
    ) -> None:
        self.dataset = dataset
        self.model = model or load_model()
        densities = load_densities(areas or data_dir() / AREAS_FILE)
        if self.model.weights.get("density_log") and not densities:
            raise PeerError(f"the peer model weighs density but {AREAS_FILE} has no areas")
        raw, self.missing = raw_features(
            dataset, densities if "density_log" in self.model.weights else None
        )
        for code, why in self.model.exclude.items():
            if code in raw:
                raw.pop(code)
                self.missing[code] = f"excluded: {why}"
        self.raw = raw
        self.points = standardise(raw, self.model.weights)

    def of(self, code: str, k: int | None = None) -> list[Peer]:
        """The ``k`` councils nearest ``code`` (ties by code), nearest first."""
        if code not in self.points:
            why = self.missing.get(code, "not a council with data")
            raise PeerError(f"{self._name(code)}: no peers ({why})")
        me = self.points[code]
        near = sorted(
            ((distance(me, p), other) for other, p in self.points.items() if other != code)
        )[: k or self.model.k]
        return [
            Peer(
                code=other,
                name=self._name(other),
                distance=round(d, 4),
                closest_on=self._closest_on(code, other),
            )  # fmt: skip
            for d, other in near
        ]

    def _name(self, code: str) -> str:
        a = self.dataset.authorities.get(code)
        return a.name if a is not None else code

    def explain(self, a: str, b: str) -> dict[str, float]:
        """Each feature's share of the distance between two councils (weighted gap)."""
        for code in (a, b):
            if code not in self.points:
                raise PeerError(f"{self._name(code)}: not in the peer model")
        return {f: round(abs(self.points[a][f] - self.points[b][f]), 4) for f in self.points[a]}

    def _closest_on(self, a: str, b: str) -> list[str]:
        """The three features (council type counted as one) on which two councils differ
        least."""
        gaps: dict[str, float] = {}
        for feature, gap in self.explain(a, b).items():
            name = "type" if feature.startswith("type_") else feature
            gaps[name] = gaps.get(name, 0.0) + gap
        return sorted(gaps, key=lambda f: (gaps[f], f))[:3]

    def csv_text(self, k: int | None = None) -> str:
        """``data/peers.csv`` (columns ``narrator.data.PEER_COLUMNS``): every council's ``k``
        nearest councils, nearest first, with the model's version."""
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(PEER_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.table(k))
        return buf.getvalue()

    def table(self, k: int | None = None) -> Iterable[dict[str, object]]:
        """Rows of ``data/peers.csv``: council, rank, peer, distance, model version."""
        for code in sorted(self.points):
            for rank, peer in enumerate(self.of(code, k), 1):
                yield {
                    "authority_code": code, "authority_name": self._name(code),
                    "rank": rank, "peer_code": peer.code, "peer_name": peer.name,
                    "distance": peer.distance, "model_version": self.model.version,
                }  # fmt: skip
