#!/bin/bash
# First start of the compose PostgreSQL: one database and one owner per service.
# Passwords come from the environment (docker-compose.yml), never from this file.
set -euo pipefail
for svc in referral triage notification; do
  var="${svc^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE $svc LOGIN PASSWORD '${!var}';
CREATE DATABASE $svc OWNER $svc;
SQL
done
