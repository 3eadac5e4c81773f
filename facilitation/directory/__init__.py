"""A circle's resource directory, pure: no I/O, no clock (``now`` is int ms since the epoch).

Each circle keeps its own vetted list (sex-positive therapists, banks that don't freeze
accounts, industry-aware accountants, digital-rights lawyers...). The record follows Open
Referral HSDS 3.0 where it can (name, description, contacts, languages, service area, an
``assured_date``) and adds what this sector needs: a category, ``remote``, and tags such as
``sex-positive`` or ``accepts-pseudonym``.

Status follows Pineapple Support's model, run by peers: a suggestion is *pending* until a
facilitator or the circle's vouch threshold of members vets it; members can *flag* it; a
vetted record not re-verified for a year is *stale* (derived, never stored) and shown with
a prompt to re-vet. Only vetted records (stale included) reach members' searches.

Where things live:

- ``record``: the record (``NewResource``, ``Resource``, ``Contact``), categories, statuses
  and the limits on every field;
- ``contact``: the contact section sorted into phones, e-mails and web addresses;
- ``fields``: tags, languages and regions in their stored form;
- ``adding``: ``/resource add <category> <name> ; <contact> ; <notes> [; tags]``;
- ``vetting``: pending, vetted, flagged, stale: who sees what;
- ``search``: forgiving search (typos, partial words, synonyms);
- ``display``: a search result's line and an entry's details.

The file format of ``holdspace resources import|export`` belongs to that operator command:
bot/directory_format/ (schema: docs/directory-format.md).
"""
