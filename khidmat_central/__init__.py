"""The reference central server: receives every centre's records, serves status changes back.

A small, real service (FastAPI + uvicorn + SQLAlchemy; SQLite by default, PostgreSQL by URL)
that the province can start with and that the counter's sync tests run against.
"""
