FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH="/opt/venv/bin:$PATH" \
    BROADSHEET_DATABASE_URL=sqlite:////data/broadsheet.db

RUN pip install --no-cache-dir uv \
    && useradd --system --create-home --uid 10001 broadsheet \
    && mkdir /data && chown broadsheet /data

WORKDIR /srv/broadsheet
# Dependencies first, so code changes reuse the cached layer.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --locked --no-dev --no-install-project
COPY app ./app
COPY migrations ./migrations
COPY seed ./seed
RUN uv sync --locked --no-dev

USER broadsheet
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"]
CMD ["broadsheet", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
