"""The plugin API: every hook a plugin may implement, documented where it is declared.

A plugin is a module (or object) with functions decorated by :data:`reportedly.hookimpl` whose
names are the hooks below. A package makes its hook module known through the entry-point group
``reportedly``::

    # pyproject.toml of a third-party package
    [project.entry-points.reportedly]
    shouting = "reportedly_shouting"

The built-in steps (``dates``, ``sources``, ``quotes``, ``weapons``, ``events``) are registered
through these same hooks by the modules in :mod:`reportedly.extractors`.

Vocabulary hooks return lists of plain dicts. They are called once, when a
:class:`~reportedly.Pipeline` is built, and what every plugin returns is merged into the built-in
lexicons (plugins are added after the built-in data, so a plugin entry for a term the built-ins
already have overrides it). A malformed entry fails the pipeline build with a
:class:`~reportedly.ConfigError` that names the hook and the entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pluggy

__all__ = ["hookimpl", "hookspec"]

#: Marks a hook specification (used by reportedly itself).
hookspec = pluggy.HookspecMarker("reportedly")
#: Marks a plugin's hook implementation: ``@reportedly.hookimpl``.
hookimpl = pluggy.HookimplMarker("reportedly")


@hookspec
def reportedly_extractors(register: Callable[[type], None]) -> None:
    """Register extractor classes by calling ``register(cls)`` once for each.

    An extractor class has:

    - ``name``: a unique step name (``str``), used in ``Pipeline([...])`` and as the TOML table
      ``[steps.<name>]``;
    - ``requires``: a tuple of the step names (or Analysis fields: ``"dates"``, ``"sources"``,
      ``"quotes"``, ``"weapons"``, ``"events"``) it reads; the pipeline adds missing ones and
      runs them first;
    - ``__init__(self, **settings)``: its TOML table / ``config[name]`` arrives as keyword
      arguments; a key the signature does not take is a :class:`~reportedly.ConfigError`. An
      extractor that takes a keyword argument named ``vocabulary`` receives the merged
      :class:`~reportedly.plugins.Vocabulary` of every vocabulary hook;
    - ``__call__(self, analysis) -> Analysis``: returns a new Analysis. A third-party step adds its
      items with ``analysis.with_extension(self.name, items)``.

    Example::

        @reportedly.hookimpl
        def reportedly_extractors(register):
            register(Shouting)

    If ``__call__`` raises, the article gets an ``errors`` entry naming the step and the other
    steps still run. Instances must be cheap to rebuild: ``pipe(n_process=N)`` rebuilds the
    pipeline in each worker from its configuration.
    """


@hookspec
def reportedly_weapon_terms() -> list[dict[str, Any]]:
    """Return weapon and military-platform terms to add to the ``weapons`` taxonomy.

    Each entry::

        {"term": "zorbulator",                 # canonical name, lower case, singular (required)
         "class": "weapon",                    # "weapon" or "platform" (required)
         "category": ["weapon", "artillery"],  # path from the root, first item == class (required)
         "aliases": ["zorb gun"],              # other names, singular (optional)
         "plurals": ["zorbulatores"],          # irregular plurals; regular ones are derived (optional)
         "designations": ["ZB-9", "ZB-9M"],    # model names that denote this term (optional)
         "generic": False}                     # True for words naming weapons in general, like
                                               # "weapons" or "arms" (optional, default False)

    A designation found in text ("two ZB-9 zorbulators") is reported as the mention's
    ``designation`` and maps the mention onto ``term``. Mentions of a ``generic`` term carry
    ``attributes["generic"] = True`` and are left out when the step's ``generic`` setting is
    false.
    """
    raise NotImplementedError


@hookspec
def reportedly_speech_verbs() -> list[dict[str, Any]]:
    """Return speech cues to add to the ``quotes`` and ``sources`` steps.

    Each entry::

        {"cue": "insist",        # the lemma or fixed phrase (required)
         "kind": "verb",         # "verb" (inflected: insist, insists, insisted, insisting),
                                 # "noun" ("statement": "in a statement", "X's statement that"),
                                 # or "phrase" (fixed, matched as written: "according to") (required)
         "forms": ["insisted"],  # inflected forms when they are irregular (optional)
         "belief": False}        # True for belief/expectation verbs ("expect", "believe") (optional)
    """
    raise NotImplementedError


@hookspec
def reportedly_source_descriptors() -> list[dict[str, Any]]:
    """Return words that name or describe sources, for the ``sources`` step.

    Each entry::

        {"term": "defence attache",   # the word or phrase, as it appears in text (required)
         "role": "descriptor",        # what it is (required), one of:
             # "title"        precedes a person's name: "Gen.", "Defense Secretary"
             # "descriptor"   a noun for a person: "analyst", "spokesman", "specialist"
             # "organization" the full name of an organization: "Korean Central News Agency"
             # "organization_suffix"  the last word of organization names: "Ministry", "Agency"
             # "media"        an outlet: "Yonhap", "state media"
             # "government"   a place used for its government: "Pyongyang", "the Kremlin"
             # "group"        a plural source: "analysts", "diplomats"
             # "anonymous"    an unnamed source: "a senior official", "a source"
             # "equipment"    a weapon or equipment word: a name right before it is no
             #                source ("HIMARS launchers", "F-16 fighter jets")
         "aliases": ["KCNA"],         # other names of the same source (optional)
         "gender": "male"}            # "male" or "female", for pronoun resolution (optional)
    """
    raise NotImplementedError


@hookspec
def reportedly_event_triggers() -> list[dict[str, Any]]:
    """Return event triggers to add to the ``events`` step.

    Each entry::

        {"trigger": "test-fire",          # a verb lemma, noun or multiword phrase (required)
         "type": "weapons_test",          # a PLOVER type or a capability type (required)
         "kind": "verb",                  # "verb" (inflected), "noun" or "phrase" (optional,
                                          # default "verb")
         "forms": ["test-fired"],         # irregular inflected forms (optional)
         "status": "occurred"}            # default status when nothing in the clause says
                                          # otherwise (optional)

    Optional keys that make the trigger depend on its clause (as in the step's
    ``vocab/events/triggers.toml``); each type named must be an event type:

    - ``"needs"``: ``"weapon"`` (count the trigger only with a weapon mention or a military
      object word in its clause: "launched two missiles", not "launched a website"),
      ``"force"`` (also armed forces: "hit" needs arms or troops) or ``"crowd"`` (a crowd
      word just before it: "thousands gathered", not "the ministers gathered");
    - ``"weapon_type"``: the type to use instead when a weapon is in the clause ("deployed
      troops" stays ``mobilize``, "deployed missiles" is ``weapons_deployment``);
    - ``"attack_type"``: the type when the weapon is aimed at something ("fired rockets at the
      town" is ``assault``, "fired two missiles into the sea" stays ``weapons_test``);
    - ``"vessel_type"``: the type when the object is a ship ("launched a new destroyer");
    - ``"recipient_type"``: the type when the weapons go to a recipient ("sent tanks to
      Ukraine" is ``weapons_transfer``);
    - ``"crowd_type"``: the type when a crowd is the subject ("thousands protested" is
      ``protest``, "the minister protested" stays ``disapprove``).

    Entries override the built-in triggers on overlapping matches. A malformed entry (unknown
    type, kind, status or ``needs``) fails the pipeline build with a ``ConfigError``.
    """
    raise NotImplementedError


@hookspec
def reportedly_date_patterns() -> list[dict[str, Any]]:
    """Return extra temporal patterns for the ``dates`` step.

    Each entry::

        {"pattern": r"\\bTet\\b",      # a regular expression (``regex`` module syntax) (required)
         "type": "DATE",              # TIMEX3 type: DATE, TIME, DURATION or SET (required)
         "value": "XXXX-01-29"}       # TIMEX3 value (required); a leading "XXXX" year is resolved
                                      # against the publication date like a bare month name

    The whole match is the span. Patterns are compiled once, when the pipeline is built.
    """
    raise NotImplementedError
