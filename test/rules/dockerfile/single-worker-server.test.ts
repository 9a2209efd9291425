import rule from "../../../rules/dockerfile/single-worker-server.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nCMD [\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\", \"--workers\", \"4\"]\n",
    "FROM python:3.12-slim\nCMD uvicorn app.main:app --workers=${WORKERS}\n",
    "FROM python:3.12-slim\nCMD [\"gunicorn\", \"main:app\", \"--worker-class\", \"uvicorn.workers.UvicornWorker\", \"--workers\", \"4\"]\n",
    "FROM python:3.12-slim\nCMD [\"gunicorn\", \"main:app\"]\n",
    // one worker with 8 threads serves 8 requests at once (Cloud Run's sample)
    "FROM python:3.12-slim\nCMD exec gunicorn --bind :$PORT --workers 1 --threads 8 --timeout 0 main:app\n",
    "FROM python:3.12-slim\nCMD [\"gunicorn\", \"-w\", \"1\", \"--threads=${THREADS}\", \"app:app\"]\n",
    "FROM python:3.12-slim\nENV WEB_CONCURRENCY=4\nCMD [\"uvicorn\", \"app:app\"]\n",
    // development stages and --reload
    "FROM python:3.12-slim AS development\nCMD [\"uvicorn\", \"main:app\", \"--host\", \"0.0.0.0\"]\n",
    "FROM python:3.12-slim\nCMD [\"python\", \"-m\", \"uvicorn\", \"api:app\", \"--reload\"]\n",
  ],
  invalid: [
    {
      code: "FROM python:3.12-slim\nCMD gunicorn -w 1 --threads 1 app:app\n",
      errors: [{ messageId: "one", line: 2, column: 14, endLine: 2, endColumn: 18, data: { name: "gunicorn" } }],
    },
    {
      // a target stage of a multi-target Dockerfile, exec-form ENTRYPOINT wrapper + CMD (analyticbot)
      code: "FROM python:3.11-slim AS final\nCOPY . .\nFROM final AS api\nENTRYPOINT [\"/entrypoint.sh\"]\nCMD [\"uvicorn\", \"apps.api.main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8000\"]\nFROM final AS worker\nCMD [\"celery\", \"worker\"]\n",
      errors: [{ messageId: "uvicorn", line: 5, column: 6, endLine: 5, endColumn: 15 }],
    },
    {
      code: "FROM python:3.12-slim\nCMD alembic upgrade head && exec uvicorn app:app --host 0.0.0.0\n",
      errors: [{ messageId: "uvicorn", line: 2, column: 34, endLine: 2, endColumn: 41 }],
    },
    {
      code: "FROM python:3.12-slim\nENTRYPOINT [\"gunicorn\", \"-w\", \"1\", \"app:app\"]\n",
      errors: [{ messageId: "one", line: 2, column: 25, endLine: 2, endColumn: 34 }],
    },
    {
      code: "FROM python:3.12-slim\nCMD [\"sh\", \"-c\", \"python -m uvicorn app:app --workers=1\"]\n",
      errors: [{ messageId: "one", line: 2, column: 45, endLine: 2, endColumn: 56 }],
    },
  ],
});
