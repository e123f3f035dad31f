"""EpochMillis: aware datetimes in any offset survive as UTC milliseconds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Engine, Integer, MetaData, Table, create_engine, insert, select

from desktop.storage.models import EpochMillis

offsets = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
aware = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=offsets)
TYPE = EpochMillis()


def to_ms(moment: datetime) -> datetime:
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


@given(aware)
def test_bind_and_result_round_trip_to_the_millisecond(moment: datetime) -> None:
    stored = TYPE.process_bind_param(moment, None)
    assert isinstance(stored, int)
    back = TYPE.process_result_value(stored, None)
    assert back == to_ms(moment)  # same instant
    assert back.utcoffset() == timedelta(0)


@given(aware, aware)
def test_stored_integers_sort_like_the_instants(a: datetime, b: datetime) -> None:
    """Why integers: SQL can order and compare them without knowing any zone."""
    assert (TYPE.process_bind_param(a, None) <= TYPE.process_bind_param(b, None)) == (to_ms(a) <= to_ms(b))


@pytest.fixture(scope="module")
def table() -> Iterator[tuple[Engine, Table]]:
    engine = create_engine("sqlite://")
    metadata = MetaData()
    times = Table("times", metadata, Column("id", Integer, primary_key=True), Column("at", EpochMillis))
    metadata.create_all(engine)
    yield engine, times
    engine.dispose()


@given(moment=aware)
def test_round_trip_through_sqlite(table: tuple[Engine, Table], moment: datetime) -> None:
    engine, times = table
    with engine.begin() as connection:
        row_id = connection.execute(insert(times).values(at=moment)).inserted_primary_key[0]
        raw = connection.exec_driver_sql("SELECT at FROM times WHERE id = ?", (row_id,)).scalar_one()
        back = connection.execute(select(times.c.at).where(times.c.id == row_id)).scalar_one()
    assert isinstance(raw, int)
    assert back == to_ms(moment)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        TYPE.process_bind_param(datetime(2025, 1, 1, 12, 0), None)


def test_none_stays_none() -> None:
    assert TYPE.process_bind_param(None, None) is None
    assert TYPE.process_result_value(None, None) is None
