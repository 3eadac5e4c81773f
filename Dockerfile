# holdspace: a small, non-root image. Build: docker build -t holdspace .
# Dependencies are constrained by requirements.lock (exact versions, the same file make and CI
# use); only the runtime ones are installed. The base image is pinned. Installing builds the
# message catalogs' .mo files (setup.py's build hook), which git does not hold.
FROM python:3.11.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY requirements.lock pyproject.toml setup.py README.md ./
COPY bot ./bot
COPY commands ./commands
COPY facilitation ./facilitation
COPY storage ./storage
RUN python -m venv /opt/holdspace \
 && /opt/holdspace/bin/pip install --require-virtualenv -c requirements.lock .

FROM python:3.11.11-slim-bookworm
RUN groupadd --system --gid 10001 holdspace \
 && useradd --system --uid 10001 --gid holdspace --home-dir /data --no-create-home holdspace \
 && mkdir -p /data /config && chown holdspace:holdspace /data && chmod 700 /data
COPY --from=build /opt/holdspace /opt/holdspace
ENV PATH=/opt/holdspace/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOLDSPACE_STORAGE__URL=sqlite:////data/holdspace.db \
    HOLDSPACE_STORAGE__KEY_FILE=/run/secrets/holdspace.key
USER holdspace:holdspace
WORKDIR /data
VOLUME ["/data"]
HEALTHCHECK --interval=60s --timeout=20s --start-period=30s CMD ["holdspace", "doctor", "--config", "/config/config.toml"]
ENTRYPOINT ["holdspace"]
CMD ["run", "--config", "/config/config.toml"]
