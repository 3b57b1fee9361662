# BlingAuto API image. Build: docker build -t blingauto-api . (or scripts/deploy-preprod.sh).
# Stage 1 builds the jar with the Maven wrapper; stage 2 runs it on a Java 21 JRE as a non-root user.

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
# Dependencies first, so that a code-only change reuses this layer.
RUN ./mvnw -B -q dependency:go-offline || true
COPY src/ src/
RUN ./mvnw -B -Dmaven.test.skip=true package \
 && jar="$(find target -maxdepth 1 -name 'blingauto-*.jar' ! -name '*-plain.jar' | head -n 1)" \
 && test -n "$jar" && cp "$jar" /src/app.jar

FROM eclipse-temurin:21-jre
# curl for the HEALTHCHECK (the Temurin image usually has it already).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 blingauto \
 && useradd --system --uid 10001 --gid blingauto --home-dir /app --shell /usr/sbin/nologin blingauto \
 && mkdir -p /app/bin /app/logs /app/uploads \
 && chown -R blingauto:blingauto /app/logs /app/uploads
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
COPY bin/blingauto /app/bin/blingauto
RUN chmod 0755 /app/bin/blingauto && ln -s /app/bin/blingauto /usr/local/bin/blingauto

ENV PORT=8000 \
    HOST=0.0.0.0 \
    UPLOAD_DIR=/app/uploads \
    JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
USER blingauto:blingauto
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/health" || exit 1
# `blingauto` runs the API; `blingauto db current|history|upgrade [N]|downgrade [N]` runs the migration command
# (docker compose run --rm --no-deps api db current).
ENTRYPOINT ["blingauto"]
