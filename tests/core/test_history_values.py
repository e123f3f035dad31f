"""Value rules of the history that the window and the report share."""

from datetime import UTC, datetime

from desktop.core.history import SessionSummary, routine_names


def test_a_routine_no_longer_in_the_library_keeps_the_name_it_was_used_under():
    def used(routine_id: str, name: str, day: int) -> SessionSummary:
        return SessionSummary(
            1, routine_id, name, datetime(2026, 11, day, tzinfo=UTC), 5.0, None, None, None, 1
        )

    sessions = [used("busy-morning", "Busy morning", 2), used("busy-morning", "Busy mornings", 1)]
    sessions.append(used("mobility-trio", "Old name", 3))
    assert routine_names(sessions, {"mobility-trio": "Mobility trio"}) == {
        "busy-morning": "Busy morning",  # the latest name it was used under
        "mobility-trio": "Mobility trio",  # the library's name now
    }
