"""Problems found in content or configuration, reported as `path:line: message`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from decisionaid.core.record import field, record


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@record(frozen=True)
class Diagnostic:
    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        return f"{self.path}:{self.line}: {prefix}{self.message}"


@record
class Diagnostics:
    """Collects problems instead of raising them, so one bad file never stops the rest."""

    items: list[Diagnostic] = field(default_factory=list)

    @staticmethod
    def _display(path: Path | str) -> str:
        """Paths relative to the working folder where possible, so editors can jump to them."""
        p = Path(path)
        try:
            return str(p.resolve().relative_to(Path.cwd().resolve()))
        except (ValueError, OSError):
            return str(p)

    def error(self, path: Path | str, line: int, message: str) -> None:
        self.items.append(Diagnostic(self._display(path), line, message, Severity.ERROR))

    def warning(self, path: Path | str, line: int, message: str) -> None:
        self.items.append(Diagnostic(self._display(path), line, message, Severity.WARNING))

    def info(self, path: Path | str, line: int, message: str) -> None:
        self.items.append(Diagnostic(self._display(path), line, message, Severity.INFO))

    def extend(self, other: Diagnostics) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def __len__(self) -> int:
        return len(self.items)
