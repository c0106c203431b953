#!/usr/bin/env bash
# Installs the servers the integration tests run against (sources.md "Tests"), from Debian packages:
# PostgreSQL 15, nats-server, librdkafka-dev (whose mock cluster is the Kafka broker) and a C compiler,
# then builds the Kafka mock (scripts/servers/kafka-mock.c) into node_modules/.cache/purestream/.
# Installs only what is missing, so a second run takes a fraction of a second. Needs root for apt-get.
#   bash scripts/servers/install.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ] || missing+=(nats-server)
[ -f /usr/include/librdkafka/rdkafka_mock.h ] || missing+=(librdkafka-dev)
command -v cc >/dev/null 2>&1 || missing+=(gcc libc6-dev)

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian's postgresql package starts a system cluster on 5432; the tests start their own, so stop it.
  if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && command -v pg_ctlcluster >/dev/null 2>&1; then
    $sudo pg_ctlcluster 15 main stop >/dev/null 2>&1 || true
  fi
fi

out=node_modules/.cache/purestream/kafka-mock
src=scripts/servers/kafka-mock.c
if [ ! -x "$out" ] || [ "$src" -nt "$out" ]; then
  mkdir -p "$(dirname "$out")"
  cc -O2 -o "$out" "$src" -lrdkafka
fi
echo "servers ready: $(/usr/lib/postgresql/15/bin/postgres --version), nats-server $( (nats-server --version 2>/dev/null || /usr/sbin/nats-server --version) | sed 's/.*v//'), kafka mock at $out"
