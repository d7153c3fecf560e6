"""Run configuration: one pydantic settings object.

Precedence, highest first: command-line flags, ``NARRATOR_*`` environment variables, an
optional ``narrator.toml`` in the working folder (or the file named by ``--config``), defaults.
The OpenAI API key is never part of it: the OpenAI SDK reads ``OPENAI_API_KEY`` itself.

Example ``narrator.toml``::

    backend = "openai"
    model = "gpt-4o-mini"
    requests_per_minute = 500
    tokens_per_minute = 200000

>>> Settings(backend="offline").max_repairs
2
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from narrator.errors import NarratorError


class ConfigError(NarratorError):
    """A configuration value is invalid."""


class Settings(BaseSettings):
    """Everything a generation run can be configured with."""

    model_config = SettingsConfigDict(
        env_prefix="NARRATOR_", toml_file="narrator.toml", extra="forbid", frozen=True
    )

    backend: str = "offline"
    model: str | None = None
    base_url: str | None = None
    # the same bounds hold for flags, NARRATOR_* variables and narrator.toml
    temperature: float = Field(0.2, ge=0.0, le=2.0)
    max_tokens: int = Field(400, ge=1, le=32_768)
    seed: int | None = 7
    requests_per_minute: float | None = Field(None, gt=0, le=1_000_000)
    tokens_per_minute: float | None = Field(None, gt=0, le=100_000_000)
    timeout: float = Field(30.0, gt=0, le=3600)
    max_attempts: int = Field(4, ge=1, le=20)
    #: texts written at once; None: sized from requests_per_minute and the observed latency
    #: (Little's law), or 8 when no request limit is set
    concurrency: int | None = Field(None, ge=1, le=1024)
    max_repairs: int = Field(2, ge=0, le=5)
    out: Path = Path("outputs")
    db: str | None = None
    batch_api: bool = False
    #: force one structured-output mode (json_schema, json_object, text) instead of probing
    output_mode: Literal["json_schema", "json_object", "text"] | None = None
    #: "word_facts" makes a small model only reword facts the code picked (local models)
    prompt_style: Literal["word_facts"] | None = None
    #: prompt versions other than production: "chart_blurb@v3", "section_summary@candidate"
    prompts: tuple[str, ...] = ()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def load_settings(config_file: Path | None = None, **flags: Any) -> Settings:
    """Settings from flags (``None`` = not given), environment and the TOML file."""
    given = {k: v for k, v in flags.items() if v is not None}
    try:
        if config_file is not None:
            if not config_file.exists():
                raise ConfigError(f"{config_file}: config file not found")
            if not config_file.is_file():
                raise ConfigError(f"{config_file}: not a file (give a narrator.toml file)")

            class FileSettings(Settings):
                model_config = SettingsConfigDict(toml_file=config_file)

            return FileSettings(**given)
        return Settings(**given)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "config"
        raise ConfigError(f"{_source(where, given, config_file)}: {err['msg']}") from None
    except (OSError, ValueError) as exc:  # TOML syntax errors are ValueErrors
        raise ConfigError(f"{config_file or 'narrator.toml'}: {exc}") from None


def _source(field: str, given: dict[str, Any], config_file: Path | None) -> str:
    """Where a bad value came from: the flag, the environment variable or the file."""
    if field in given:
        return f"--{field.replace('_', '-')}"
    env = f"NARRATOR_{field.upper()}"
    if env in os.environ:
        return f"environment variable {env}"
    return f"{config_file or 'narrator.toml'}, field {field}"
