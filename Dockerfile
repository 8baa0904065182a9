# The log server from the distribution tarball (README, "Packaging and deployment").
#   docker build -t tlog .
#   docker run -p 7400:7400 -p 7401:7401 -v tlog-data:/var/lib/tlog tlog
# The container listens on all interfaces, so the server needs TLS (or --allow-plaintext behind a
# TLS-terminating proxy): the default arguments use a self-signed development certificate; mount
# your own and pass --tls-cert/--tls-key for anything real (spec/security.md).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -DskipTests clean package -pl dist -am \
 && mkdir /opt/tlog \
 && tar xzf dist/target/tlog-*.tar.gz -C /opt/tlog --strip-components=1

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/tlog --shell /usr/sbin/nologin tlog \
 && mkdir -p /var/lib/tlog && chown tlog:tlog /var/lib/tlog && chmod 700 /var/lib/tlog
COPY --from=build /opt/tlog /opt/tlog
USER tlog
VOLUME /var/lib/tlog
EXPOSE 7400 7401
ENTRYPOINT ["/opt/tlog/bin/tlog-server", "--data-dir", "/var/lib/tlog", "--bind", "0.0.0.0"]
CMD ["--tls-self-signed"]
