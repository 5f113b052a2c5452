"""The admin site: password login, plus a TOTP code for staff who have set up a device.

With ADMIN_REQUIRE_2FA on, only staff verified by a device may use the admin;
devices are added by a superuser under "TOTP devices" (the page shows a QR code).
"""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice


class TwoFactorLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """Asks for a code only after a correct password, and only from users with a device."""

    otp_token = forms.CharField(
        label="Code from your authenticator app",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and (user_has_device(user) or settings.ADMIN_REQUIRE_2FA):
            self.clean_otp(user)
        return cleaned_data

    def _chosen_device(self, user):
        # One authenticator app per person: no need to make them pick it from a list.
        return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


class NewsroomAdminSite(AdminSite):
    site_header = "Newsroom"
    site_title = "Newsroom admin"
    index_title = "Newsroom"
    login_form = TwoFactorLoginForm
    login_template = "admin/two_factor_login.html"

    def has_permission(self, request) -> bool:
        allowed = super().has_permission(request)
        if settings.ADMIN_REQUIRE_2FA:
            return allowed and request.user.is_verified()
        return allowed
