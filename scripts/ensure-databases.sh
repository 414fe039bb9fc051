#!/usr/bin/env bash
# Makes sure the databases the tests run on are up, and prints the
# environment for them (eval it). PostgreSQL is required: installed from
# Debian's packages and started when missing (no docker). MariaDB/MySQL is
# used when it answers, and skipped otherwise.
set -uo pipefail

log() { echo "ensure-databases: $*" >&2; }

pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1; then
  log "PostgreSQL is not installed; installing it from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2 || {
    log "could not install PostgreSQL"; exit 1; }
fi

if ! pg_ready; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)
  if [ -n "$version" ]; then
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  fi
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
if ! pg_ready; then
  log "PostgreSQL does not answer on 127.0.0.1:5432"; exit 1
fi
# Trust auth for postgres on 127.0.0.1 is what CI machines have; a password
# can be given through the connection string instead.
echo "export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
echo "export ITSM_REQUIRE_POSTGRES=1"

# MariaDB: Backstage's test helper needs a user with a password, so make one.
if [ -z "${BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING:-}" ] && command -v mariadb >/dev/null 2>&1; then
  if mariadb -uroot -h127.0.0.1 -e 'select 1' >/dev/null 2>&1; then
    mariadb -uroot -h127.0.0.1 -e "
      CREATE USER IF NOT EXISTS 'itsm_test'@'127.0.0.1' IDENTIFIED BY 'itsm_test';
      CREATE USER IF NOT EXISTS 'itsm_test'@'localhost' IDENTIFIED BY 'itsm_test';
      GRANT ALL ON *.* TO 'itsm_test'@'127.0.0.1';
      GRANT ALL ON *.* TO 'itsm_test'@'localhost';" >&2 &&
      echo "export BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING=mysql://itsm_test:itsm_test@127.0.0.1:3306/itsm"
  else
    log "MariaDB does not answer on 127.0.0.1:3306; MySQL tests are skipped"
  fi
elif [ -n "${BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING:-}" ]; then
  echo "export BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING=$BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING"
fi
echo "export BACKSTAGE_TEST_DISABLE_DOCKER=1"
