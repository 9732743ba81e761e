""""Ons budget": the public site where residents see their Smederij's money and plans.

The rooms:
- ``content``: what the site publishes, gathered from the ledger as plain data; the privacy rule
  (no payees, references, notes or audit data unless ``internal``) is applied here, so nothing
  private ever reaches a page.
- ``pages``: the HTML pages, pure functions of that content (phone first, no external files).
- ``opendata``: the same figures as CSV and JSON files with a stable schema.
- ``publish``: writes the tree into a folder, rewriting only files whose content changed.
"""
