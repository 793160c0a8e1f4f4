"""Users, password hashing, lockout and role checks."""

from khidmat_desk.auth.users import (
    AccountDisabled,
    AccountLocked,
    AuthError,
    BadCredentials,
    PermissionDenied,
    UserInfo,
    authenticate,
    create_user,
    require_role,
)

__all__ = [
    "AccountDisabled", "AccountLocked", "AuthError", "BadCredentials", "PermissionDenied",
    "UserInfo", "authenticate", "create_user", "require_role",
]
