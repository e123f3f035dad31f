"""The validated pose book as plain JSON-able values and back, for the content cache.

Kept apart from the figure's geometry: only the cache reads and writes these, and a
field added to ``ExerciseArt`` or ``Pose`` needs a line here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from desktop.core.figure import ExerciseArt, PoseBook
from desktop.core.figure_props import Arrow, Prop
from desktop.core.skeleton import Pose


def book_to_data(book: PoseBook) -> dict[str, Any]:
    """Plain JSON-able values, for the cache of validated content."""
    return {
        k: {
            "keyframes": [{"name": n, **_pose_data(p)} for n, p in zip(a.names, a.keyframes, strict=False)],
            "props": [
                {
                    "kind": p.kind,
                    "at": list(p.at),
                    "size": list(p.size),
                    "attach": p.attach,
                    "turn": p.turn,
                    "layer": p.layer,
                }
                for p in a.props
            ],
            "arrow": None
            if a.arrow is None
            else {
                "joint": a.arrow.joint,
                "bend": a.arrow.bend,
                "offset": list(a.arrow.offset),
                "both": a.arrow.both,
            },
            "view": a.view,
            "stay": a.stay,
            "pace": dict(a.pace or {}),
            "pins": list(a.pins),
            "phases": dict(a.phases),
            "other_side": a.other_side,
            "start": a.start,
        }
        for k, a in book.arts.items()
    } | {"@ladders": {k: list(v) for k, v in book.ladders.items()}}


def book_from_data(data: Mapping[str, Any]) -> PoseBook:
    """The inverse of ``to_data``, for data that was already validated."""
    ladders = {k: tuple(v) for k, v in data.get("@ladders", {}).items()}
    data = {k: v for k, v in data.items() if k != "@ladders"}
    return PoseBook(
        {
            k: ExerciseArt(
                keyframes=tuple(pose_from_data(f) for f in a["keyframes"]),
                names=tuple(f.get("name", "") for f in a["keyframes"]),
                props=tuple(
                    Prop(
                        p["kind"],
                        tuple(p["at"]),
                        tuple(p["size"]),
                        p.get("attach"),
                        p.get("turn", 0.0),
                        p.get("layer", "back"),
                    )
                    for p in a.get("props", ())
                ),
                arrow=None
                if not a.get("arrow")
                else Arrow(
                    a["arrow"]["joint"],
                    a["arrow"].get("bend", 0.0),
                    tuple(a["arrow"].get("offset", (0.0, 0.0))),
                    a["arrow"].get("both", False),
                ),
                view=a.get("view", "side"),
                stay=a.get("stay", False),
                pace=dict(a.get("pace") or {}),
                pins=tuple(a.get("pins", ())),
                phases=dict(a.get("phases") or {}),
                other_side=a.get("other_side", "swap"),
                start=a.get("start", ""),
            )
            for k, a in data.items()
        },
        ladders,
    )


def _pose_data(pose: Pose) -> dict[str, Any]:
    return {
        f.name: (
            list(getattr(pose, f.name)) if isinstance(getattr(pose, f.name), tuple) else getattr(pose, f.name)
        )
        for f in fields(pose)
        if getattr(pose, f.name) is not None
    }


def pose_from_data(data: Mapping[str, Any]) -> Pose:
    values = {f.name: data[f.name] for f in fields(Pose) if data.get(f.name) is not None}
    kwargs: dict[str, Any] = {
        k: tuple(v) if isinstance(v, (list, tuple)) else float(v) for k, v in values.items()
    }
    return Pose(**kwargs)
