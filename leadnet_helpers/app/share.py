"""Share with my coach: the choices, the preview, and writing the file (notebook 06, the app).

The model holds what the person chose (pseudonym, up to three offers and three
asks, each a kind, an area and a short phrase), shows the share in plain words
(:func:`~leadnet_helpers.share.preview_text`) and writes it only after the
preview of exactly those choices was shown: a change to any choice asks for a
new preview first. The choices are saved in the workspace, so the next share,
the command line (``leadnet share``) and the app start from them.

Examples
--------
>>> import tempfile, pathlib
>>> from leadnet_helpers.model import Contact, Profile
>>> from leadnet_helpers.store import Workspace
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> ws = Workspace.create(folder / "w.leadnet.sqlite", Profile(name="Ana Lima"))
>>> _ = ws.add_contact(Contact(name="Bo Chen", relationship="my manager"))
>>> model = ShareModel(ws, today="2026-11-30", folder=folder)
>>> model.set_choice("offer", 0, "feedback", "", "on a pitch")
>>> model.write()
Traceback (most recent call last):
...
leadnet_helpers.errors.LeadNetError: Nothing was written yet. Press Preview and read what the file will hold first.
>>> model.preview().startswith("Your share with your coach")
True
>>> model.write().name
'share-2026-11-30.json'
>>> ws.close()
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LeadNetError
from ..rules import as_date
from ..share import Choice, build_share, load_choices, preview_text, write_share

if TYPE_CHECKING:
    from datetime import date

    from ..store import Workspace

__all__ = ["SIDES", "ShareModel", "area_options", "kind_options"]

#: The two lists a person fills: what they offer and what they ask for.
SIDES = ("offer", "ask")


def kind_options(side: str) -> list[tuple[str, str]]:
    """``(label, kind)`` pairs for a dropdown, the first meaning "nothing".

    Examples
    --------
    >>> kind_options("ask")[:2]
    [('(nothing)', ''), ('An introduction to people in an area', 'introduction')]
    """
    return [("(nothing)", ""), *((k[side], k["id"]) for k in load_choices()["kinds"])]


def area_options() -> list[tuple[str, str]]:
    """``(label, area)`` pairs for a dropdown, the first meaning "any area".

    Examples
    --------
    >>> area_options()[:2]
    [('(any area)', ''), ('strategy', 'strategy')]
    """
    return [("(any area)", ""), *((a["label"], a["id"]) for a in load_choices()["areas"])]


class ShareModel:
    """The person's choices for their share, its preview, and the file.

    Parameters
    ----------
    ws : Workspace
        The person's workspace (the choices saved there are loaded).
    today : date, optional
        The share's date (default: today).
    folder : path, optional
        Where the file is written (default: the workspace's export folder).
    """

    def __init__(
        self, ws: Workspace, *, today: date | str | None = None, folder: str | Path | None = None
    ) -> None:
        self.ws = ws
        self.today = as_date(today)
        self._folder = Path(folder) if folder is not None else None
        saved = ws.share_settings() or {}
        self.pseudonym: str = str(saved.get("pseudonym", ""))
        limit = int(load_choices()["max_choices"])
        self.rows: dict[str, list[tuple[str, str, str]]] = {
            side: [("", "", "")] * limit for side in SIDES
        }
        for side in SIDES:
            for i, c in enumerate(saved.get(f"{side}s", [])[:limit]):
                self.rows[side][i] = (c["kind"], c["area"], c["phrase"])
        self._previewed: dict[str, Any] | None = None

    @property
    def folder(self) -> Path:
        """Where the share file goes."""
        if self._folder is None:
            from ..workbook import export_folder

            self._folder = export_folder(self.ws)
        return self._folder

    def set_pseudonym(self, text: str) -> None:
        """Change the pseudonym (checked at the preview)."""
        self.pseudonym = text
        self._previewed = None

    def set_choice(
        self, side: str, index: int, kind: str, area: str = "", phrase: str = ""
    ) -> None:
        """Set row *index* of the offers (``side="offer"``) or asks; an empty kind clears it."""
        if side not in SIDES:
            raise ValueError(f"side must be one of {SIDES}")
        rows = self.rows[side]
        rows[index] = (kind, area, phrase) if kind else ("", "", "")
        self._previewed = None

    def choices(self, side: str) -> list[Choice]:
        """The filled rows of one side, checked (a clear message for a bad one)."""
        return [
            Choice(kind, area, phrase.strip()) for kind, area, phrase in self.rows[side] if kind
        ]

    def preview(self) -> str:
        """Build the share from the current choices and say it in plain words.

        Raises
        ------
        LeadNetError
            When the pseudonym or a phrase contains a name from the workspace.
        """
        self._previewed = None
        share = build_share(
            self.ws,
            self.today,
            pseudonym=self.pseudonym,
            offers=self.choices("offer"),
            asks=self.choices("ask"),
        )
        self.ws.save_share_settings(
            pseudonym=share["pseudonym"], offers=share["offers"], asks=share["asks"]
        )
        self._previewed = share
        return preview_text(share)

    @property
    def previewed(self) -> bool:
        """Whether the current choices have been previewed (so may be written)."""
        return self._previewed is not None

    def file_name(self) -> str:
        """The share's file name: ``share-<date>.json``."""
        return f"share-{self.today.isoformat()}.json"

    def write(self) -> Path:
        """Write the share that was previewed (replacing an earlier share of the same day).

        Raises
        ------
        LeadNetError
            When the current choices were not previewed.
        """
        if self._previewed is None:
            raise LeadNetError(
                "nothing was written yet",
                fix="Press Preview and read what the file will hold first.",
            )
        return write_share(self._previewed, self.folder / self.file_name(), force=True)
