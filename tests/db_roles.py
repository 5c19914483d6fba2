"""Run the test suite as the application's PostgreSQL role (ESCALE_DB_APP_ROLE), as production does.

pytest-django creates and migrates the test database as the connecting user (its owner); then every
connection switches to the application role, which `core.db_roles.grant_app_role` gave data rights
but no ownership. TransactionTestCase's flush (TRUNCATE of every table) is done as the owner: the
application role may not TRUNCATE, which is the point.
"""

from django.db import connections
from django.db.backends.postgresql.operations import DatabaseOperations

from core.db_roles import grant_app_role


def ensure_role(connection, role):
    """Create the LOGIN role if missing (the owner must be allowed to: superuser or CREATEROLE)."""
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE ROLE {connection.ops.quote_name(role)} LOGIN")


def _switch_user(user):
    for connection in connections.all():
        connection.close()
        connection.settings_dict["USER"] = user


class RoleSplit:
    """Switch the connections to `role` and back; flush as `owner` meanwhile."""

    def __init__(self, owner, role):
        self.owner, self.role = owner, role
        self._original_flush = DatabaseOperations.execute_sql_flush

    def start(self, connection):
        grant_app_role(connection, self.role)
        split = self

        def execute_sql_flush_as_owner(ops, sql_list):
            ops.connection.close()
            ops.connection.settings_dict["USER"] = split.owner
            try:
                split._original_flush(ops, sql_list)
            finally:
                ops.connection.close()
                ops.connection.settings_dict["USER"] = split.role

        DatabaseOperations.execute_sql_flush = execute_sql_flush_as_owner
        _switch_user(self.role)

    def stop(self):
        DatabaseOperations.execute_sql_flush = self._original_flush
        _switch_user(self.owner)
