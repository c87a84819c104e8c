# Multi-stage: build with Maven, run on a JRE with the same JVM flags as `java -jar`
# (the jar's manifest carries the Add-Opens that Neo4j's embedded mode needs; they are harmless
# when civnet talks to an external Neo4j, which is what this image is for).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY cypher cypher
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 civnet && mkdir -p /data /backups && chown civnet /data /backups
USER civnet
WORKDIR /app
COPY --from=build /src/target/civnet-*.jar /app/civnet.jar
EXPOSE 8080
ENV JAVA_OPTS="-Xmx1g"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -jar /app/civnet.jar"]
