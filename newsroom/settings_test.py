"""Settings for the test suite: the project's own, with a fast password hasher.

Argon2 is slow on purpose (about 50 ms a hash), and the tests create and log in
hundreds of accounts. Production keeps Argon2: tests/desk/test_login_security.py
checks it in a process started with newsroom.settings.
"""

from newsroom.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
