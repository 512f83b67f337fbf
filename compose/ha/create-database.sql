-- The application's role and database on the cluster's primary, idempotent: run by
-- `compose/ha/cluster up` and by the db-init service of compose/docker-compose.yml.
--   psql -v app_user=silkway -v app_database=silkway -f create-database.sql
-- The password comes from the environment (SILKWAY_DB_PASSWORD), never from the command line.
\set ON_ERROR_STOP on
\getenv app_password SILKWAY_DB_PASSWORD
SELECT format('CREATE ROLE %I LOGIN', :'app_user')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'app_user', :'app_password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'app_database', :'app_user')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'app_database') \gexec
