# syntax=docker/dockerfile:1
# The dockaudit GitHub App: build the TypeScript, install production dependencies only, add ShellCheck, run as a non-root user.

FROM node:20.20-alpine3.22 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY rules ./rules
RUN npm run build

FROM node:20.20-alpine3.22 AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20.20-alpine3.22 AS runtime
LABEL org.opencontainers.image.title="dockaudit" \
      org.opencontainers.image.description="GitHub App that reviews the Dockerfiles and Compose files of every pull request" \
      org.opencontainers.image.source="https://github.com/dockaudit/dockaudit" \
      org.opencontainers.image.licenses="MIT"
# ShellCheck checks the RUN scripts (the `shellcheck` rule); without it every audit only says it is missing.
RUN apk add --no-cache shellcheck
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json app.yml ./
# uid 1000 is the image's unprivileged `node` user; the app only reads /app.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/app/server.js"]
