"""The reader's own address behind a reverse proxy (TRUSTED_PROXIES).

A proxy connects on behalf of every reader, so REMOTE_ADDR is the proxy's: login
throttling would lock out everyone at once, and the logs would name no one. A proxy
appends the address it received the request from to X-Forwarded-For; anything left of
that was written by the client and may be forged. So, only when the request comes from a
trusted proxy, the address is the rightmost one in X-Forwarded-For that is not itself a
trusted proxy. It replaces REMOTE_ADDR for everything after this middleware: django-axes,
Django's logs, and gunicorn's access log (which reads the same WSGI environ).
"""

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(addresses: list[str]) -> list[Network]:
    """Addresses or networks ("10.0.0.0/8", "127.0.0.1") as networks; ValueError names a bad one."""
    return [ipaddress.ip_network(address.strip(), strict=False) for address in addresses]


def _trusted(address: str, proxies: list[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(remote_addr: str, forwarded_for: str, proxies: list[Network]) -> str:
    """The address of whoever the nearest untrusted hop is."""
    if not proxies or not forwarded_for or not _trusted(remote_addr, proxies):
        return remote_addr
    for hop in reversed(forwarded_for.split(",")):
        hop = hop.strip()
        if not _trusted(hop, proxies):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:  # garbage where an address should be: keep the proxy's
                return remote_addr
    return remote_addr  # every hop was a proxy of ours


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.proxies = networks(settings.TRUSTED_PROXIES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.proxies:
            request.META["REMOTE_ADDR"] = client_address(
                request.META.get("REMOTE_ADDR", ""),
                request.META.get("HTTP_X_FORWARDED_FOR", ""),
                self.proxies,
            )
        return self.get_response(request)
