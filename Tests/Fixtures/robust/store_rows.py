#!/usr/bin/env python3
"""Prints a nianjian store's integrity check and every row of every table, in a stable order.

usage: store_rows.py STORE.sqlite

The first line is the answer of `PRAGMA integrity_check` ("ok" for a sound file), then the SQL text that rebuilds
the store (schema and rows, as `iterdump` gives it). Two stores with the same output hold the same rows. Opening
the store recovers it the way any next user would (a transaction cut off by kill -9 is rolled back).
"""
import sqlite3
import sys

connection = sqlite3.connect(sys.argv[1])
print(connection.execute("PRAGMA integrity_check").fetchone()[0])
for line in connection.iterdump():
    print(line)
connection.close()
