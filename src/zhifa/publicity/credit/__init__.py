"""双公示 for 信用中国 (R-PUB-012): the 行政处罚 records of published decisions in the exchange format, as CSV or Excel.

``fields`` builds one row (pure, the standard's columns in order), ``export`` scopes, permits and records an export
in the ledger, ``writers`` stream the rows out, ``views``/``api`` are the staff page and the API endpoint.
"""
