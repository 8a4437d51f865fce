"""The fast YAML path: the value of a clean document straight from libyaml's events, no positions.

Most files have nothing to report, and their positions are never needed. :func:`fast_build` makes
their value with the same scalar resolver as the exact path (:mod:`trabong_d8.yamlscalar`) and
stops with :class:`Bail` at the first thing the exact path would report (an anchor, an alias, a tag,
a duplicate or merge key, a key that is not a scalar, a second document); the parser's own errors
pass through as ``yaml.YAMLError``. Either way the caller reads the text again on the exact path,
which says what and where. A test feeds the same texts to both and requires the same values.
"""

from __future__ import annotations

from typing import Any

import yaml

from .yamlscalar import nfc, resolve_plain

try:  # libyaml's C parser when present; the pure-Python one gives the same events
    from yaml._yaml import CParser as EventSource
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as EventSource  # type: ignore[assignment]


class Bail(Exception):
    """Something the fast path does not handle: the exact path reads the text instead."""


_NOKEY = object()
_MISSING = object()


def fast_build(text: str) -> Any:
    """The value of ``text``, a clean YAML document (see the module docstring)."""
    get: Any = EventSource(text).get_event  # events are read by attribute, fast, untyped
    scalar_event, mapping_start = yaml.ScalarEvent, yaml.MappingStartEvent
    sequence_start = yaml.SequenceStartEvent
    end_events = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    nokey, missing = _NOKEY, _MISSING
    # plain values repeat record after record (item ids, dates, villages, numbers): each distinct
    # one is resolved once, and equal texts end up as one object (the data keeps the very objects)
    plain_seen: dict[str, Any] = {}
    plain_get = plain_seen.get
    quoted_share: Any = {}.setdefault
    # anchors, aliases and tags are written with & * !: a text without them needs no look for them
    props = "&" in text or "*" in text or "!" in text

    get()  # StreamStartEvent
    event = get()
    if type(event) is yaml.StreamEndEvent:
        return None
    # stack entries: (container, is_mapping, pending key of the parent mapping)
    stack: list[tuple[Any, bool, Any]] = []
    container: Any = None
    is_map = False
    key: Any = nokey
    root: Any = None
    while True:
        event = get()
        kind = type(event)
        if kind is scalar_event:
            tagged = False
            if props:
                if event.anchor is not None or event.tag not in (None, "!"):
                    raise Bail
                tagged = event.tag == "!"  # the non-specific tag: the value is text, as quoted
            raw = event.value
            if is_map and key is nokey:  # a key: always text
                if raw == "<<" and not event.style:
                    raise Bail
                raw = nfc(raw)
                if raw in container:
                    raise Bail
                key = raw
                continue
            if event.style or tagged:  # quoted or block: text
                value = nfc(raw)
                value = quoted_share(value, value)
            else:
                value = plain_get(raw, missing)
                if value is missing:
                    value = resolve_plain(raw)
                    if type(value) is str:
                        value = quoted_share(value, value)
                    plain_seen[raw] = value
            if is_map:
                container[key] = value
                key = nokey
            elif container is not None:
                container.append(value)
            else:
                root = value
        elif kind is mapping_start or kind is sequence_start:
            if (props and (event.anchor is not None or event.tag not in (None, "!"))) or (
                is_map and key is nokey
            ):
                raise Bail
            new: Any = {} if kind is mapping_start else []
            if is_map:
                container[key] = new
            elif container is not None:
                container.append(new)
            else:
                root = new
            stack.append((container, is_map, key))
            container, is_map, key = new, kind is mapping_start, nokey
        elif kind in end_events:
            container, is_map, key = stack.pop()
            key = nokey
        elif kind is yaml.DocumentEndEvent:
            break
        else:  # an alias
            raise Bail
    if type(get()) is not yaml.StreamEndEvent:  # a second document
        raise Bail
    return root
