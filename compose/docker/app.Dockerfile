# One Silkway Spring Boot application. Build from the checkout root after ./mvnw package:
#   docker build -f compose/docker/app.Dockerfile --build-arg JAR=storefront-api/target/storefront-api-0.1.0-SNAPSHOT.jar .
FROM eclipse-temurin:25-jre
ARG JAR
RUN groupadd --system silkway && useradd --system --gid silkway --home-dir /app silkway
WORKDIR /app
COPY ${JAR} /app/app.jar
USER silkway
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
