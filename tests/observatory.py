"""The HTTP Observatory's scoring rules for response headers, as its documentation publishes them.

Start at 100; each test adds or removes points; bonuses count only from 90 up.
A score of 100 or more is graded A+. Only the tests that headers can decide are
here (no TLS or preload-list look-ups): CSP, cookies, Referrer-Policy, HSTS,
X-Content-Type-Options, X-Frame-Options, CORS and redirection.
"""

from dataclasses import dataclass


@dataclass
class Cookie:
    name: str
    secure: bool
    httponly: bool
    samesite: str
    path: str


def parse_csp(header: str) -> dict[str, list[str]]:
    policy = {}
    for directive in header.split(";"):
        parts = directive.split()
        if parts:
            policy[parts[0].lower()] = [p.lower() for p in parts[1:]]
    return policy


def csp_modifier(header: str | None) -> tuple[str, int]:
    if not header:
        return "csp-not-implemented", -25
    policy = parse_csp(header)
    default = policy.get("default-src", [])
    script = policy.get("script-src", default)
    style = policy.get("style-src", default)
    objects = policy.get("object-src", default)
    sources = [s for values in policy.values() for s in values]
    if any(s in ("http:", "ftp:") or s.startswith("http://") for s in sources):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-inline'" in script or "*" in script or "data:" in script:
        return "csp-implemented-with-unsafe-inline", -20
    if "'unsafe-eval'" in script:
        return "csp-implemented-with-unsafe-eval", -10
    if "*" in objects or not objects:  # plugins may run anything: as bad as unsafe-inline
        return "csp-implemented-with-unsafe-inline", -20
    if "'unsafe-inline'" in style:
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if default == ["'none'"]:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def cookies_modifier(cookies: list[Cookie], hsts: bool) -> tuple[str, int]:
    if not cookies:
        return "cookies-not-found", 0
    session = [c for c in cookies if "session" in c.name.lower() or "csrf" in c.name.lower()]
    if any(not c.secure for c in cookies):
        return (
            "cookies-without-secure-flag"
            if hsts
            else "cookies-without-secure-flag-but-protected-by-hsts",
            -20,
        )
    if any(not c.httponly for c in session):
        return "cookies-session-without-httponly-flag", -30
    if all(c.samesite.lower() in ("lax", "strict") for c in cookies):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def referrer_modifier(header: str | None) -> tuple[str, int]:
    private = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    if not header:
        return "referrer-policy-not-implemented", 0
    values = {v.strip().lower() for v in header.split(",")}
    if values & {"unsafe-url", "origin", "origin-when-cross-origin", "no-referrer-when-downgrade"}:
        return "referrer-policy-unsafe", -5
    return (
        ("referrer-policy-private", 5)
        if values & private
        else ("referrer-policy-header-invalid", -5)
    )


def hsts_modifier(header: str | None) -> tuple[str, int]:
    if not header:
        return "hsts-not-implemented", -20
    fields = dict(
        [*part.split("="), ""][:2]
        for part in (p.strip().lower() for p in header.split(";"))
        if part
    )
    if int(fields.get("max-age") or 0) >= 15_768_000:
        return "hsts-implemented-max-age-at-least-six-months", 0
    return "hsts-implemented-max-age-less-than-six-months", -10


def xcto_modifier(header: str | None) -> tuple[str, int]:
    return (
        ("x-content-type-options-nosniff", 0)
        if (header or "").lower() == "nosniff"
        else (
            "x-content-type-options-not-implemented",
            -5,
        )
    )


def xfo_modifier(xfo: str | None, csp: str | None) -> tuple[str, int]:
    ancestors = parse_csp(csp or "").get("frame-ancestors")
    if ancestors and "*" not in ancestors:
        return "xfo-implemented-via-csp", 5
    if (xfo or "").upper() in ("DENY", "SAMEORIGIN"):
        return "x-frame-options-sameorigin-or-deny", 0
    return "x-frame-options-not-implemented", -20


def cors_modifier(headers: dict[str, str]) -> tuple[str, int]:
    if headers.get("access-control-allow-origin", "").strip() == "*":
        return "cors-implemented-with-public-access", 0
    return "cors-not-implemented", 0


def score(
    headers: dict[str, str], cookies: list[Cookie], redirects_to_https: bool
) -> tuple[int, list[str]]:
    """The Observatory score of one response (headers lower-cased), with the tests' results."""
    h = {k.lower(): v for k, v in headers.items()}
    results = [
        csp_modifier(h.get("content-security-policy")),
        cookies_modifier(cookies, bool(h.get("strict-transport-security"))),
        referrer_modifier(h.get("referrer-policy")),
        hsts_modifier(h.get("strict-transport-security")),
        xcto_modifier(h.get("x-content-type-options")),
        xfo_modifier(h.get("x-frame-options"), h.get("content-security-policy")),
        cors_modifier(h),
        ("redirection-to-https", 0) if redirects_to_https else ("redirection-missing", -20),
    ]
    penalties = sum(m for _, m in results if m < 0)
    bonuses = sum(m for _, m in results if m > 0)
    total = 100 + penalties
    if total >= 90:
        total += bonuses
    return total, [name for name, _ in results]
