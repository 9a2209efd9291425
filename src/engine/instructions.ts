/** Every Dockerfile instruction keyword Docker knows (upper case). */
export const KNOWN_INSTRUCTIONS: ReadonlySet<string> = new Set([
  "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
  "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
]);

/** Instructions that Docker refuses as an ONBUILD trigger. */
export const ILLEGAL_TRIGGERS: ReadonlySet<string> = new Set(["ONBUILD", "FROM", "MAINTAINER"]);
