"""The session engine: a state machine over plan steps, driven by deadlines.

Nothing here counts ticks. Each step has an origin on the injected monotonic
clock; every deadline in it (countdown seconds, rep phases, the step's end)
is an offset from that origin. Polling late simply processes the overdue
deadlines with their own times, and the next step starts at the previous
deadline, so a session never drifts. Pausing shifts the origin by the pause.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.clock import Clock
from desktop.core.history import SessionOutcome
from desktop.core.plan import Side, Step
from desktop.core.session_events import (
    Countdown,
    Event,
    Paused,
    RepCounted,
    RepPhase,
    Resumed,
    SessionFinished,
    SetFinished,
    SideSwitch,
    StepStarted,
)

EARLY_TOLERANCE_S = 0.001  # a timer firing a hair early still counts as on time
RESTART_WINDOW_S = 3.0  # "back" within this much of a step goes to the previous step


@dataclass(frozen=True)
class _Mark:
    """A deadline inside a step, at ``offset`` seconds from its origin."""

    offset: float
    make: Callable[[float], Event]


@dataclass(frozen=True)
class SessionState:
    """What the view needs to draw, computed for one instant."""

    index: int
    step: Step
    next_step: Step | None
    paused: bool
    finished: bool
    elapsed_s: float
    remaining_s: float | None  # timed steps and paced reps
    reps_done: int
    rep_count: int
    phase: str | None  # the current tempo phase
    phase_left_s: float | None  # seconds until that phase ends
    side: Side  # the side working now ("left"/"right" for alternating reps)
    progress: float  # 0..1 through the step


class SessionEngine:
    def __init__(self, steps: tuple[Step, ...], clock: Clock):
        if not steps or steps[-1].kind != "done":
            raise ValueError("a plan must end with a done step")
        self.steps = steps
        self._clock = clock
        self._listeners: list[Callable[[Event], None]] = []
        self.index = -1
        self._origin = 0.0  # step start, shifted forward by pauses
        self._entered_at = 0.0  # step start as it really happened, for the record
        self._paused_at: float | None = None
        self._marks: list[_Mark] = []
        self._next_mark = 0
        self._reps_done = 0
        self.outcome: SessionOutcome | None = None

    # -- observers -------------------------------------------------------
    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- queries ---------------------------------------------------------
    @property
    def step(self) -> Step:
        return self.steps[max(self.index, 0)]

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def _elapsed(self, now: float) -> float:
        return (self._paused_at if self._paused_at is not None else now) - self._origin

    def _length(self, step: Step) -> float | None:
        """Seconds the step lasts on its own; None when the person sets the pace."""
        if step.is_timed:
            return step.seconds
        if step.tempo:
            return step.rep_count * sum(s for _, s in step.tempo)
        return None

    def next_deadline(self) -> float | None:
        """Engine time of the next thing that will happen unaided, or None."""
        if self.finished or self.paused or self.index < 0:
            return None
        if self._next_mark < len(self._marks):
            return self._origin + self._marks[self._next_mark].offset
        length = self._length(self.step)
        return None if length is None else self._origin + length

    def next_wakeup(self, now: float) -> float | None:
        """The next deadline, or sooner when the displayed whole second changes."""
        deadline = self.next_deadline()
        length = self._length(self.step)
        if deadline is None or length is None:
            return deadline
        remaining = self._origin + length - now
        if remaining <= 0:
            return deadline
        tick = self._origin + length - (math.ceil(remaining - EARLY_TOLERANCE_S) - 1)
        wakeups = [deadline, tick] if tick > now else [deadline]
        phase_left = self.state(now).phase_left_s
        if phase_left:  # the phase's own countdown changes on its whole seconds, too
            phase_tick = now + phase_left - (math.ceil(phase_left - EARLY_TOLERANCE_S) - 1)
            if phase_tick > now:
                wakeups.append(phase_tick)
        return min(wakeups)

    def state(self, now: float) -> SessionState:
        step = self.step
        elapsed = max(0.0, self._elapsed(now))
        length = self._length(step)
        reps_done, phase, phase_left, side = self._reps_done, None, None, step.side
        if step.tempo and step.rep_count:
            rep_s = sum(s for _, s in step.tempo)
            reps_done = min(step.rep_count, int(elapsed // rep_s))
            if reps_done < step.rep_count:
                phase, phase_left = _phase_at(step.tempo, elapsed - reps_done * rep_s)
        if step.side == "alternate":
            side = "left" if min(reps_done, step.rep_count - 1) % 2 == 0 else "right"
        if length is not None:
            remaining = max(0.0, length - elapsed)
            progress = 1.0 if length == 0 else min(1.0, elapsed / length)
        else:
            remaining = None
            progress = reps_done / step.rep_count if step.rep_count else 0.0
        following = self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None
        return SessionState(
            self.index,
            step,
            following,
            self.paused,
            self.finished,
            elapsed,
            remaining,
            reps_done,
            step.rep_count,
            phase,
            phase_left,
            side,
            progress,
        )

    # -- driving ---------------------------------------------------------
    def start(self) -> None:
        if self.index >= 0:
            raise RuntimeError("the session has already started")
        self._enter(0, self._clock())

    def poll(self) -> None:
        """Process every deadline that has passed, each at its own time."""
        now = self._clock() + EARLY_TOLERANCE_S
        while True:
            deadline = self.next_deadline()
            if deadline is None or deadline > now:
                return
            if self._next_mark < len(self._marks):
                mark = self._marks[self._next_mark]
                self._next_mark += 1
                self._emit(mark.make(deadline))
            else:
                self._finish_step(deadline, completed=True)

    def rep_done(self) -> None:
        """The person finished a self-paced rep (Space)."""
        step = self.step
        if self.paused or not self.awaits_reps:
            return
        now = self._clock()
        self._reps_done += 1
        self._emit(RepCounted(now, self.index, self._reps_done, step.rep_count))
        if self._reps_done >= step.rep_count:
            self._finish_step(now, completed=True)

    def set_done(self) -> None:
        """The person did the whole self-paced set at once (Enter)."""
        if self.paused or not self.awaits_reps:
            return
        self._reps_done = self.step.rep_count
        self._finish_step(self._clock(), completed=True)

    def pause(self) -> None:
        if self.finished or self.paused or self.index < 0:
            return
        self.poll()
        self._paused_at = self._clock()
        self._emit(Paused(self._paused_at))

    def resume(self) -> None:
        if self._paused_at is None:
            return
        now = self._clock()
        self._origin += now - self._paused_at
        self._paused_at = None
        self._emit(Resumed(now))

    def toggle_pause(self) -> None:
        self.resume() if self.paused else self.pause()

    @property
    def awaits_reps(self) -> bool:
        """True while a self-paced set waits for the person to report reps."""
        step = self.step
        return not self.finished and step.kind == "work" and not step.is_timed and not step.tempo

    def space(self) -> None:
        """The one big key: a rep done in a self-paced set, pause or resume otherwise."""
        if self.awaits_reps and not self.paused:
            self.rep_done()
        else:
            self.toggle_pause()

    def skip(self) -> None:
        if self.finished or self.index < 0:
            return
        self.poll()
        if not self.finished:
            self._finish_step(self._stop_time(), completed=False)

    def back(self) -> None:
        if self.finished or self.index < 0:
            return
        self.poll()
        now = self._stop_time()
        target = self.index if self._elapsed(now) > RESTART_WINDOW_S or self.index == 0 else self.index - 1
        self._record_partial(now)
        self._enter(target, self._clock())

    def end(self) -> None:
        if self.finished or self.index < 0:
            return
        self.poll()
        if self.finished:
            return
        now = self._stop_time()
        self._record_partial(now)
        self._close(SessionOutcome.ENDED_EARLY, now)

    # -- internals -------------------------------------------------------
    def _stop_time(self) -> float:
        return self._paused_at if self._paused_at is not None else self._clock()

    def _enter(self, index: int, at: float) -> None:
        self.index = index
        self._origin = self._entered_at = at
        if self._paused_at is not None:
            self._paused_at = at  # a step entered while paused starts paused
        self._reps_done = 0
        step = self.steps[index]
        self._marks = _marks_for(step, index)
        self._next_mark = 0
        self._emit(StepStarted(at, index, step))
        if step.kind == "side_switch":
            self._emit(SideSwitch(at, index, step.side))
        if step.kind == "done":
            self._close(SessionOutcome.COMPLETED, at)

    def _finish_step(self, at: float, completed: bool) -> None:
        step = self.step
        if step.kind == "work":
            self._record(at, completed)
        self._enter(self.index + 1, at)

    def _record_partial(self, at: float) -> None:
        if self.step.kind == "work":
            self._record(at, completed=False)

    def _record(self, at: float, completed: bool) -> None:
        step = self.step
        elapsed = max(0.0, self._elapsed(at))
        done_s: float | None
        done_reps: int | None
        if step.seconds is not None:
            done_s = step.seconds if completed else min(elapsed, step.seconds)
            done_reps = None
        else:
            done_s = None
            done_reps = self._done_reps(step, elapsed, completed)
        if not completed and not done_reps and not done_s:
            return  # nothing was done: no set to keep
        assert step.exercise_id is not None  # only work steps record, and work names its exercise
        self._emit(
            SetFinished(
                at,
                self.index,
                step.exercise_id,
                step.side,
                step.set_index,
                self._entered_at,
                step.rep_count if not step.is_timed else None,
                done_reps,
                step.seconds if step.is_timed else None,
                round(done_s, 3) if done_s is not None else None,
            )
        )

    def _done_reps(self, step: Step, elapsed: float, completed: bool) -> int:
        if completed:
            return step.rep_count
        if step.tempo:
            return min(step.rep_count, int(elapsed // sum(s for _, s in step.tempo)))
        return self._reps_done

    def _close(self, outcome: SessionOutcome, at: float) -> None:
        self.outcome = outcome
        self._marks, self._next_mark = [], 0
        self._emit(SessionFinished(at, outcome))


def _phase_at(tempo: tuple[tuple[str, float], ...], into_rep: float) -> tuple[str, float]:
    """The phase ``into_rep`` seconds into a rep, and the seconds left in it."""
    for phase, seconds in tempo:
        if into_rep < seconds:
            return phase, seconds - into_rep
        into_rep -= seconds
    return tempo[-1][0], 0.0


def _marks_for(step: Step, index: int) -> list[_Mark]:
    """Every deadline inside a step, in time order."""
    marks: list[_Mark] = []
    if step.tempo and step.rep_count:
        rep_s = sum(s for _, s in step.tempo)
        for rep in range(step.rep_count):
            side = step.side
            if side == "alternate":
                side = "left" if rep % 2 == 0 else "right"
            offset = rep * rep_s
            for phase, seconds in step.tempo:
                marks.append(_Mark(offset, _rep_phase(index, rep + 1, step.rep_count, phase, seconds, side)))
                offset += seconds
            marks.append(_Mark((rep + 1) * rep_s, _rep_counted(index, rep + 1, step.rep_count)))
    elif step.is_timed and step.seconds:
        for left in (3, 2, 1):
            offset = step.seconds - left
            if offset >= 0:
                marks.append(_Mark(offset, _countdown(index, left)))
    marks.sort(key=lambda m: m.offset)  # stable: phase before rep count at the same instant
    return marks


# Each mark makes its event when its deadline passes; these bind the values now.
def _rep_phase(
    index: int, rep: int, reps: int, phase: str, seconds: float, side: Side
) -> Callable[[float], Event]:
    return lambda at: RepPhase(at, index, rep, reps, phase, seconds, side)


def _rep_counted(index: int, rep: int, reps: int) -> Callable[[float], Event]:
    return lambda at: RepCounted(at, index, rep, reps)


def _countdown(index: int, left: int) -> Callable[[float], Event]:
    return lambda at: Countdown(at, index, left)
