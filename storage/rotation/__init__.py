"""Key rotation: move every encrypted value to the primary key generation, then retire old ones.

In three steps, each its own module: ``plan`` (what is encrypted, and how each blind index
is computed again), ``reencrypt`` (``rotate``: every value moved to the primary, in
batches) and ``retire`` (a generation dropped once nothing needs it); ``census`` counts the
values per generation, ``marks`` re-makes the ban list's keyed hashes, and ``freed`` clears
what the old values left in the database's files. Only the operator's ``holdspace
rotate-key`` imports this package: the running bot never loads it.

What a generation touches (see ``storage.crypto``):

- every ``*_enc`` column (AES-256-GCM; the blob header names its generation, the AAD is
  ``(table, column, row id, key id)``): found by introspecting ``Base.metadata`` and the live
  database, re-encrypted under the primary;
- the blind indexes that are a function of an encrypted value of the same row
  (``plan.INDEX_RULES``): recomputed from the decrypted value with the primary;
- two one-way HMACs that cannot be recomputed because their input is never stored:

  * ``invites.code_bidx`` (the invite code itself is only ever known to the person holding
    it). Invites live at most 30 days, so rotation leaves them alone; :func:`retire`
    refuses while unused, unexpired invites made before the rotation started exist, unless
    told to delete them (``drop_invites``);
  * ``processed_events.key`` (dedupe of incoming messages). ``claim`` computes it with the
    primary only, so rows made under an older generation stopped being consulted when the
    bots switched generations, whether or not that generation is retired. :func:`retire`
    therefore neither refuses because of them nor deletes them: the bot purges them after
    14 days, and once the retired key is destroyed nothing can link them to anyone.
  * ``roster_marks.key_bidx`` (a circle's ban list and founders seen only by number): bans
    are made again under the primary wherever the person is still known, and
    :func:`retire` refuses while marks only the old generation recognises remain, unless
    told to delete them (``drop_marks``). See ``marks``.

:func:`rotate` works in small, resumable, compare-and-set batches while the bots keep
running (``reencrypt``). Times are passed in (``now``): nothing here reads a clock.

Nothing here prints, logs or puts a stored value, row id or key into an error message.
"""

from __future__ import annotations

from storage.rotation.census import RotationStatus, status
from storage.rotation.freed import clear_freed_pages
from storage.rotation.plan import RotationError
from storage.rotation.reencrypt import rotate
from storage.rotation.retire import outstanding_invites, retire, without_generation

__all__ = [
    "RotationError",
    "RotationStatus",
    "clear_freed_pages",
    "outstanding_invites",
    "retire",
    "rotate",
    "status",
    "without_generation",
]
