"""The app layer's tests drive real widgets: the same end-of-test Qt clean-up as tests/ui."""

from tests.ui.conftest import collect_qt_leftovers  # noqa: F401  (an autouse fixture)
