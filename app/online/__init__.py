"""Online exchange: `opora serve` at the centre and `opora sync now` on a laptop.

The transport only moves the same signed, encrypted bundles as the files; every check is the
one `sync import` makes (app/sync/exchange.py). See docs/decisions/080-online-exchange.md.
"""
