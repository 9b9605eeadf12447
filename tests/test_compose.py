"""docker-compose.yml and the Dockerfile stay consistent with the code.

No container engine is needed: the files are parsed and compared with the settings
and the installed Elasticsearch client, whose major version must match the server's.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import yaml

from crosswire.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
APP_SERVICES = ("api", "worker", "flower")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(data, dict)
    return data


def _services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    services = compose["services"]
    assert isinstance(services, dict)
    return services


def _env(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment, whichever of the two compose forms it uses."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def _es_image_version(compose: dict[str, Any]) -> str:
    image = _services(compose)["elasticsearch"]["image"]
    assert image.startswith("docker.elastic.co/elasticsearch/elasticsearch:")
    return str(image.rsplit(":", 1)[1])


def test_service_names(compose: dict[str, Any]) -> None:
    assert set(_services(compose)) == {"redis", "elasticsearch", *APP_SERVICES}


def test_es_image_matches_settings(compose: dict[str, Any]) -> None:
    # The default, not Settings(): an environment override must not hide a mismatch.
    assert _es_image_version(compose) == Settings.model_fields["es_version"].default


def test_es_client_major_matches_server(compose: dict[str, Any]) -> None:
    client_major = version("elasticsearch").split(".")[0]
    assert client_major == _es_image_version(compose).split(".")[0]


def test_crosswire_variables_are_settings() -> None:
    # Scans the raw text, so a variable in a command or an anchor counts too.
    names = set(re.findall(r"\bCROSSWIRE_[A-Z0-9_]+", COMPOSE.read_text()))
    assert names, "docker-compose.yml configures nothing"
    unknown = {
        n for n in names if n.removeprefix("CROSSWIRE_").lower() not in Settings.model_fields
    }
    assert not unknown, f"not fields of Settings: {sorted(unknown)}"


def test_app_services_reach_the_backends(compose: dict[str, Any]) -> None:
    services = _services(compose)
    for name in APP_SERVICES:
        service = services[name]
        env = _env(service)
        assert env["CROSSWIRE_REDIS_URL"] == "redis://redis:6379/0", name
        assert env["CROSSWIRE_ES_URL"] == "http://elasticsearch:9200", name
        depends = service["depends_on"]
        assert depends["redis"]["condition"] == "service_healthy", name
    for name in ("api", "worker"):
        assert services[name]["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    assert services["api"]["command"][:2] == ["crosswire", "serve"]
    assert services["worker"]["command"][:2] == ["crosswire", "worker"]
    assert any("8000" in str(p) for p in services["api"]["ports"])
    assert any("5555" in str(p) for p in services["flower"]["ports"])


def test_backends_are_durable_and_checked(compose: dict[str, Any]) -> None:
    services = _services(compose)
    redis_cmd = " ".join(services["redis"]["command"])
    assert "--appendonly yes" in redis_cmd
    assert "--appendfsync always" in redis_cmd
    assert services["redis"]["image"].split(":")[1].split(".")[0] == "7"
    es = services["elasticsearch"]
    assert _env(es)["discovery.type"] == "single-node"
    assert _env(es)["xpack.security.enabled"] == "false"
    assert "_cluster/health" in " ".join(es["healthcheck"]["test"])
    for name in ("redis", "elasticsearch"):
        assert "healthcheck" in services[name], name


def test_dockerfile() -> None:
    text = DOCKERFILE.read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.M)
    assert "--require-hashes -r requirements/model.txt" in text
    users = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert users and users[-1] not in ("root", "0"), "the image must not run as root"
    # Everything setuptools packages must be copied into the image.
    for package in ("crosswire", "api", "worker", "indexer"):
        assert f"COPY {package}/ {package}/" in text, package
