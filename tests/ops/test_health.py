import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    """A load balancer sees a healthy site."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.fixture
def unreachable_database(transactional_db):
    """Point the connection at a port where nothing listens, then put it back."""
    original = connection.settings_dict.copy()
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="1", OPTIONS={"connect_timeout": 1})
    yield
    connection.settings_dict.clear()
    connection.settings_dict.update(original)
    connection.close()


def test_healthz_answers_503_when_the_database_is_down(client, unreachable_database):
    """When PostgreSQL cannot be reached the health check says so."""
    assert client.get("/healthz").status_code == 503


def test_pages_answer_a_plain_503_when_the_database_is_down(client, unreachable_database):
    """Readers get a short apology page, not a traceback."""
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "Temporarily unavailable" in html
    assert "Traceback" not in html
