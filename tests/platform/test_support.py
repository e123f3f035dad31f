"""The adapters' shared helpers: said-once logging and D-Bus calls that fail soft."""

import asyncio
import logging
import sys

from desktop.platform._support import BackgroundQuery, call, connect, log_once


def test_log_once_says_each_state_once(caplog):
    caplog.set_level(logging.INFO, "upright.platform")
    for message in ["x11", "x11", "not available", "not available", "x11"]:
        log_once("idle time", message)
    assert [record.getMessage() for record in caplog.records] == [
        "idle time: x11",
        "idle time: not available",
        "idle time: x11",
    ]
    assert {record.name for record in caplog.records} == {"upright.platform"}


def test_no_session_bus_is_none_not_an_error(no_bus):
    assert asyncio.run(connect(system=False, address=no_bus)) is None


def test_without_dbus_fast_installed_there_is_no_bus(monkeypatch, session_bus):
    monkeypatch.setitem(sys.modules, "dbus_fast", None)  # import dbus_fast now raises ImportError
    assert asyncio.run(connect(system=False, address=session_bus)) is None


def test_a_call_to_a_missing_service_is_none(session_bus):
    async def scenario():
        bus = await connect(system=False, address=session_bus)
        reply = await call(bus, "org.example.Nobody", "/", "org.example.Nobody", "Hello")
        names = await call(
            bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListNames"
        )
        bus.disconnect()
        return reply, names

    reply, names = asyncio.run(scenario())
    assert reply is None
    assert "org.freedesktop.DBus" in names[0]


class BusNames(BackgroundQuery):
    """Asks the bus daemon itself, so no fake service is needed."""

    async def query(self, bus):
        reply = await call(
            bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListNames"
        )
        return reply and len(reply[0])


def test_background_query_answers_one_poll_late(session_bus):
    async def scenario():
        query = BusNames(bus_address=session_bus)
        first = query.poll()  # asks, in a task
        await asyncio.wait_for(query._task, 5)
        second = query.poll()  # the answer, and asks again
        query.close()
        return first, second

    first, later = asyncio.run(scenario())
    assert first is None
    assert later >= 2  # the daemon's own name and ours; a closed query keeps its last answer


def test_background_query_reconnects_after_the_bus_goes(session_bus):
    async def scenario():
        query = BusNames(bus_address=session_bus)
        assert await query.refresh()
        gone = query._bus
        gone.disconnect()  # as when the desktop session restarts its bus
        await asyncio.wait_for(gone.wait_for_disconnect(), 5)
        answer = await query.refresh()
        assert query._bus is not gone and query._bus.connected
        query.close()
        return answer

    assert asyncio.run(scenario())


def test_background_query_without_an_event_loop_asks_nothing(no_bus):
    query = BusNames(bus_address=no_bus)
    assert query.poll() is None
    assert query._task is None


def test_closing_while_a_question_is_out_leaves_no_connection(session_bus):
    async def scenario():
        query = BusNames(bus_address=session_bus)
        query.poll()
        await asyncio.sleep(0)  # the question is out: connecting
        query.close()
        await asyncio.wait_for(query._task, 5)  # the connection came after close() and was closed
        return query._bus, query.poll()

    assert asyncio.run(scenario()) == (None, None)
