"""Settings precedence: flags > NARRATOR_* environment > narrator.toml > defaults."""

from __future__ import annotations

import pytest

from narrator.config import ConfigError, load_settings


def test_defaults_need_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert (s.backend, s.concurrency, s.max_repairs) == ("offline", None, 2)  # None: automatic


def test_toml_then_env_then_flags(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "narrator.toml").write_text(
        'backend = "openai"\nmodel = "gpt-4o-mini"\nrequests_per_minute = 500\nconcurrency = 4\n'
    )
    s = load_settings()
    assert (s.backend, s.model, s.requests_per_minute, s.concurrency) == (
        "openai",
        "gpt-4o-mini",
        500,
        4,
    )
    monkeypatch.setenv("NARRATOR_MODEL", "gpt-4.1-mini")
    assert load_settings().model == "gpt-4.1-mini"
    assert load_settings(model="from-flag").model == "from-flag"
    assert load_settings(model=None).model == "gpt-4.1-mini"  # None means "flag not given"


def test_explicit_config_file(tmp_path):
    path = tmp_path / "team.toml"
    path.write_text('backend = "langchain"\nmodel = "anthropic:claude-3-5-haiku-latest"\n')
    s = load_settings(path)
    assert s.backend == "langchain" and s.model.startswith("anthropic:")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('concurrency = "many"\n', "field concurrency"),
        ('colour = "blue"\n', "field colour"),
        ("backend = \n", "team.toml"),
    ],
)
def test_bad_config_is_one_clear_line(tmp_path, content, message):
    path = tmp_path / "team.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="nope.toml: config file not found"):
        load_settings(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("where", "field", "value", "names"),
    [
        ("env", "concurrency", "0", "environment variable NARRATOR_CONCURRENCY"),
        ("env", "requests_per_minute", "-1", "environment variable NARRATOR_REQUESTS_PER_MINUTE"),
        ("toml", "concurrency", "-3", "narrator.toml, field concurrency"),
        ("toml", "max_repairs", "1000", "narrator.toml, field max_repairs"),
        ("flag", "temperature", -0.5, "--temperature"),
        ("flag", "max_tokens", 0, "--max-tokens"),
    ],
)
def test_every_source_has_the_same_bounds_and_is_named(
    tmp_path, monkeypatch, where, field, value, names
):
    monkeypatch.chdir(tmp_path)
    flags = {}
    if where == "env":
        monkeypatch.setenv(f"NARRATOR_{field.upper()}", value)
    elif where == "toml":
        (tmp_path / "narrator.toml").write_text(f"{field} = {value}\n")
    else:
        flags[field] = value
    with pytest.raises(ConfigError) as info:
        load_settings(**flags)
    assert str(info.value).startswith(names) and "\n" not in str(info.value)


def test_a_folder_given_as_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not a file"):
        load_settings(config_file=tmp_path)
