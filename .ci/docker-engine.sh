#!/usr/bin/env bash
# A real Docker engine for CI on a Debian bookworm machine with no image registry:
#   - docker.io (bookworm) + Compose v2 and buildx (only in trixie: pinned low, installed by name)
#   - dockerd started by hand (no systemd), its PID in /run/chat-ci-dockerd.pid
#   - base images built locally, since nothing can be pulled: debian:bookworm-slim from a
#     minbase rootfs (mmdebstrap, Debian's mirror) and node:20-bookworm-slim from it plus this
#     machine's node and npm. The project's Dockerfiles name these tags, which a user's Docker
#     pulls from Docker Hub instead.
# Idempotent: what is there already is kept. Stop the engine: bash .ci/docker-engine.sh stop
set -euo pipefail
PIDFILE=/run/chat-ci-dockerd.pid
WORK=${DOCKER_RIG_DIR:-/tmp/chat-ci-docker}

if [ "${1:-}" = stop ]; then
  if [ -f "$PIDFILE" ]; then kill "$(cat "$PIDFILE")" 2>/dev/null || true; rm -f "$PIDFILE"; fi
  exit 0
fi

t0=$SECONDS
step() { echo "[docker] $1 ($((SECONDS - t0)) s)"; }
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$WORK"

if ! docker compose version >/dev/null 2>&1 || ! command -v dockerd >/dev/null || ! command -v mmdebstrap >/dev/null; then
  mirror=$(grep -h -m1 -oE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources | awk '{print $2}')
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$mirror" >/etc/apt/sources.list.d/chat-ci-trixie.sources
  # Nothing comes from trixie unless asked for by name.
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' >/etc/apt/preferences.d/chat-ci-trixie
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker.io iptables mmdebstrap >/dev/null
  apt-get install -y -qq --no-install-recommends -t trixie docker-compose docker-buildx >/dev/null
  step "packages installed"
fi

if ! docker info >/dev/null 2>&1; then
  nohup dockerd --host unix:///var/run/docker.sock >"$WORK/dockerd.log" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { tail -20 "$WORK/dockerd.log"; exit 1; }
fi
step "engine $(docker info --format '{{.ServerVersion}}') up, compose $(docker compose version --short)"

if ! docker image inspect debian:bookworm-slim >/dev/null 2>&1; then
  mirror=$(grep -h -m1 -oE '^URIs: *[^ ]+' /etc/apt/sources.list.d/debian.sources | awk '{print $2}')
  rm -f "$WORK/rootfs.tar"
  mmdebstrap --variant=minbase --quiet bookworm "$WORK/rootfs.tar" "$mirror"
  docker import -c 'CMD ["bash"]' "$WORK/rootfs.tar" debian:bookworm-slim >/dev/null
  rm -f "$WORK/rootfs.tar"
  step "debian:bookworm-slim built"
fi

if ! docker image inspect node:20-bookworm-slim >/dev/null 2>&1; then
  ctx="$WORK/node"
  rm -rf "$ctx" && mkdir -p "$ctx"
  cp "$(command -v node)" "$ctx/node"
  cp -a "$(npm root -g)/npm" "$ctx/npm"
  cp /etc/ssl/certs/ca-certificates.crt "$ctx/"
  # This machine's HTTPS egress is intercepted: builds inside containers must trust its CA bundle.
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM debian:bookworm-slim
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/bash node
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
CMD ["node"]
DOCKERFILE
  DOCKER_BUILDKIT=0 docker build -q -t node:20-bookworm-slim "$ctx" >/dev/null
  docker tag node:20-bookworm-slim node:20-slim
  rm -rf "$ctx"
  step "node:20-bookworm-slim built from node $(node --version)"
fi
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^(debian|node):' | sort
step "ready"
