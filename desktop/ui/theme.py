"""Design tokens (colours, spacing, type) and the stylesheet built from them.

One accent colour, one spacing scale and one type scale for every screen;
light and dark share the same structure so they can switch live.
"""

from __future__ import annotations

from dataclasses import dataclass

SPACE = (4, 8, 12, 16, 24, 32, 48)  # px; index into this, never invent a gap
TYPE = {"caption": 12, "body": 14, "lead": 16, "title": 20, "heading": 28, "display": 40}
RADIUS = 10


@dataclass(frozen=True)
class Palette:
    name: str
    window: str
    surface: str
    surface_alt: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    accent_soft: str
    caution: str
    caution_bg: str
    focus: str
    ready_bg: str  # session backgrounds: get-ready, rest and side switch look unlike work
    rest_bg: str
    switch_bg: str


LIGHT = Palette(
    name="light",
    window="#f3f5f7",
    surface="#ffffff",
    surface_alt="#e9eef2",
    text="#14191f",
    muted="#56606b",
    border="#d5dbe1",
    accent="#0b6e69",
    accent_text="#ffffff",
    accent_soft="#d7efec",
    caution="#8a4b00",
    caution_bg="#fff1d6",
    focus="#1f5fd6",
    ready_bg="#fdf0d2",
    rest_bg="#dcebfa",
    switch_bg="#ece4fb",
)

DARK = Palette(
    name="dark",
    window="#121518",
    surface="#1c2126",
    surface_alt="#262c33",
    text="#eef1f4",
    muted="#a3adb8",
    border="#343c45",
    accent="#4cc2b8",
    accent_text="#0b1412",
    accent_soft="#1d3b39",
    caution="#ffc46b",
    caution_bg="#3a2c12",
    focus="#7fb0ff",
    ready_bg="#33280f",
    rest_bg="#10263b",
    switch_bg="#261c3d",
)


def stylesheet(p: Palette) -> str:
    s = SPACE
    return f"""
QWidget {{ color: {p.text}; font-size: {TYPE["body"]}px; }}
QWidget:disabled {{ color: {p.muted}; }}
QMenuBar {{ background: {p.surface}; border-bottom: 1px solid {p.border}; }}
QMenuBar::item {{ padding: {s[1]}px {s[3]}px; background: transparent; }}
QMenuBar::item:selected {{ background: {p.accent_soft}; border-radius: 6px; }}
QMenu {{ background: {p.surface}; border: 1px solid {p.border}; padding: {s[1]}px; }}
QMenu::item {{ padding: {s[1]}px {s[4]}px; border-radius: 6px; }}
QMenu::item:selected {{ background: {p.accent_soft}; }}
QMenu::item:disabled {{ color: {p.muted}; }}
QMenu::separator {{ height: 1px; background: {p.border}; margin: {s[1]}px {s[2]}px; }}
QMainWindow, QDialog, #Page {{ background: {p.window}; }}
#Sidebar {{ background: {p.surface}; border-right: 1px solid {p.border}; }}
#Sidebar QPushButton {{
    text-align: left; padding: {s[2]}px {s[3]}px; border: none; border-radius: 8px;
    font-size: {TYPE["lead"]}px; background: transparent; color: {p.muted};
}}
#Sidebar QPushButton:checked {{ background: {p.accent_soft}; color: {p.text}; font-weight: 600; }}
#Sidebar QPushButton:hover {{ background: {p.surface_alt}; }}
#AppTitle {{ font-size: {TYPE["title"]}px; font-weight: 700; color: {p.accent}; padding: {s[3]}px; }}
#PageTitle {{ font-size: {TYPE["heading"]}px; font-weight: 700; }}
#SectionTitle {{ font-size: {TYPE["lead"]}px; font-weight: 600; }}
#Muted, QLabel[muted="true"] {{ color: {p.muted}; }}
#Panel, #RoutineCard {{
    background: {p.surface}; border: 1px solid {p.border}; border-radius: {RADIUS}px;
}}
#RoutineCard:focus-within {{ border: 2px solid {p.focus}; }}
#RoutineCard[selected="true"] {{ border: 2px solid {p.accent}; background: {p.accent_soft}; }}
#RoutineName {{ font-size: {TYPE["title"]}px; font-weight: 600; }}
QLineEdit, QComboBox, QSpinBox, QTimeEdit {{
    background: {p.surface}; border: 1px solid {p.border}; border-radius: 8px;
    padding: {s[1]}px {s[2]}px; min-height: 24px;
}}
QSpinBox, QTimeEdit {{ padding-right: 26px; }}
QSpinBox::up-button, QTimeEdit::up-button {{
    subcontrol-origin: border; subcontrol-position: top right; width: 24px;
    border-left: 1px solid {p.border}; border-top-right-radius: 8px; background: {p.surface_alt};
}}
QSpinBox::down-button, QTimeEdit::down-button {{
    subcontrol-origin: border; subcontrol-position: bottom right; width: 24px;
    border-left: 1px solid {p.border}; border-top: 1px solid {p.border};
    border-bottom-right-radius: 8px; background: {p.surface_alt};
}}
QSpinBox::up-button:hover, QSpinBox::down-button:hover,
QTimeEdit::up-button:hover, QTimeEdit::down-button:hover {{ background: {p.accent_soft}; }}
QSpinBox::up-arrow, QTimeEdit::up-arrow {{ image: url(:/icons/chevron-up.svg); width: 12px; height: 12px; }}
QSpinBox::down-arrow, QTimeEdit::down-arrow {{
    image: url(:/icons/chevron-down.svg); width: 12px; height: 12px;
}}
QSpinBox::up-arrow:disabled, QSpinBox::down-arrow:disabled,
QTimeEdit::up-arrow:disabled, QTimeEdit::down-arrow:disabled {{ image: none; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled, QTimeEdit:disabled {{
    background: {p.window}; border: 1px dashed {p.border}; color: {p.muted};
}}
QComboBox::drop-down {{ border: none; width: 28px; }}
QComboBox::down-arrow {{ image: url(:/icons/chevron-down.svg); width: 16px; height: 16px; }}
QComboBox QAbstractItemView {{
    background: {p.surface}; border: 1px solid {p.border}; selection-background-color: {p.accent_soft};
    selection-color: {p.text}; outline: none;
}}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus,
QTimeEdit:focus, QListView:focus, QTextBrowser:focus {{
    border: 2px solid {p.focus};
}}
QPushButton, QToolButton {{
    background: {p.surface}; border: 1px solid {p.border}; border-radius: 8px;
    padding: {s[1] + 2}px {s[3]}px; min-height: 24px;
}}
QToolButton::menu-indicator {{ image: url(:/icons/chevron-down.svg); width: 12px; height: 12px;
    subcontrol-position: right center; right: {s[1]}px; }}
QToolButton[popupMode="2"] {{ padding-right: {s[4] + s[1]}px; }}
QPushButton:hover, QToolButton:hover {{ background: {p.surface_alt}; }}
QFileDialog QToolButton {{ padding: {s[1]}px; min-height: 0; border-radius: 6px; }}
QLineEdit QToolButton, QLineEdit QToolButton:hover, QLineEdit QToolButton:focus {{
    border: none; padding: 0; min-height: 0; background: transparent;
}}
QPushButton:pressed, QToolButton:pressed {{ background: {p.border}; }}
QToolButton:focus {{ border: 2px solid {p.focus}; }}
QPushButton:checked {{ background: {p.accent_soft}; border: 1px solid {p.accent}; font-weight: 600; }}
QPushButton:focus {{ border: 2px solid {p.focus}; }}
QPushButton:disabled {{ color: {p.muted}; background: {p.window}; }}
QPushButton[primary="true"] {{
    background: {p.accent}; color: {p.accent_text}; border: 1px solid {p.accent}; font-weight: 600;
}}
QPushButton[primary="true"]:hover {{ background: {p.accent}; border: 2px solid {p.text}; }}
QPushButton[primary="true"]:focus {{ border: 2px solid {p.focus}; }}
QPushButton[primary="true"]:disabled {{
    background: {p.window};
    color: {p.muted};
    border: 1px solid {p.border};
}}
QLineEdit[invalid="true"], QSpinBox[invalid="true"] {{ border: 2px solid {p.caution}; }}
#Muted[caution="true"], QLabel[caution="true"] {{ color: {p.caution}; }}
QListView, QTextBrowser, QListWidget {{
    background: {p.window}; border: 1px solid transparent; border-radius: {RADIUS}px;
}}
QTextBrowser {{ background: {p.surface}; border: 1px solid {p.border}; padding: {s[2]}px; }}
#CautionBox {{
    background: {p.caution_bg}; color: {p.caution}; border-radius: 8px; padding: {s[2]}px;
}}
QCheckBox {{ spacing: {s[2]}px; }}
QCheckBox::indicator {{
    width: 18px; height: 18px; border: 2px solid {p.muted}; border-radius: 5px; background: {p.surface};
}}
QCheckBox::indicator:hover {{ border-color: {p.accent}; }}
QCheckBox::indicator:checked {{
    background: {p.accent};
    border-color: {p.accent};
    image: url(:/icons/check.svg);
}}
QCheckBox:focus {{ outline: none; }}
QCheckBox::indicator:focus {{ border-color: {p.focus}; }}
QStatusBar {{ color: {p.muted}; background: {p.window}; }}
#SessionLabel {{
    font-size: {TYPE["title"]}px; font-weight: 700; padding: {s[1]}px {s[3]}px;
    border-radius: 16px; background: {p.surface}; color: {p.text};
}}
#SessionTitle {{ font-size: {TYPE["display"]}px; font-weight: 700; }}
#SessionSubtitle {{ font-size: {TYPE["heading"]}px; color: {p.muted}; }}
#SessionNext {{ font-size: {TYPE["title"]}px; color: {p.muted}; }}
#SessionControls QPushButton {{ font-size: {TYPE["lead"]}px; min-width: 72px; min-height: 36px; }}
QScrollBar:vertical {{ width: 10px; background: transparent; }}
QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 5px; min-height: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
"""
