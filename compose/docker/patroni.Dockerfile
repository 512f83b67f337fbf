# A Silkway PostgreSQL node: Debian's PostgreSQL 15 and Patroni 3.0, the same packages as the local
# cluster (compose/ha/cluster). Its configuration is compose/ha/patroni.yml, mounted read-only; the
# node-specific settings come from PATRONI_* environment variables (see docker-compose.yml).
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      postgresql-15 patroni python3-etcd python3-psycopg2 curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/postgresql/silkway /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql \
 && chmod 700 /var/lib/postgresql/silkway
USER postgres
EXPOSE 5432 8008
HEALTHCHECK --interval=5s --timeout=2s --retries=3 CMD curl -fsS http://127.0.0.1:8008/liveness || exit 1
ENTRYPOINT ["/usr/bin/patroni", "/etc/patroni/patroni.yml"]
