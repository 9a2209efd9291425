import { singleWorkerServer } from "../../src/engine/app-servers.js";
import { commandMayContain, composeCommandLines } from "../../src/engine/compose-commands.js";
import { parseCompose } from "../../src/engine/parse/compose.js";

const NAMES = ["uvicorn", "gunicorn"];
const base = (w: string) => w.slice(w.lastIndexOf("/") + 1);

/** A one-service file whose `command:` (and `entrypoint:`) are the YAML values given, as written. */
const model = (command: string, entrypoint?: string) =>
  parseCompose("compose.yaml", `services:\n  api:\n    image: python\n${entrypoint ? `    entrypoint: ${entrypoint}\n` : ""}    command: ${command}\n`);

const service = (command: string, entrypoint?: string) => model(command, entrypoint).services[0];

/** Every word of every command line of the service, as the shell parse yields them. */
const words = (command: string, entrypoint?: string) => {
  const m = model(command, entrypoint);
  return composeCommandLines(m, m.services[0]).flat().map((w) => w.value);
};

describe("commandMayContain: skipping the shell parse of commands that cannot name a server", () => {
  // Each of these spells a server only once the shell has removed quotes, escapes or an expansion.
  const disguised = [
    `uvi''corn main:app`,
    `'uvi"corn" main:app'`,
    `uvi\\\\corn main:app`,
    `uvi$$((0))corn main:app`,
    `uvi$$[0]corn main:app`,
    `uvi@(x)corn main:app`,
    "'sh -c \"uvi''corn main:app\"'",
    "[\"sh\", \"-c\", \"exec uvi'c'orn main:app\"]",
  ];

  it("says yes to a command that could name a server after the shell rewrites it, and the parse does find one", () => {
    for (const command of disguised) {
      expect(commandMayContain(service(command), NAMES)).toBe(true);
    }
    expect(words(`uvi''corn main:app`)).toContain("uvicorn");
    expect(words(`'uvi"corn" main:app'`)).toContain("uvicorn");
  });

  it("says no only where no word of any command line names a server (the rule's findings are the same)", () => {
    const commands: [string, string?][] = [
      ["rust-consumer --storage errors --max-poll-interval-ms ${SENTRY_KAFKA_MAX_POLL_INTERVAL_MS:-300000}"],
      ["run consumer ingest-events --consumer-group ingest-consumer --auto-offset-reset=earliest"],
      ["[\"run\", \"web\"]", "\"/etc/sentry/entrypoint.sh\""],
      ["python -m apps.bot.run_bot && celery -A app worker; $$CMD ${X:-uvi}corn"],
      ["sh -c $${SERVER}/bin/start"],
      ["[\"sh\", \"-c\", \"exec $$APP --port 8000\"]"],
      ["uvicorn main:app"],
      ["/venv/bin/gunicorn -w 1 app:app"],
      ["[\"python\", \"-m\", \"uvicorn\", \"main:app\"]"],
      ["'sh -c \"celery -A app worker --loglevel=info\"'"],
      ["'sh -c \"exec {uvi,x}corn main:app; uvi{,}corn; uvi*corn; [u]vicorn; ~uvicorn\"'"],
      ["[\"bash\", \"-c\", \"python manage.py migrate && (python manage.py runserver 0.0.0.0:8000)\"]"],
      ["'sh -c \"exec gun\"\"icorn app:app\"'"],
      ["'sh -c \"exec `which gunicorn` app:app\"'"],
      ["'sh -c \"exec \\\"gun\\\"icorn app:app\"'"],
      ...disguised.map((d): [string] => [d]),
    ];
    for (const [command, entrypoint] of commands) {
      const named = words(command, entrypoint).some((w) => NAMES.includes(base(w)));
      const may = commandMayContain(service(command, entrypoint), NAMES);
      // Never a "no" where a word names a server.
      if (named) expect([command, may]).toEqual([command, true]);
      // Plain commands that name no server are the ones skipped.
      if (!/['"\\`(]|\$\[/.test(command) && !NAMES.some((n) => command.includes(n))) expect([command, may]).toEqual([command, false]);
      // So are commands whose only rewrites are quotes, and that name no server once quotes are removed.
      if (!/[\\$`(]/.test(command) && !NAMES.some((n) => command.replace(/['"]/g, "").includes(n))) expect([command, may]).toEqual([command, false]);
    }
  });

  it("covers every name singleWorkerServer matches", () => {
    for (const name of NAMES) expect(singleWorkerServer([`/venv/bin/${name}`, "-w", "1", "main:app"])).not.toBeNull();
    expect(singleWorkerServer(["uvicorn-like", "main:app"])).toBeNull();
  });
});
