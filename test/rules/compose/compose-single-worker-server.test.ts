import rule from "../../../rules/compose/compose-single-worker-server.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  api:\n    build: .\n    command: uvicorn app.main:app --host 0.0.0.0 --workers 4\n",
    "services:\n  api:\n    build: .\n    command: [\"uvicorn\", \"app.main:app\", \"--workers=4\"]\n",
    "services:\n  api:\n    build: .\n    command: uvicorn app.main:app --reload\n",
    "services:\n  api:\n    build: .\n    command: uvicorn app.main:app\n    deploy:\n      replicas: 3\n",
    // Replicas as a string or an interpolation: the default when it is a number, else unknown.
    "services:\n  api:\n    build: .\n    command: uvicorn app.main:app\n    deploy:\n      replicas: ${REPLICAS:-3}\n  web:\n    build: .\n    command: uvicorn web.main:app\n    deploy:\n      replicas: \"3\"\n  worker:\n    build: .\n    command: uvicorn worker.main:app\n    scale: ${N:-2}\n  admin:\n    build: .\n    command: uvicorn admin.main:app\n    deploy:\n      replicas: ${ADMIN_REPLICAS}\n",
    "services:\n  api:\n    build: .\n    command: uvicorn app.main:app\n    environment:\n      WEB_CONCURRENCY: 4\n",
    "services:\n  api:\n    build: .\n    command: gunicorn app:app -k uvicorn.workers.UvicornWorker\n",
    "services:\n  api:\n    build: .\n",
    "services:\n  api:\n    build: .\n    command: gunicorn --bind :8080 --workers 1 --threads 8 main:app\n",
    "services:\n  api:\n    build: .\n    command: [\"gunicorn\", \"-w\", \"1\", \"--threads=4\", \"app:app\"]\n",
    "services:\n  bot:\n    build: .\n    command: python -m apps.bot.run_bot\n",
  ],
  invalid: [
    {
      code: "services:\n  api:\n    build: .\n    command: gunicorn -w 1 --threads=1 app:app\n",
      errors: [{ messageId: "explicit", line: 4, column: 23, endLine: 4, endColumn: 25, service: "api" }],
    },
    {
      code: "services:\n  api:\n    build: .\n    command: uvicorn apps.api.main:app --host 0.0.0.0 --port 8000\n",
      errors: [{ messageId: "implicit", line: 4, column: 14, endLine: 4, endColumn: 21, service: "api" }],
    },
    {
      code: "services:\n  api:\n    build: .\n    command: [\"gunicorn\", \"-w\", \"1\", \"app:app\"]\n  web:\n    build: .\n    command: sh -c \"alembic upgrade head && python -m uvicorn main:app\"\n  asgi:\n    build: .\n    entrypoint: [\"poetry\", \"run\"]\n    command: [\"uvicorn\", \"main:app\", \"--workers\", \"1\"]\n",
      errors: [
        { messageId: "explicit", line: 4, column: 27, endLine: 4, endColumn: 31, service: "api" },
        { messageId: "implicit", line: 7, column: 55, endLine: 7, endColumn: 62, service: "web" },
        { messageId: "explicit", line: 11, column: 38, endLine: 11, endColumn: 49, service: "asgi" },
      ],
    },
    {
      code: "services:\n  api:\n    build: .\n    command: >\n      uvicorn main:app\n      --host 0.0.0.0\n",
      errors: [{ messageId: "implicit", line: 4, column: 14, endLine: 6, endColumn: 21 }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  command: uvicorn app:main --host 0.0.0.0\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "implicit", line: 3, column: 12, endLine: 3, endColumn: 19, service: "w1" }],
    },
    {
      // A default of one replica is one replica.
      code: "services:\n  api:\n    build: .\n    command: uvicorn app.main:app\n    deploy:\n      replicas: ${REPLICAS:-1}\n",
      errors: [{ messageId: "implicit", line: 4, column: 14, endLine: 4, endColumn: 21, service: "api" }],
    },
  ],
});
