"""Reports read when needed: the server's shelf lists folders at start and parses on demand."""

from __future__ import annotations

from report_fixture import leicester_report

from narrator.report.shelf import ReportShelf
from narrator.store import Store


def test_the_shelf_lists_at_start_reads_on_demand_and_copies_only_missing_texts(tmp_path):
    report = leicester_report()
    (tmp_path / "leicester").mkdir()
    (tmp_path / "leicester" / "report.json").write_text(report.model_dump_json())
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "report.json").write_text('{"authority": ')
    (tmp_path / "no-report").mkdir()

    shelf = ReportShelf(tmp_path)
    assert shelf.slugs() == ["broken", "leicester"]  # listed, not yet parsed
    assert shelf.text_ids("leicester") == [t.id for t in report.texts]
    assert shelf.get("no-report") is None and shelf.text_ids("nowhere") is None

    store = Store(f"sqlite:///{tmp_path / 'v.db'}")
    store.save_texts(report.texts[:3])
    assert not shelf.synced.is_set()
    added = shelf.sync_texts(store)
    assert added == len(report.texts) - 3  # the three stored already are left as they are
    assert shelf.synced.is_set()
    assert shelf.slugs() == ["leicester"]  # the unreadable one dropped out once read
    assert store.missing_texts([t.id for t in report.texts]) == set()
    assert shelf.sync_texts(store) == 0  # a second pass copies nothing
    store.close()


def test_a_stopped_copy_adds_nothing_and_still_says_it_is_done(tmp_path):
    import threading

    report = leicester_report()
    (tmp_path / "leicester").mkdir()
    (tmp_path / "leicester" / "report.json").write_text(report.model_dump_json())
    store = Store(f"sqlite:///{tmp_path / 'v.db'}")
    stop = threading.Event()
    stop.set()  # the server is shutting down before the copy starts
    shelf = ReportShelf(tmp_path)
    assert shelf.sync_texts(store, stop) == 0 and shelf.synced.is_set()
    assert store.missing_texts([t.id for t in report.texts]) == {t.id for t in report.texts}
    store.close()
