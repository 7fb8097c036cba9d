#!/bin/sh
# Creates one role and one database per service; run once by the postgres image on an empty data directory
# (docker-compose.yml and the dev overlay's StatefulSet). Names and passwords come from the environment and
# are passed to psql as variables, never spliced into SQL text. A role shared by several services is created once.
set -eu

create() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v db="$1" -v role="$2" -v pass="$3" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') AS missing \gset
\if :missing
CREATE ROLE :"role" LOGIN PASSWORD :'pass';
\endif
CREATE DATABASE :"db" OWNER :"role";
SQL
}

create catalog "$CATALOG_DB_USERNAME" "$CATALOG_DB_PASSWORD"
create summit "$SUMMIT_DB_USERNAME" "$SUMMIT_DB_PASSWORD"
create feed "$FEED_DB_USERNAME" "$FEED_DB_PASSWORD"
