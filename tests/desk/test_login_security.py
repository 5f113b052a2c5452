"""Admin log-in: throttled per account and address, Argon2 hashes, optional or mandatory TOTP."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.serving import ROOT

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def editor():
    return User.objects.create_user("eve", password="correct-horse-battery", is_staff=True)


def log_in(client, username: str, password: str, address: str = "10.0.0.1", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, **extra}, REMOTE_ADDR=address
    )


# The suite hashes with MD5 for speed (newsroom/settings_test.py); production's own
# settings are checked in a process of their own.
HASH_A_PASSWORD = """
import django
django.setup()
from django.contrib.auth.hashers import check_password, identify_hasher, make_password
hashed = make_password("correct-horse-battery")
print(identify_hasher(hashed).algorithm, check_password("correct-horse-battery", hashed))
"""


def test_passwords_are_hashed_with_argon2():
    """New passwords are stored as Argon2 hashes by the production settings."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "NEWSROOM_ENV": "production",
        "SECRET_KEY": "a-production-key-" + "q" * 50,
    }
    answer = subprocess.run(
        [sys.executable, "-c", HASH_A_PASSWORD],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert answer.stdout.split() == ["argon2", "True"]


def test_a_correct_password_logs_in(client, editor):
    """An editor with the right password reaches the admin."""
    assert log_in(client, "eve", "correct-horse-battery").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_failures_lock_the_account_from_that_address(client, editor, settings):
    """The fifth wrong password locks the account there; then even the right one is refused."""
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "eve", "wrong").status_code == 200
    assert log_in(client, "eve", "wrong").status_code == 429
    locked = log_in(client, "eve", "correct-horse-battery")
    assert locked.status_code == 429
    assert "Too many failed log-in attempts" in locked.text
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_a_lockout_does_not_spread_to_other_addresses(client, editor, settings):
    """An attacker elsewhere cannot lock the editor out of her own desk."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "eve", "wrong", address="203.0.113.9")
    assert log_in(client, "eve", "correct-horse-battery", address="10.0.0.1").status_code == 302


def test_lockout_answers_the_same_for_unknown_usernames(client, editor, settings):
    """Whether or not a username exists, failures and lockouts look identical."""
    answers = {}
    for username, address in (("eve", "198.51.100.7"), ("nobody-by-this-name", "198.51.100.8")):
        failures = [
            log_in(client, username, "wrong", address=address)
            for _ in range(settings.AXES_FAILURE_LIMIT - 1)
        ]
        locked = log_in(client, username, "wrong", address=address)
        answers[username] = (
            {f.status_code for f in failures},
            locked.status_code,
            "Please enter the correct" in failures[0].text,
        )
    assert answers["eve"] == answers["nobody-by-this-name"] == ({200}, 429, True)


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_staff_with_an_authenticator_must_give_its_code(client, device, settings):
    """With a TOTP device, the password alone is not enough; the current code is."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no back-off after the wrong code below
    without_code = log_in(client, "eve", "correct-horse-battery")
    assert without_code.status_code == 200
    assert "Code from your authenticator app" in without_code.text
    assert log_in(client, "eve", "correct-horse-battery", otp_token="000000").status_code == 200
    assert (
        log_in(client, "eve", "correct-horse-battery", otp_token=current_code(device)).status_code
        == 302
    )
    assert client.get("/admin/").status_code == 200


def test_mandatory_two_factor_keeps_out_staff_without_a_device(client, editor, settings):
    """With ADMIN_REQUIRE_2FA on, a password-only account cannot use the admin."""
    settings.ADMIN_REQUIRE_2FA = True
    response = log_in(client, "eve", "correct-horse-battery")
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_mandatory_two_factor_lets_in_staff_with_a_code(client, device, settings):
    """With ADMIN_REQUIRE_2FA on, the password plus the current code opens the admin."""
    settings.ADMIN_REQUIRE_2FA = True
    assert (
        log_in(client, "eve", "correct-horse-battery", otp_token=current_code(device)).status_code
        == 302
    )
    assert client.get("/admin/").status_code == 200
