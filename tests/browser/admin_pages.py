"""What the admin's browser tests do on its screens: log in, and add blocks in the body editor."""

STAFF_PASSWORD = "pw-{username}-1"  # tests/admin_support.make_staff's accounts

KIND_BUTTONS = {
    "paragraph": "Insert a paragraph",
    "caption": "Insert a photo caption",
    "teaser": "Insert a related-link teaser",
}


def log_in(page, username: str, password: str | None = None) -> None:
    """A fresh session of `username` on the admin's index (make_staff's password unless given)."""
    page.context.clear_cookies()
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password or STAFF_PASSWORD.format(username=username))
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def add_block(page, index: int, kind: str = "paragraph", text: str = "", **fields) -> None:
    """Add block `index` at the end of the body editor: its kind from the "+", then its text,
    then its other fields by name (`photo` takes a file's path)."""
    rows = page.locator(".newsroom-block:not(.newsroom-deleted)")
    if rows.count():
        rows.last.hover()
        rows.last.locator(".newsroom-plus").click()
        rows.last.get_by_role("button", name=KIND_BUTTONS[kind], exact=True).click()
    else:
        page.click(".newsroom-start .newsroom-plus")
        page.locator(".newsroom-start").get_by_role("button", name=KIND_BUTTONS[kind]).click()
    page.keyboard.type(text)
    # Caption and teaser fields sit in folded sections of the open block.
    if {"credit", "alt_text", "photo"} & set(fields):
        page.click(f"#blocks-{index} summary:has-text('Photo and credit')")
    if {"link_url", "link_article"} & set(fields):
        page.click(f"#blocks-{index} summary:has-text('Link')")
    for name, value in fields.items():
        selector = f"#id_blocks-{index}-{name}"
        if name == "photo":
            page.set_input_files(selector, str(value))
        else:
            page.fill(selector, value)
