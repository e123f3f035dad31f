"""One error type for every data file problem, carrying one line per problem."""

from __future__ import annotations


class ContentError(Exception):
    """A data file could not be used; ``problems`` each name where and what."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))

    def report(self) -> str:
        lines = [f"{self.source} was not loaded:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


def describe_validation_error(error) -> list[str]:
    """pydantic's errors as ``items[2].reps: message`` lines, paths in file terms."""
    problems = []
    for err in error.errors():
        path = ""
        for part in err["loc"]:
            if isinstance(part, int):
                path += f"[{part}]"
            elif part in ("int", "float", "list[int]", "list[float]", "constrained-float"):
                continue  # pydantic's union branch names mean nothing to a reader
            else:
                path += f".{part}" if path else str(part)
        message = err["msg"].removeprefix("Value error, ")
        problems.append(f"{path}: {message}" if path else message)
    return list(dict.fromkeys(problems))
