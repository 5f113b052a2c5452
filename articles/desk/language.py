"""The article screen's language: guessed from the text as the importer guesses it, unless
the editor chooses one (Article.language_chosen).

The rule itself is articles/language.py; this module is its place on the form: the choice
("Guess from the text" or a language), the guess shown beside it, and the small JSON answer
that desk-photos.js asks for as the editor types.
"""

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from articles.language import OPENING_BLOCKS, describe, guess_language

GUESS = "guess"
# A block's text is at most what the form takes; the guess reads only the opening anyway.
MAX_TEXTS = 20


def guess_label(language: str) -> str:
    return f"Looks like {describe(language)}"


def language_choices(current: str = "") -> list[tuple[str, str]]:
    choices = [(GUESS, "Guess from the text"), *settings.LANGUAGES]
    if current and current not in dict(choices):
        choices.append((current, current))  # a language set before, kept as it was
    return choices


class LanguageSelect(forms.Select):
    """The language choice, with the current guess beside it, kept up to date as the editor
    types by desk-photos.js (which asks the address in data-guess-url)."""

    frame_template = "admin/articles/article/widgets/language_select.html"
    guess = "en"

    def render(self, name, value, attrs=None, renderer=None):
        frame = {
            "input_html": super().render(name, value, attrs, renderer),
            "guess_label": guess_label(self.guess),
            "guess_url": reverse("admin:articles_article_guess_language"),
        }
        return mark_safe(render_to_string(self.frame_template, frame))


def language_field(article) -> forms.ChoiceField:
    """The form's language field for `article`: "guess" unless its editor chose one."""
    field = forms.ChoiceField(
        label="Language",
        choices=language_choices(article.language),
        widget=LanguageSelect,
        help_text=(
            "Guessed from the headline and the opening paragraphs on every save, as the "
            "importer does; choose a language to keep it whatever the text."
        ),
    )
    field.widget.guess = stored_guess(article)
    return field


def stored_guess(article) -> str:
    """The guess for the article as saved: its language, unless its editor chose one."""
    if not article.language_chosen or article.pk is None:
        return article.language if article.pk else "en"
    texts = article.blocks.order_by("position").values_list("text", flat=True)
    return guess_language(article.headline, article.dek, texts[:OPENING_BLOCKS])


def initial_choice(article) -> str:
    return article.language if article.language_chosen else GUESS


def apply_choice(article, choice: str) -> None:
    """Record on `article` what the editor chose; a guess is made when the blocks are known."""
    article.language_chosen = choice != GUESS
    if article.language_chosen:
        article.language = choice


def guess_for_article(article, block_texts: Iterable[str]) -> None:
    """Set a guessed language from the article's own fields and its body's texts in order."""
    if not article.language_chosen:
        article.language = guess_language(article.headline, article.dek, block_texts)


@require_POST
def guess_view(request) -> JsonResponse:
    """{"language": "he", "label": "Looks like Hebrew (right to left)"} for the posted text."""
    texts = request.POST.getlist("text")[:MAX_TEXTS]
    language = guess_language(request.POST.get("headline", ""), request.POST.get("dek", ""), texts)
    return JsonResponse({"language": language, "label": guess_label(language)})
