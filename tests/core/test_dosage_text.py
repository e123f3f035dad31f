from desktop.core.catalog import Dosage, Range
from desktop.core.dosage_text import about, frequency, seconds_text, summary


def r(lo, hi=None):
    return Range(lo, lo if hi is None else hi)


def test_sets_by_reps_uses_en_dash_ranges():
    assert summary(Dosage(sets=r(2, 3), reps=r(8, 20))) == "2\u20133 \u00d7 8\u201320"


def test_holds_durations_and_sides():
    assert summary(Dosage(duration_s=r(1200))) == "20 min"
    assert summary(Dosage(hold_s=r(10), sides="each")) == "hold 10 s each side"
    assert summary(Dosage(duration_s=r(1200), sides="each")) == "20 min each side"
    assert summary(Dosage(reps=r(6), sides="alternate")) == "6 reps each side, alternating"
    assert summary(Dosage(sides="each")) == "each side, at your own pace"
    assert summary(Dosage()) == "at your own pace"


def test_reps_with_a_hold():
    assert summary(Dosage(reps=r(10), hold_s=r(2, 5))) == "10 reps, hold 2\u20135 s"


def test_frequency():
    assert (
        frequency(Dosage(per_day=r(4, 6), per_week=r(2, 3)))
        == "4\u20136\u00d7 a day \u00b7 2\u20133\u00d7 a week"
    )
    assert frequency(Dosage(per_day=r(1))) == "daily"
    assert frequency(Dosage()) == ""


def test_seconds_text():
    assert [seconds_text(s) for s in (45, 60, 90, 3600, 3900)] == [
        "45 s",
        "1 min",
        "1 min 30 s",
        "1 h",
        "1 h 5 min",
    ]


def test_estimates_round_to_minutes():
    assert [about(s) for s in (45, 342, 3600)] == ["45 s", "6 min", "1 h"]
